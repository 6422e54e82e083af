// Serves the web pages from a directory (web/): "/" is index.html, "/present" present.html,
// "/dashboard" dashboard.html, "/verify/{code}" verify.html; anything else maps to a file under
// the root, never outside it (no "..", no dot-files, symlinks resolved and checked).
// Immutable after construction: safe from every thread.
#pragma once

#include <filesystem>
#include <string_view>

#include "server/transport/http/message.hpp"

namespace bimtek::transport {

class static_files {
public:
    explicit static_files(std::filesystem::path root);

    api_response serve(api_request const& req) const;

    // The content type for a file name's extension ("application/octet-stream" when unknown).
    static std::string_view content_type_for(std::filesystem::path const& file);

private:
    std::filesystem::path resolve(std::string_view path) const;  // empty when refused

    std::filesystem::path root_;  // canonical
};

}  // namespace bimtek::transport
