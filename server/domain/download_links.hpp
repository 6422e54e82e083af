// Signed, expiring download links for materials:
//   /api/v1/materials/{id}/download?expires=UNIX_SECONDS&scope=public|staff&sig=SIGNATURE
// The signature covers the material id, the expiry and the scope. A "public" link (the one
// participants see and the stream carries) works while the material is published; a "staff"
// link (only in staff listings) also while it is not. Pure functions; use from any thread.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "server/domain/link_signer.hpp"
#include "server/domain/material.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

enum class link_scope { public_link, staff };

// How long a link works: a week, so a link kept from the event day still works for a while.
inline constexpr std::chrono::hours download_link_lifetime{24 * 7};

// The expiry of links made at "now": now + lifetime, rounded up to the next full hour, so that
// listings made within the same hour give the same URL (browser caches stay useful).
timestamp link_expiry(timestamp now);

// The path and query of the link (relative to the server's origin).
std::string download_link(link_signer& signer, material_id id, timestamp expires, link_scope scope);

// The scope a link grants for material "id" at "now", from its query parameters; nullopt when
// a parameter is missing or malformed, the signature is wrong or the link has expired.
std::optional<link_scope> check_download_link(link_signer& signer, material_id id,
                                              std::optional<std::string> const& expires,
                                              std::optional<std::string> const& scope,
                                              std::optional<std::string> const& signature,
                                              timestamp now);

}  // namespace bimtek::domain
