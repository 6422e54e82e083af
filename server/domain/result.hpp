// Results as values across module boundaries (after leveldb::Status): a domain service returns
// either its value or a typed error; the transport maps error kinds to HTTP status codes in one
// place (transport/http/error_response.cpp).
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace bimtek::domain {

enum class error_kind {
    malformed,              // 400: the request cannot be read
    unauthorized,           // 401: no credentials, or bad ones
    forbidden,              // 403: wrong role, or not a member of the event
    not_found,              // 404
    conflict,               // 409: the state does not allow it
    too_large,              // 413
    unsupported_type,       // 415
    invalid,                // 422: readable, but a field is not acceptable
    rate_limited,           // 429
    range_not_satisfiable,  // 416
    internal,               // 500: storage failed; nothing was written
};

// One reason an input was refused: a field, and for row-wise inputs (roster CSV) the line.
struct problem {
    std::size_t line = 0;  // 0 when the input has no lines
    std::string field;     // empty when the problem is the whole row
    std::string code;      // machine-readable, stable: "required", "too_long", ...
    std::string message;   // English; clients translate by code
};

struct error {
    error_kind kind = error_kind::internal;
    std::string code;     // stable machine-readable code, e.g. "event_not_found"
    std::string message;  // English sentence for logs and API users
    std::vector<problem> problems;
    int retry_after_seconds = 0;  // for rate_limited
};

error make_error(error_kind kind, std::string code, std::string message);
// A 422 for one field.
error invalid_field(std::string field, std::string code, std::string message);

// Success or an error, without a value.
class [[nodiscard]] status {
public:
    status() = default;
    status(domain::error e) : error_(std::move(e)) {}  // NOLINT: an error converts to a failed status

    bool ok() const { return !error_; }
    explicit operator bool() const { return ok(); }
    domain::error const& error() const {
        assert(error_);
        return *error_;
    }

private:
    std::optional<domain::error> error_;
};

inline status ok_status() { return {}; }

// A value of T or an error.
template <class T>
class [[nodiscard]] result {
public:
    result(T value) : v_(std::move(value)) {}         // NOLINT: implicit by design
    result(domain::error e) : v_(std::move(e)) {}     // NOLINT
    result(status const& s) : v_(s.error()) {}        // NOLINT: only a failed status

    bool ok() const { return v_.index() == 0; }
    explicit operator bool() const { return ok(); }
    T& value() {
        assert(ok());
        return std::get<0>(v_);
    }
    T const& value() const {
        assert(ok());
        return std::get<0>(v_);
    }
    T& operator*() { return value(); }
    T const& operator*() const { return value(); }
    T* operator->() { return &value(); }
    T const* operator->() const { return &value(); }
    domain::error const& error() const {
        assert(!ok());
        return std::get<1>(v_);
    }
    domain::status as_status() const { return ok() ? domain::status{} : domain::status{error()}; }

private:
    std::variant<T, domain::error> v_;
};

}  // namespace bimtek::domain
