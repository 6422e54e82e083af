// Material of the sessions: uploading (the session's speaker or a coordinator), listing,
// publishing and unpublishing, deleting, and opening a file for download, by a member's token or
// by a signed link. Publishing appends "material.published", unpublishing and deleting a
// published material "material.unpublished". Files are stored by content hash in the
// file_store; a stored file no material uses any more is deleted. Thread-safe (stateless over
// the store; the file store and signer are thread-safe).
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/clock.hpp"
#include "server/domain/download_links.hpp"
#include "server/domain/file_store.hpp"
#include "server/domain/link_signer.hpp"
#include "server/domain/material.hpp"
#include "server/domain/principal.hpp"
#include "server/domain/result.hpp"
#include "server/domain/store.hpp"

namespace bimtek::domain {

struct material_policy {
    std::uint64_t max_bytes = 100ull * 1024 * 1024;  // per file
};

// An upload as the transport received it.
struct material_upload {
    std::string filename;        // the name the client gave (?filename=), any form
    std::string content_type;    // the Content-Type header
    std::filesystem::path path;  // the body, streamed to a temporary file in the data directory
    std::uint64_t size = 0;
    bool published = true;
};

// A material with the download link meant for the viewer.
struct material_view {
    domain::material material;
    std::string
        url;  // a signed link (download_links.hpp): "public" for participants, "staff" for staff
};

// A material's file to send.
struct material_file {
    domain::material material;
    std::filesystem::path path;  // in the file store
};

class material_service {
public:
    // Every reference must outlive the service.
    material_service(store& s, file_store& files, link_signer& signer, clock const& k,
                     material_policy policy = {});

    std::uint64_t max_upload_bytes() const { return policy_.max_bytes; }

    // The session's speaker or a coordinator of its event. 415 "unsupported_type" for a type
    // outside the allow-list (material_rules.hpp), 415 "content_mismatch" when the bytes are not
    // of the declared type, 413 "body_too_large" beyond max_bytes, 422 on "file" ("empty") for an
    // empty body and on "filename" for a name that is not UTF-8. The upload's file is consumed
    // on success (moved into the file store).
    result<material_view> upload(principal const& by, session_id session, material_upload const& u);
    // Members of the event: staff see every material, participants the published ones. Oldest
    // first.
    result<std::vector<material_view>> list(principal const& by, session_id session);
    // The session's speaker or a coordinator. Setting the state it has changes nothing (no update).
    result<material_view> set_published(principal const& by, material_id id, bool published);
    // The session's speaker or a coordinator.
    status remove(principal const& by, material_id id);

    // With a token: staff of the event, or its participants while the material is published.
    // 404 "material_not_found" for what the caller may not see.
    result<material_file> open(principal const& by, material_id id);
    // With a signed link's query parameters, no token: 403 "invalid_link" when the link is
    // wrong or expired, 404 "material_not_found" when the material is gone or the link is
    // public and the material unpublished.
    result<material_file> open_by_link(material_id id, std::optional<std::string> const& expires,
                                       std::optional<std::string> const& scope,
                                       std::optional<std::string> const& signature);

private:
    material_view view(material m, link_scope scope, timestamp now);
    // Deletes the stored file unless a material still uses it.
    void collect(std::string const& sha256);

    store& store_;
    file_store& files_;
    link_signer& signer_;
    clock const& clock_;
    material_policy policy_;
};

}  // namespace bimtek::domain
