// Field rules the domain services share: cleaning typed text and collecting every problem of
// an input before refusing it. Pure functions; use from any thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "server/domain/result.hpp"

namespace bimtek::domain {

// Collects the problems of one input (a request body, or one line of a roster) so that a
// client learns about all of them at once.
class field_problems {
public:
    // "line" is copied into every problem added (0 for inputs without lines).
    explicit field_problems(std::size_t line = 0) : line_(line) {}

    void add(std::string field, std::string code, std::string message);
    bool empty() const { return list_.empty(); }
    std::vector<problem> const& list() const { return list_; }
    std::vector<problem> take() { return std::move(list_); }

    // ok when empty; otherwise a 422 "invalid_field" carrying every problem, its message the
    // first problem's.
    status to_status() const;

private:
    std::size_t line_;
    std::vector<problem> list_;
};

// One line of text as a person typed it: valid UTF-8, trimmed, inner white space collapsed to
// single spaces, between "min" and "max" code points. On a problem adds it to "out" (codes
// "invalid_utf8", "required" when empty, "too_short", "too_long") and returns nullopt.
std::optional<std::string> clean_line(std::string_view field, std::string_view value,
                                      std::size_t min, std::size_t max, field_problems& out);

// An integer field within [lo, hi] ("out_of_range" otherwise).
bool check_range(std::string_view field, long long value, long long lo, long long hi,
                 field_problems& out);

}  // namespace bimtek::domain
