#include "server/domain/download_links.hpp"

#include "tests/server/domain/domain_fixture.hpp"
#include "tests/support/fake_link_signer.hpp"

namespace bimtek::test {
namespace {

using namespace domain;
using namespace std::chrono_literals;

// The value of "name" in the link's query.
std::optional<std::string> param(std::string const& link, std::string const& name) {
    auto q = link.find('?');
    std::string rest = link.substr(q + 1);
    while (!rest.empty()) {
        auto amp = rest.find('&');
        std::string pair = rest.substr(0, amp);
        if (pair.rfind(name + "=", 0) == 0) return pair.substr(name.size() + 1);
        if (amp == std::string::npos) break;
        rest = rest.substr(amp + 1);
    }
    return std::nullopt;
}

class download_links_test : public ::testing::Test {
protected:
    std::optional<link_scope> check(std::string const& link, material_id id, timestamp now) {
        return check_download_link(signer, id, param(link, "expires"), param(link, "scope"),
                                   param(link, "sig"), now);
    }
    fake_link_signer signer;
};

TEST_F(download_links_test, a_link_names_the_material_and_works_until_it_expires) {
    timestamp now = wib(9);
    std::string link = download_link(signer, 12, link_expiry(now), link_scope::public_link);
    EXPECT_EQ(link.rfind("/api/v1/materials/12/download?expires=", 0), 0u) << link;
    EXPECT_EQ(param(link, "scope"), "public");
    EXPECT_EQ(check(link, 12, now), link_scope::public_link);
    EXPECT_EQ(check(link, 12, now + download_link_lifetime - 1s), link_scope::public_link);
    EXPECT_EQ(check(link, 12, link_expiry(now)), std::nullopt);
}

TEST_F(download_links_test, expiry_is_a_week_rounded_up_to_the_hour) {
    EXPECT_EQ(link_expiry(wib(9)), wib(9) + download_link_lifetime);
    EXPECT_EQ(link_expiry(wib(9, 1)), wib(10) + download_link_lifetime);
    EXPECT_EQ(link_expiry(wib(9, 59)), wib(10) + download_link_lifetime);
}

TEST_F(download_links_test, tampering_breaks_the_link) {
    timestamp now = wib(9);
    std::string link = download_link(signer, 12, link_expiry(now), link_scope::public_link);
    EXPECT_EQ(check(link, 13, now), std::nullopt);  // another material
    std::string later = link;
    later.replace(later.find("expires=") + 8, 1, "9");
    EXPECT_EQ(check(later, 12, now), std::nullopt);
    std::string staff = link;
    staff.replace(staff.find("scope=public"), 12, "scope=staff");
    EXPECT_EQ(check(staff, 12, now), std::nullopt);
    EXPECT_EQ(check_download_link(signer, 12, param(link, "expires"), param(link, "scope"),
                                  std::nullopt, now),
              std::nullopt);
    EXPECT_EQ(check_download_link(signer, 12, std::string("12x"), param(link, "scope"),
                                  param(link, "sig"), now),
              std::nullopt);
    EXPECT_EQ(check_download_link(signer, 12, param(link, "expires"), std::string("all"),
                                  param(link, "sig"), now),
              std::nullopt);
}

TEST_F(download_links_test, staff_links_carry_their_scope) {
    std::string link = download_link(signer, 5, link_expiry(wib(9)), link_scope::staff);
    EXPECT_EQ(check(link, 5, wib(10)), link_scope::staff);
}

}  // namespace
}  // namespace bimtek::test
