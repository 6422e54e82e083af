#include "server/domain/account_service.hpp"

#include <algorithm>

#include "server/domain/access.hpp"
#include "server/domain/account_rules.hpp"
#include "shared/text/utf8.hpp"

namespace bimtek::domain {
namespace {

error username_taken() {
    return make_error(error_kind::conflict, "username_taken",
                      "an account with this username exists");
}

error user_not_found() {
    return make_error(error_kind::not_found, "user_not_found", "no such account");
}

bool staff_role(role r) {
    return r == role::coordinator || r == role::speaker;
}

}  // namespace

account_service::account_service(store& s, crypto& c, clock const& k)
    : store_(s), crypto_(c), clock_(k) {}

result<staff_user> account_service::prepare(new_account const& a) {
    field_problems problems;
    staff_user u;
    u.username = fold_username(a.username);
    check_username(u.username, problems);
    if (text::trim(a.display_name).empty()) {
        u.display_name = u.username;
    } else if (auto name =
                   clean_line("display_name", a.display_name, 1, max_display_name, problems)) {
        u.display_name = std::move(*name);
    }
    check_password(a.password, problems);
    if (!staff_role(a.role))
        problems.add("role", "invalid_role", "role must be coordinator or speaker");
    u.role = a.role;
    if (!problems.empty()) return problems.to_status().error();
    u.password_hash = crypto_.hash_password(a.password);
    u.created_at = clock_.now();
    return u;
}

result<staff_user> account_service::create_in(repositories& r, staff_user u) {
    if (r.users.find_by_username(u.username)) return username_taken();
    u.id = r.users.insert(u);
    return u;
}

result<staff_user> account_service::create_account(new_account const& a) {
    auto u = prepare(a);
    if (!u) return u.error();
    return write_value<staff_user>(store_, [&](repositories& r) { return create_in(r, *u); });
}

result<staff_user> account_service::create_account(principal const& by, new_account const& a,
                                                   std::optional<event_id> event) {
    if (by.role != role::coordinator) return forbidden("only a coordinator may create accounts");
    // Refuse early, before the slow hash, when the caller may not add to the event.
    if (event) {
        status allowed =
            store_.read([&](repositories& r) { return require_coordinator(r, by, *event); });
        if (!allowed) return allowed.error();
    }
    auto u = prepare(a);
    if (!u) return u.error();
    return write_value<staff_user>(store_, [&](repositories& r) -> result<staff_user> {
        if (event) {
            if (status s = require_coordinator(r, by, *event); !s) return s.error();
        }
        auto created = create_in(r, *u);
        if (!created) return created;
        if (event) r.events.put_member(event_member{*event, created->id, created->role});
        return created;
    });
}

result<std::vector<std::pair<staff_user, event_member>>> account_service::list_event_staff(
    principal const& by, event_id event) {
    using staff_list = std::vector<std::pair<staff_user, event_member>>;
    return read_value<staff_list>(store_, [&](repositories& r) -> result<staff_list> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        staff_list out;
        for (event_member const& m : r.events.list_members(event))
            if (auto u = r.users.find(m.user)) out.emplace_back(std::move(*u), m);
        std::sort(out.begin(), out.end(), [](auto const& a, auto const& b) {
            bool ac = a.second.role == role::coordinator, bc = b.second.role == role::coordinator;
            if (ac != bc) return ac;
            return a.first.username < b.first.username;
        });
        return out;
    });
}

result<event_member> account_service::add_to_event(principal const& by, event_id event,
                                                   std::string const& username, role as) {
    return write_value<event_member>(store_, [&](repositories& r) -> result<event_member> {
        if (status s = require_coordinator(r, by, event); !s) return s.error();
        if (!staff_role(as))
            return invalid_field("role", "invalid_role", "role must be coordinator or speaker");
        auto user = r.users.find_by_username(fold_username(username));
        if (!user) return user_not_found();
        if (as == role::coordinator && user->role != role::coordinator)
            return invalid_field("role", "role_mismatch",
                                 "only a coordinator account may coordinate an event");
        auto current = r.events.find_member(event, user->id);
        if (current && current->role == role::coordinator && as != role::coordinator) {
            auto members = r.events.list_members(event);
            auto coordinators =
                std::count_if(members.begin(), members.end(),
                              [](event_member const& m) { return m.role == role::coordinator; });
            if (coordinators <= 1)
                return make_error(error_kind::conflict, "last_coordinator",
                                  "an event needs at least one coordinator");
        }
        event_member m{event, user->id, as};
        r.events.put_member(m);
        return m;
    });
}

status account_service::change_password(principal const& who, std::string const& old_password,
                                        std::string const& new_password) {
    if (!who.is_staff()) return forbidden("only staff accounts have passwords");
    field_problems problems;
    check_password(new_password, problems, "new_password");
    if (status s = problems.to_status(); !s) return s;

    auto user = read_value<staff_user>(store_, [&](repositories& r) -> result<staff_user> {
        auto u = r.users.find(who.subject);
        if (!u) return user_not_found();
        return std::move(*u);
    });
    if (!user) return user.error();
    if (old_password.size() > max_password ||
        !crypto_.verify_password(user->password_hash, old_password))
        return invalid_field("old_password", "incorrect", "the current password is not correct");
    std::string hash = crypto_.hash_password(new_password);

    return store_.write([&](repositories& r) -> status {
        auto u = r.users.find(who.subject);
        if (!u) return user_not_found();
        if (u->password_hash !=
            user->password_hash)  // changed meanwhile: the old password is stale
            return invalid_field("old_password", "incorrect",
                                 "the current password is not correct");
        u->password_hash = hash;
        r.users.update(*u);
        return {};
    });
}

}  // namespace bimtek::domain
