// Signing links that work without a bearer token (material downloads a phone's download manager
// resumes on its own). security::hmac_link_signer implements it with HMAC-SHA-256 and a random
// key kept in the data directory; domain tests use a fake. Implementations must be safe to call
// from any thread.
#pragma once

#include <string>
#include <string_view>

namespace bimtek::domain {

class link_signer {
public:
    virtual ~link_signer() = default;
    // A signature of "message": lower-case hex (or base64url) text safe in a URL query.
    virtual std::string sign(std::string_view message) = 0;
    // True when "signature" is sign(message); compares in constant time.
    virtual bool verify(std::string_view message, std::string_view signature) = 0;
};

}  // namespace bimtek::domain
