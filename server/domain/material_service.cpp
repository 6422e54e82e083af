#include "server/domain/material_service.hpp"

#include "server/domain/access.hpp"
#include "server/domain/material_rules.hpp"
#include "server/domain/update_payloads.hpp"

namespace bimtek::domain {
namespace {

error session_not_found() {
    return make_error(error_kind::not_found, "session_not_found", "no such session");
}

error material_not_found() {
    return make_error(error_kind::not_found, "material_not_found", "no such material");
}

// "material.published" / "material.unpublished" for "m" of session "s".
stream_update material_update(material const& m, session const& s, bool published,
                              std::string const& public_url, timestamp at) {
    stream_update u =
        published ? make_update(m.event, "material.published", at,
                                material_published_views(m, public_url))
                  : make_update(m.event, "material.unpublished", at, material_unpublished_views(m));
    u.session = s.id;
    u.speaker = s.speaker;
    return u;
}

}  // namespace

material_service::material_service(store& s, file_store& files, link_signer& signer, clock const& k,
                                   material_policy policy)
    : store_(s), files_(files), signer_(signer), clock_(k), policy_(policy) {}

material_view material_service::view(material m, link_scope scope, timestamp now) {
    std::string url = download_link(signer_, m.id, link_expiry(now), scope);
    return material_view{std::move(m), std::move(url)};
}

result<material_view> material_service::upload(principal const& by, session_id in_session,
                                               material_upload const& u) {
    // Who may, before reading a byte of the file.
    status allowed = store_.read([&](repositories& r) -> status {
        auto s = r.sessions.find(in_session);
        if (!s) return session_not_found();
        return require_session_runner(r, by, *s);
    });
    if (!allowed) return allowed.error();

    auto type = material_type(u.content_type, u.filename);
    if (!type)
        return make_error(error_kind::unsupported_type, "unsupported_type",
                          "materials may be PDF, PPTX, DOCX, XLSX, PNG, JPEG, GIF, WebP or MP4");
    auto filename = clean_material_filename(u.filename, *type);
    if (!filename) return filename.error();
    if (u.size > policy_.max_bytes)
        return make_error(
            error_kind::too_large, "body_too_large",
            "the file is larger than " + std::to_string(policy_.max_bytes) + " bytes");
    if (u.size == 0) return invalid_field("file", "empty", "the file is empty");

    auto digest = files_.digest(u.path);
    if (!digest) return digest.error();
    if (digest->size == 0) return invalid_field("file", "empty", "the file is empty");
    if (!matches_signature(*type, digest->head))
        return make_error(error_kind::unsupported_type, "content_mismatch",
                          "the file's content is not " + *type);

    timestamp now = clock_.now();
    bool kept = false;
    auto added = write_value<material_view>(store_, [&](repositories& r) -> result<material_view> {
        auto s = r.sessions.find(in_session);  // again: it may have gone meanwhile
        if (!s) return session_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st.error();
        // Inside the write, so a concurrent delete cannot remove the file between here and the
        // commit (collect() also runs inside a write).
        if (status st = files_.keep(u.path, digest->sha256); !st) return st.error();
        kept = true;
        material m;
        m.event = s->event;
        m.session = s->id;
        m.filename = std::move(*filename);
        m.content_type = *type;
        m.size = digest->size;
        m.sha256 = digest->sha256;
        m.published = u.published;
        if (by.is_staff()) m.uploaded_by = by.subject;
        m.uploaded_at = now;
        m.id = r.materials.insert(m);
        if (m.published) {
            std::string url =
                download_link(signer_, m.id, link_expiry(now), link_scope::public_link);
            stream_update update = material_update(m, *s, true, url, now);
            r.updates.append(update);
        }
        return view(std::move(m), link_scope::staff, now);
    });
    // The file was stored but the material was not (a failed commit): no stored file stays
    // without a material, unless another material has the same content.
    if (!added && kept) collect(digest->sha256);
    return added;
}

result<std::vector<material_view>> material_service::list(principal const& by,
                                                          session_id in_session) {
    timestamp now = clock_.now();
    using views = std::vector<material_view>;
    return read_value<views>(store_, [&](repositories& r) -> result<views> {
        auto s = r.sessions.find(in_session);
        if (!s) return session_not_found();
        if (status st = require_member(r, by, s->event); !st) return st.error();
        views out;
        for (material& m : r.materials.list_by_session(s->id)) {
            if (by.is_participant() && !m.published) continue;
            out.push_back(view(std::move(m),
                               by.is_staff() ? link_scope::staff : link_scope::public_link, now));
        }
        return out;
    });
}

result<material_view> material_service::set_published(principal const& by, material_id id,
                                                      bool published) {
    timestamp now = clock_.now();
    return write_value<material_view>(store_, [&](repositories& r) -> result<material_view> {
        auto m = r.materials.find(id);
        if (!m) return material_not_found();
        auto s = r.sessions.find(m->session);
        if (!s) return material_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st.error();
        if (m->published != published) {
            m->published = published;
            r.materials.update(*m);
            std::string url =
                download_link(signer_, m->id, link_expiry(now), link_scope::public_link);
            stream_update update = material_update(*m, *s, published, url, now);
            r.updates.append(update);
        }
        return view(std::move(*m), link_scope::staff, now);
    });
}

status material_service::remove(principal const& by, material_id id) {
    timestamp now = clock_.now();
    std::string sha256;
    status removed = store_.write([&](repositories& r) -> status {
        auto m = r.materials.find(id);
        if (!m) return material_not_found();
        auto s = r.sessions.find(m->session);
        if (!s) return material_not_found();
        if (status st = require_session_runner(r, by, *s); !st) return st;
        r.materials.remove(id);
        if (m->published) {
            stream_update update = material_update(*m, *s, false, {}, now);
            r.updates.append(update);
        }
        sha256 = m->sha256;
        return {};
    });
    if (!removed) return removed;
    collect(sha256);
    return {};
}

void material_service::collect(std::string const& sha256) {
    // In a write of its own, after the delete committed: serialized with uploads' keep(), so a
    // file is never deleted under a material that is being added. A failure only leaves an
    // unused file behind.
    static_cast<void>(store_.write([&](repositories& r) -> status {
        if (r.materials.count_by_sha256(sha256) == 0) return files_.remove(sha256);
        return {};
    }));
}

result<material_file> material_service::open(principal const& by, material_id id) {
    return read_value<material_file>(store_, [&](repositories& r) -> result<material_file> {
        auto m = r.materials.find(id);
        if (!m) return material_not_found();
        if (status st = require_member(r, by, m->event); !st) return st.error();
        if (by.is_participant() && !m->published) return material_not_found();
        std::filesystem::path path = files_.locate(m->sha256);
        return material_file{std::move(*m), std::move(path)};
    });
}

result<material_file> material_service::open_by_link(material_id id,
                                                     std::optional<std::string> const& expires,
                                                     std::optional<std::string> const& scope,
                                                     std::optional<std::string> const& signature) {
    auto granted = check_download_link(signer_, id, expires, scope, signature, clock_.now());
    if (!granted)
        return make_error(error_kind::forbidden, "invalid_link",
                          "the download link is wrong or has expired: list the materials again");
    return read_value<material_file>(store_, [&](repositories& r) -> result<material_file> {
        auto m = r.materials.find(id);
        if (!m) return material_not_found();
        if (*granted == link_scope::public_link && !m->published) return material_not_found();
        std::filesystem::path path = files_.locate(m->sha256);
        return material_file{std::move(*m), std::move(path)};
    });
}

}  // namespace bimtek::domain
