// A link signer for tests: deterministic, NOT secret. sign(m) is 16 hex characters (FNV-1a of
// m); verify compares. Thread-safe (stateless).
#pragma once

#include "server/domain/link_signer.hpp"

namespace bimtek::test {

class fake_link_signer final : public domain::link_signer {
public:
    std::string sign(std::string_view message) override;
    bool verify(std::string_view message, std::string_view signature) override;
};

}  // namespace bimtek::test
