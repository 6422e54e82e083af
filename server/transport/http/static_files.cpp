#include "server/transport/http/static_files.hpp"

#include <array>
#include <chrono>
#include <system_error>
#include <utility>

#include "server/domain/result.hpp"
#include "server/transport/http/error_response.hpp"

namespace bimtek::transport {
namespace fs = std::filesystem;
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 4> pages{{
    {"/", "index.html"},
    {"/present", "present.html"},
    {"/dashboard", "dashboard.html"},
    {"/verify", "verify.html"},
}};

api_response not_found() {
    return error_response(domain::make_error(domain::error_kind::not_found, "not_found", "no such page"));
}

// The pages must not leak the access code in "/?code=..." to other sites, and never run
// anything that is not ours.
void add_security_headers(api_response& res, bool html) {
    res.header("X-Content-Type-Options", "nosniff");
    res.header("Referrer-Policy", "no-referrer");
    if (html) {
        res.header("Content-Security-Policy",
                   "default-src 'self'; img-src 'self' data: blob:; style-src 'self'; script-src 'self'; "
                   "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
        res.header("X-Frame-Options", "DENY");
    }
}

}  // namespace

static_files::static_files(fs::path root) {
    std::error_code ec;
    root_ = fs::weakly_canonical(root, ec);
    if (ec) root_ = std::move(root);
}

std::string_view static_files::content_type_for(fs::path const& file) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> types{{
        {".html", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},
        {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"},
        {".json", "application/json"},
        {".webmanifest", "application/manifest+json"},
        {".svg", "image/svg+xml"},
        {".png", "image/png"},
        {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},
        {".ico", "image/x-icon"},
        {".webp", "image/webp"},
        {".woff2", "font/woff2"},
        {".txt", "text/plain; charset=utf-8"},
        {".map", "application/json"},
        {".pdf", "application/pdf"},
    }};
    auto ext = file.extension().string();
    for (auto const& [e, t] : types)
        if (ext == e) return t;
    return "application/octet-stream";
}

fs::path static_files::resolve(std::string_view path) const {
    for (auto const& [page, file] : pages)
        if (path == page) return root_ / file;
    if (path.rfind("/verify/", 0) == 0) return root_ / "verify.html";  // /verify/{code}
    fs::path rel;
    std::string_view rest = path;
    while (!rest.empty()) {
        if (rest.front() == '/') {
            rest.remove_prefix(1);
            continue;
        }
        auto slash = rest.find('/');
        std::string_view seg = rest.substr(0, slash);
        rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash);
        if (seg.front() == '.' || seg.find('\\') != std::string_view::npos || seg.find('\0') != std::string_view::npos)
            return {};
        rel /= std::string(seg);
    }
    if (rel.empty()) return {};
    fs::path full = root_ / rel;
    std::error_code ec;
    if (!fs::is_regular_file(full, ec) && !full.has_extension()) full += ".html";
    auto canonical = fs::weakly_canonical(full, ec);
    if (ec) return {};
    // Resolved symlinks must still land inside the root.
    auto [root_end, _] = std::mismatch(root_.begin(), root_.end(), canonical.begin(), canonical.end());
    if (root_end != root_.end()) return {};
    return canonical;
}

api_response static_files::serve(api_request const& req) const {
    fs::path file = resolve(req.path);
    std::error_code ec;
    if (file.empty() || !fs::is_regular_file(file, ec)) return not_found();
    auto size = fs::file_size(file, ec);
    if (ec) return not_found();
    auto mtime = fs::last_write_time(file, ec);
    auto stamp = std::chrono::duration_cast<std::chrono::milliseconds>(mtime.time_since_epoch()).count();
    std::string etag = "\"" + std::to_string(size) + "-" + std::to_string(stamp) + "\"";

    api_response res;
    auto type = content_type_for(file);
    res.content_type = std::string(type);
    add_security_headers(res, type.rfind("text/html", 0) == 0);
    res.header("ETag", etag);
    res.header("Cache-Control", "no-cache");
    if (!req.if_none_match.empty() && req.if_none_match == etag) {
        res.status = 304;
        return res;
    }
    res.file = file_part{file, 0, size};
    return res;
}

}  // namespace bimtek::transport
