#include "server/domain/auth_service.hpp"

#include <algorithm>

#include "server/domain/access_code.hpp"
#include "server/domain/account_rules.hpp"

namespace bimtek::domain {
namespace {

// Failures are tracked per username; these bound the limiter's memory under a username spray.
constexpr std::size_t max_username_key = 64;
constexpr std::size_t sweep_threshold = 4096;
constexpr std::size_t max_token_length = 512;

error invalid_credentials() {
    return make_error(error_kind::unauthorized, "invalid_credentials",
                      "wrong username or password");
}

error unknown_code() {
    return make_error(error_kind::unauthorized, "unknown_code",
                      "no participant has this access code");
}

error invalid_token() {
    return make_error(error_kind::unauthorized, "invalid_token",
                      "the token is unknown or has expired");
}

}  // namespace

auth_service::auth_service(store& s, crypto& c, clock const& k, auth_policy policy)
    : store_(s),
      crypto_(c),
      clock_(k),
      policy_(policy),
      dummy_hash_(c.hash_password("bimtek: a password no account has")) {}

result<login_result> auth_service::login(std::string_view username, std::string_view password) {
    timestamp now = clock_.now();
    std::string name = fold_username(username);
    if (name.size() > max_username_key) name.resize(max_username_key);

    if (auto wait = reserve_attempt(name, now)) {
        error e = make_error(error_kind::rate_limited, "too_many_attempts",
                             "too many failed logins for this username; try again later");
        e.retry_after_seconds = static_cast<int>(wait->count());
        return e;
    }

    auto found = read_value<std::optional<staff_user>>(
        store_, [&](repositories& r) -> result<std::optional<staff_user>> {
            return r.users.find_by_username(name);
        });
    if (!found) return found.error();

    bool ok = false;
    if (password.size() <= max_password) {
        if (*found)
            ok = crypto_.verify_password((*found)->password_hash, password);
        else
            (void)crypto_.verify_password(dummy_hash_, password);  // same work as for a real user
    }
    if (!ok) return invalid_credentials();  // reserve_attempt counted it already
    clear_failures(name);

    user_id id = (*found)->id;
    return write_value<login_result>(store_, [&](repositories& r) -> result<login_result> {
        auto user = r.users.find(id);
        if (!user) return invalid_credentials();  // removed meanwhile
        auto token = issue(r, user->role, user->id, policy_.staff_token_lifetime);
        if (!token) return token.error();
        return login_result{std::move(*token), std::move(*user)};
    });
}

result<join_result> auth_service::join(std::string_view access_code) {
    auto code = normalize_access_code(access_code);
    if (!code) return unknown_code();
    return write_value<join_result>(store_, [&](repositories& r) -> result<join_result> {
        auto who = r.participants.find_by_code(*code);
        if (!who) return unknown_code();
        auto token = issue(r, role::participant, who->id, policy_.participant_token_lifetime);
        if (!token) return token.error();
        return join_result{std::move(*token), std::move(*who)};
    });
}

result<principal> auth_service::authenticate(std::string_view bearer_token) {
    if (bearer_token.empty() || bearer_token.size() > max_token_length) return invalid_token();
    std::string digest = crypto_.token_digest(bearer_token);
    timestamp now = clock_.now();
    return read_value<principal>(store_, [&](repositories& r) -> result<principal> {
        auto t = r.tokens.find(digest);
        if (!t || t->expires_at <= now) return invalid_token();
        principal p;
        p.subject = t->subject;
        if (t->role == role::participant) {
            auto who = r.participants.find(t->subject);
            if (!who) return invalid_token();
            p.role = role::participant;
            p.event = who->event;
            p.display_name = who->name;
        } else {
            auto user = r.users.find(t->subject);
            if (!user) return invalid_token();
            p.role = user->role;  // the account's role now, not when the token was issued
            p.display_name = user->display_name;
        }
        return p;
    });
}

status auth_service::logout(std::string_view bearer_token) {
    if (bearer_token.empty() || bearer_token.size() > max_token_length) return {};
    std::string digest = crypto_.token_digest(bearer_token);
    return store_.write([&](repositories& r) -> status {
        r.tokens.remove(digest);
        return {};
    });
}

result<issued_token> auth_service::issue(repositories& r, role who, std::int64_t subject,
                                         std::chrono::hours lifetime) {
    timestamp now = clock_.now();
    r.tokens.remove_expired(now);  // housekeeping: keeps the table to the tokens still usable
    issued_token out;
    out.token = new_bearer_token(crypto_);
    out.expires_at = now + lifetime;
    token_record rec;
    rec.digest = crypto_.token_digest(out.token);
    rec.role = who;
    rec.subject = subject;
    rec.created_at = now;
    rec.expires_at = out.expires_at;
    r.tokens.insert(rec);
    return out;
}

std::optional<std::chrono::seconds> auth_service::reserve_attempt(std::string const& username,
                                                                  timestamp now) {
    std::lock_guard lock(failures_mutex_);
    auto expired = [&](timestamp t) { return t + policy_.failed_login_window <= now; };
    if (failures_.size() >= sweep_threshold) {
        for (auto it = failures_.begin(); it != failures_.end();) {
            std::erase_if(it->second, expired);
            it = it->second.empty() ? failures_.erase(it) : std::next(it);
        }
    }
    auto& times = failures_[username];
    std::erase_if(times, expired);
    auto limit = static_cast<std::size_t>(std::max(policy_.max_failed_logins, 1));
    if (times.size() >= limit) {
        // Open again when the oldest failure that still counts leaves the window.
        timestamp until = times[times.size() - limit] + policy_.failed_login_window;
        auto wait = std::chrono::ceil<std::chrono::seconds>(until - now);
        return std::max(wait, std::chrono::seconds{1});
    }
    times.push_back(now);
    return std::nullopt;
}

void auth_service::clear_failures(std::string const& username) {
    std::lock_guard lock(failures_mutex_);
    failures_.erase(username);
}

}  // namespace bimtek::domain
