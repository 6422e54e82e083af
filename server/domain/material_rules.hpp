// What may be uploaded as material, and how its name is kept. Pure functions; use from any
// thread.
//
// The allow-list (docs/api.md): PDF, PowerPoint (.pptx), Word (.docx), Excel (.xlsx), images
// (PNG, JPEG, GIF, WebP) and MP4 video. Each type must also start with its format's signature
// bytes, so that a file cannot pass for another type.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "server/domain/result.hpp"

namespace bimtek::domain {

inline constexpr std::size_t max_material_filename = 200;  // code points

// The allow-listed content type an upload declares: the Content-Type header (lower case,
// parameters dropped, "image/jpg" read as "image/jpeg"), or, when that is empty or
// "application/octet-stream" (phones often send it), the one the file name's extension names.
// nullopt when the type is not on the allow-list.
std::optional<std::string> material_type(std::string_view content_type_header,
                                         std::string_view filename);

// True when "head" (the file's first bytes) starts as files of "content_type" do.
bool matches_signature(std::string_view content_type, std::string_view head);

// The extension (with the dot) usual for an allow-listed type: ".pdf", ".pptx", ...
std::string_view extension_for(std::string_view content_type);

// The original name as kept: the last path component only (after any '/' or '\'), without
// control characters, bidirectional overrides and zero-width characters, white space collapsed,
// leading dots and trailing dots and spaces removed, at most 200 code points (the extension
// kept). An empty result becomes "materi" plus the type's extension. Error 422 "invalid_field"
// on "filename" ("invalid_utf8") when the name is not UTF-8.
result<std::string> clean_material_filename(std::string_view raw, std::string_view content_type);

}  // namespace bimtek::domain
