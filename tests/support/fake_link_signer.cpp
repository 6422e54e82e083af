#include "tests/support/fake_link_signer.hpp"

#include <cstdint>
#include <cstdio>

namespace bimtek::test {

std::string fake_link_signer::sign(std::string_view message) {
    std::uint64_t h = 14695981039346656037ull;
    for (unsigned char c : message) {
        h ^= c;
        h *= 1099511628211ull;
    }
    char buf[17];
    std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
    return buf;
}

bool fake_link_signer::verify(std::string_view message, std::string_view signature) {
    return sign(message) == signature;
}

}  // namespace bimtek::test
