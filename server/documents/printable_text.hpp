// Text as the documents print it: UTF-8 decoding, and cleaning names and titles typed by people
// (control characters, broken bytes, characters the fonts cannot hold) before they go into a PDF or
// a spreadsheet. Pure functions; use from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace bimtek::documents {

// The next code point of "s" at index "i", advancing "i" past it; nullopt for an invalid
// sequence (overlong, surrogate, beyond U+10FFFF, cut short), after which "i" has moved past its
// first byte. "i" must be < s.size().
std::optional<char32_t> next_code_point(std::string_view s, std::size_t& i);

// Appends "cp" (at most U+10FFFF, no surrogate) as UTF-8.
void append_utf8(std::string& out, char32_t cp);

// Valid UTF-8 with control characters (C0, DEL, C1) as spaces, and invalid bytes and characters
// beyond U+FFFF (which libharu's UTF-8 encoding cannot hold) as '?'.
std::string printable_utf8(std::string_view s);

}  // namespace bimtek::documents
