// Material a speaker shares in a session: slides, handouts, videos. The file itself is kept by
// content hash in a file_store (file_store.hpp); the record holds its original name as metadata
// only, never as a path.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/domain/ids.hpp"
#include "shared/time/timestamp.hpp"

namespace bimtek::domain {

using material_id = std::int64_t;

struct material {
    material_id id = 0;
    event_id event = 0;
    session_id session = 0;
    std::string filename;      // as the uploader named it, cleaned (material_rules.hpp)
    std::string content_type;  // one of the allow-list
    std::uint64_t size = 0;    // bytes
    std::string sha256;        // lower-case hex: the file's name in the file_store
    bool published = true;     // participants see published material only
    std::optional<user_id> uploaded_by;
    timestamp uploaded_at{};
};

class material_repository {
public:
    virtual ~material_repository() = default;
    virtual material_id insert(material const& m) = 0;
    // Stores "published" (the only field that changes).
    virtual void update(material const& m) = 0;
    virtual void remove(material_id id) = 0;
    virtual std::optional<material> find(material_id id) = 0;
    // Oldest first (uploaded_at, then id).
    virtual std::vector<material> list_by_session(session_id session) = 0;
    // How many materials (of any event) are this file.
    virtual int count_by_sha256(std::string const& sha256) = 0;
};

}  // namespace bimtek::domain
