// The HTTP layer's own request and response types: what API handlers see, without Beast. Only
// http_connection converts between these and Beast messages, which keeps Beast's templates out
// of the route files.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/domain/principal.hpp"

namespace bimtek::transport {

enum class http_method { get, head, post, put, patch, del, options, other };

std::string_view to_string(http_method m);

// A request body that http_connection streamed to a file (routes registered as uploads).
struct uploaded_file {
    std::filesystem::path path;  // a temporary file; the handler may move it, else it is deleted
    std::uint64_t size = 0;
};

struct api_request {
    http_method method = http_method::get;
    std::string path;    // percent-decoded, without the query
    std::string query;   // raw, without '?'
    std::string body;    // for routes with a buffered body
    std::optional<uploaded_file> upload;

    // The headers handlers use.
    std::string authorization;
    std::string content_type;
    std::string range;
    std::string if_none_match;
    std::string accept_language;
    std::string origin;
    std::string host;
    std::string remote_address;

    std::vector<std::string> params;  // path parameters, in pattern order
    std::optional<domain::principal> who;  // set by the router for authenticated routes

    // The decoded value of query parameter "name", if present.
    std::optional<std::string> query_param(std::string_view name) const;
};

// A part of a file to send as the body (static files, materials, generated exports on disk).
struct file_part {
    std::filesystem::path path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
};

struct api_response {
    unsigned status = 200;
    std::string content_type = "application/json";
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::optional<file_part> file;  // when set, sent instead of body
    bool close = false;             // close the connection after this response

    api_response& header(std::string name, std::string value) {
        headers.emplace_back(std::move(name), std::move(value));
        return *this;
    }
};

// Percent-decoding for paths and query values ('+' is a space only in queries). nullopt for
// malformed escapes or decoded NUL bytes.
std::optional<std::string> percent_decode(std::string_view s, bool plus_is_space);

}  // namespace bimtek::transport
