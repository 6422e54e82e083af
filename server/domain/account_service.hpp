// Staff accounts: coordinators and speakers. Thread-safe (stateless over the store).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/staff_user.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct new_account {
    std::string username;               // 3..32 of a-z 0-9 . _ - (upper case is folded)
    std::string display_name;           // defaults to the username
    std::string password;               // 8..256 bytes
    domain::role role = role::speaker;  // coordinator or speaker
};

// Errors: 422 "invalid_field" (problems on username, display_name, password, role),
// 409 "username_taken", 403 "forbidden", 404 "event_not_found" / "user_not_found".
class account_service {
public:
    // "s", "c" and "k" must outlive the service.
    account_service(store& s, crypto& c, clock const& k);

    // For the server's own command line (add-user): no caller to check.
    result<staff_user> create_account(new_account const& a);
    // A coordinator creates an account; when "event" is given the account joins that event's
    // staff in its role (the caller must coordinate that event).
    result<staff_user> create_account(principal const& by, new_account const& a,
                                      std::optional<event_id> event = std::nullopt);
    // Staff accounts of an event, coordinators first, then by username (coordinator of the
    // event only).
    result<std::vector<std::pair<staff_user, event_member>>> list_event_staff(principal const& by,
                                                                              event_id event);
    // A coordinator adds an existing account to an event's staff, or changes its role there.
    // Only coordinator accounts may coordinate an event (422 "role_mismatch"); an event keeps at
    // least one coordinator (409 "last_coordinator").
    result<event_member> add_to_event(principal const& by, event_id event,
                                      std::string const& username, role as);
    // A user changes their own password (staff only; 422 with code "incorrect" on old_password
    // when the old one does not match).
    status change_password(principal const& who, std::string const& old_password,
                           std::string const& new_password);

private:
    // The account "a" describes, validated and with its password hashed (outside any
    // transaction: hashing is slow on purpose).
    result<staff_user> prepare(new_account const& a);
    // Inside a write: inserts "u" unless its username is taken.
    result<staff_user> create_in(repositories& r, staff_user u);

    store& store_;
    crypto& crypto_;
    clock const& clock_;
};

}  // namespace bimtek::domain
