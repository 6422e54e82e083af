// The arrangement most domain tests share: the fakes, one event on 26 November 2026 in Jakarta
// (09:00-16:00 WIB), its coordinator and a speaker, and helpers to check results.
#pragma once

#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include <boost/json.hpp>

#include "server/domain/result.hpp"
#include "tests/support/fake_crypto.hpp"
#include "tests/support/fake_store.hpp"
#include "tests/support/fixed_clock.hpp"
#include "tests/support/recording_notifier.hpp"
#include "tests/support/seed.hpp"

namespace bimtek::test {

// 26 November 2026, hh:mm in Jakarta (UTC+7), as a UTC instant.
inline timestamp wib(int hh, int mm = 0) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 26} + hours{hh - 7} + minutes{mm};
}

// The same wall-clock time read as if it were UTC (a time_input with local = true).
inline timestamp wall(int hh, int mm = 0) {
    using namespace std::chrono;
    return sys_days{year{2026} / November / 26} + hours{hh} + minutes{mm};
}

class domain_fixture : public ::testing::Test {
protected:
    domain_fixture() { clock.set(wib(9)); }

    recording_notifier notifier;
    fake_store store{notifier};
    fixed_clock clock;
    fake_crypto crypto;

    domain::staff_user coordinator = seed_user(store, "koordinator", domain::role::coordinator);
    domain::staff_user speaker = seed_user(store, "narasumber", domain::role::speaker);
    domain::event event = make_event();

    domain::principal as_coordinator() const { return principal_of(coordinator); }
    domain::principal as_speaker() const { return principal_of(speaker); }

    // A coordinator of another event, and that event.
    struct stranger {
        domain::staff_user user;
        domain::event event;
    };
    stranger other_event() {
        stranger s{
            seed_user(store, "lain" + std::to_string(++strangers_), domain::role::coordinator),
            seed_event(store, "Bimtek Lain", wib(9), wib(16))};
        seed_member(store, s.event.id, s.user.id, domain::role::coordinator);
        return s;
    }

private:
    domain::event make_event() {
        auto e = seed_event(store, "Bimtek Kewirausahaan Sosial KPM PKH Graduasi", wib(9), wib(16));
        seed_member(store, e.id, coordinator.id, domain::role::coordinator);
        seed_member(store, e.id, speaker.id, domain::role::speaker);
        return e;
    }

    int strangers_ = 0;
};

// The error of a failed result or status, for EXPECT_ERROR.
template <class R>
domain::error error_of(R const& r) {
    if (r.ok())
        return domain::error{domain::error_kind::internal, "<ok>", "expected an error", {}, 0};
    return r.error();
}

inline boost::json::object parse_object(std::string const& text) {
    return boost::json::parse(text).as_object();
}

}  // namespace bimtek::test

// Checks that "expr" (a result or status) failed with "kind_" and code "code_".
#define EXPECT_ERROR(expr, kind_, code_)                               \
    do {                                                               \
        auto const bimtek_e_ = ::bimtek::test::error_of(expr);         \
        EXPECT_EQ(bimtek_e_.kind, ::bimtek::domain::error_kind::kind_) \
            << "code " << bimtek_e_.code << ": " << bimtek_e_.message; \
        EXPECT_EQ(bimtek_e_.code, code_) << bimtek_e_.message;         \
    } while (false)
