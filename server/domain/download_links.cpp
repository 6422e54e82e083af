#include "server/domain/download_links.hpp"

#include <charconv>

namespace bimtek::domain {
namespace {

std::string_view scope_name(link_scope s) {
    return s == link_scope::staff ? "staff" : "public";
}

// What the signature covers.
std::string signed_text(material_id id, std::int64_t expires, link_scope scope) {
    return "material-download:" + std::to_string(id) + ":" + std::to_string(expires) + ":" +
           std::string(scope_name(scope));
}

std::int64_t unix_seconds(timestamp t) {
    return std::chrono::duration_cast<std::chrono::seconds>(t.time_since_epoch()).count();
}

}  // namespace

timestamp link_expiry(timestamp now) {
    return std::chrono::ceil<std::chrono::hours>(now + download_link_lifetime);
}

std::string download_link(link_signer& signer, material_id id, timestamp expires,
                          link_scope scope) {
    std::int64_t e = unix_seconds(expires);
    return "/api/v1/materials/" + std::to_string(id) + "/download?expires=" + std::to_string(e) +
           "&scope=" + std::string(scope_name(scope)) +
           "&sig=" + signer.sign(signed_text(id, e, scope));
}

std::optional<link_scope> check_download_link(link_signer& signer, material_id id,
                                              std::optional<std::string> const& expires,
                                              std::optional<std::string> const& scope,
                                              std::optional<std::string> const& signature,
                                              timestamp now) {
    if (!expires || !scope || !signature) return std::nullopt;
    std::int64_t e = 0;
    auto [end, ec] = std::from_chars(expires->data(), expires->data() + expires->size(), e);
    if (ec != std::errc{} || end != expires->data() + expires->size()) return std::nullopt;
    link_scope s;
    if (*scope == "public")
        s = link_scope::public_link;
    else if (*scope == "staff")
        s = link_scope::staff;
    else
        return std::nullopt;
    if (!signer.verify(signed_text(id, e, s), *signature)) return std::nullopt;
    if (unix_seconds(now) >= e) return std::nullopt;
    return s;
}

}  // namespace bimtek::domain
