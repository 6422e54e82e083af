// Logging in (staff), joining by access code (participants) and resolving bearer tokens.
// Thread-safe: holds no state but the failed-login limiter, which has its own lock.
#pragma once

#include <chrono>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/crypto.hpp"
#include "server/domain/participant.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/staff_user.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct auth_policy {
    std::chrono::hours staff_token_lifetime{12};
    std::chrono::hours participant_token_lifetime{24 * 14};
    int max_failed_logins = 5;  // per username within failed_login_window, then 429
    std::chrono::seconds failed_login_window{300};
};

struct issued_token {
    std::string token;  // shown once; only its digest is stored
    timestamp expires_at{};
};

struct login_result {
    issued_token token;
    staff_user user;
};

struct join_result {
    issued_token token;
    participant who;
};

class auth_service {
public:
    // "s", "c" and "k" must outlive the service. Hashes one dummy password (see login).
    auth_service(store& s, crypto& c, clock const& k, auth_policy policy = {});

    // 401 "invalid_credentials" for an unknown user or a wrong password (the same answer for
    // both, and about the same time: an unknown user's password is checked against a dummy
    // hash); 429 "too_many_attempts" with retry_after_seconds once one username failed
    // max_failed_logins times within failed_login_window. A success clears its failures.
    result<login_result> login(std::string_view username, std::string_view password);
    // 401 "unknown_code" when the code is malformed or no participant has it.
    result<join_result> join(std::string_view access_code);
    // 401 "invalid_token" for an unknown or expired token, or one whose account or participant
    // no longer exists.
    result<principal> authenticate(std::string_view bearer_token);
    // Forgets the token; ok also when it was unknown.
    status logout(std::string_view bearer_token);

private:
    // Inside a write: a new token for "subject", stored as its digest.
    result<issued_token> issue(repositories& r, role who, std::int64_t subject,
                               std::chrono::hours lifetime);
    // Counts an attempt for "username" as a failure up front (so parallel attempts cannot slip
    // past the limit while their passwords are being checked) and returns nullopt; or, when
    // the limit is reached, records nothing and returns how long to wait.
    std::optional<std::chrono::seconds> reserve_attempt(std::string const& username, timestamp now);
    // After a successful login: the username starts afresh.
    void clear_failures(std::string const& username);

    store& store_;
    crypto& crypto_;
    clock const& clock_;
    auth_policy policy_;
    std::string dummy_hash_;  // what an unknown user's password is verified against

    std::mutex failures_mutex_;
    std::map<std::string, std::vector<timestamp>> failures_;  // guarded by failures_mutex_
};

}  // namespace bimtek::domain
