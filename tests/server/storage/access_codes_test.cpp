// Access codes as storage sees them: unique across the installation, and the codes the domain
// generates are what the participants table and normalize_access_code expect.
#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

#include "server/domain/access_code.hpp"
#include "server/domain/crypto.hpp"
#include "tests/server/storage/storage_test_support.hpp"

namespace {

using namespace bimtek;
using storage::testing::sample_event;
using storage::testing::sample_participant;

// Deterministic randomness; the rest of crypto is not needed here.
class fake_crypto final : public domain::crypto {
public:
    explicit fake_crypto(std::uint32_t seed) : engine_(seed) {}

    std::string hash_password(std::string_view password) override {
        return "fake$" + std::string(password);
    }
    bool verify_password(std::string_view stored, std::string_view password) override {
        return stored == hash_password(password);
    }
    std::string token_digest(std::string_view token) override {
        return "digest$" + std::string(token);
    }
    void random_bytes(std::span<std::uint8_t> out) override {
        for (auto& b : out) b = static_cast<std::uint8_t>(random_below(256));
    }
    std::uint32_t random_below(std::uint32_t upper) override {
        return std::uniform_int_distribution<std::uint32_t>(0, upper - 1)(engine_);
    }

private:
    std::mt19937 engine_;
};

// "code" as a person might type it: lower case, with a dash and spaces.
std::string as_typed(std::string const& code) {
    std::string typed;
    for (std::size_t i = 0; i < code.size(); ++i) {
        if (i == 4) typed += " - ";
        char c = code[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        typed.push_back(c);
    }
    return " " + typed + "\t";
}

class AccessCodes : public storage::testing::store_test {};

TEST_F(AccessCodes, SameCodeInAnotherEventIsRefusedAndTheWholeWriteRollsBack) {
    auto const events = write_ok([](domain::repositories& r) {
        domain::event_id const bali = r.events.insert(sample_event("Bimtek Bali"));
        domain::event_id const ntt = r.events.insert(sample_event("Bimtek NTT"));
        r.participants.insert(sample_participant(bali, "Ni Luh Putu Ayu", "ABCD2345"));
        return std::make_pair(bali, ntt);
    });
    domain::status st = store_->write([&](domain::repositories& r) -> domain::status {
        r.participants.insert(sample_participant(events.second, "Yohanes Lado", "WXYZ9876"));
        r.participants.insert(sample_participant(events.second, "Siti Nurhaliza", "ABCD2345"));
        return {};
    });
    ASSERT_FALSE(st.ok());
    EXPECT_EQ(st.error().kind, domain::error_kind::internal);
    EXPECT_EQ(st.error().code, "storage_error");
    EXPECT_TRUE(read_ok([&](domain::repositories& r) {
                    return r.participants.list_by_event(events.second);
                }).empty());
    EXPECT_FALSE(
        read_ok([](domain::repositories& r) { return r.participants.code_exists("WXYZ9876"); }));
    auto owner =
        read_ok([](domain::repositories& r) { return r.participants.find_by_code("ABCD2345"); });
    ASSERT_TRUE(owner.has_value());
    EXPECT_EQ(owner->event, events.first);
}

TEST_F(AccessCodes, TenThousandGeneratedCodesAreWellFormedNormalizeAndAreStoredUniquely) {
    fake_crypto crypto(20240611);
    std::set<std::string> codes;
    while (codes.size() < 10'000) {
        std::string const code = domain::generate_access_code(crypto);
        ASSERT_EQ(code.size(), domain::access_code_length);
        for (char c : code)
            ASSERT_NE(domain::access_code_alphabet.find(c), std::string_view::npos) << code;
        EXPECT_EQ(domain::normalize_access_code(code), code);
        EXPECT_EQ(domain::normalize_access_code(as_typed(code)), code) << as_typed(code);
        codes.insert(code);
    }

    write_ok([&](domain::repositories& r) {
        domain::event_id const a = r.events.insert(sample_event("Bimtek A"));
        domain::event_id const b = r.events.insert(sample_event("Bimtek B"));
        int i = 0;
        for (auto const& code : codes)
            r.participants.insert(sample_participant(i++ % 2 ? a : b, "Peserta", code));
    });
    read_ok([&](domain::repositories& r) {
        for (auto const& code : codes) {
            auto p = r.participants.find_by_code(code);
            ASSERT_TRUE(p.has_value()) << code;
            EXPECT_EQ(p->access_code, code);
        }
    });
}

TEST_F(AccessCodes, LookAlikesAreRejected) {
    fake_crypto crypto(7);
    std::string const code = domain::generate_access_code(crypto);
    for (char look_alike : {'O', '0', '1', 'I', 'L', 'o', 'i', 'l'}) {
        std::string typed = code;
        typed[3] = look_alike;
        EXPECT_FALSE(domain::normalize_access_code(typed).has_value()) << typed;
    }
    EXPECT_FALSE(domain::normalize_access_code(code.substr(0, 7)).has_value());
    EXPECT_FALSE(domain::normalize_access_code(code + "2").has_value());
    EXPECT_FALSE(domain::normalize_access_code("").has_value());
}

}  // namespace
