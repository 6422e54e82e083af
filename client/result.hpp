// client::result<T>: a value or the reason there is none, for calls across the client's module
// boundaries (store, api). Exceptions of libraries (SQLiteCpp, Boost.JSON) stop at the module
// that uses them.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace bimtek::client {

struct failure {
    std::string message;
};

template <class T>
class result {
public:
    result(T value) : v_(std::move(value)) {}  // NOLINT: implicit on purpose
    result(failure f) : v_(std::move(f)) {}    // NOLINT

    explicit operator bool() const { return v_.index() == 0; }
    T& operator*() { return std::get<0>(v_); }
    T const& operator*() const { return std::get<0>(v_); }
    T* operator->() { return &std::get<0>(v_); }
    T const* operator->() const { return &std::get<0>(v_); }
    std::string const& error() const { return std::get<1>(v_).message; }

private:
    std::variant<T, failure> v_;
};

struct ok {};
using status = result<ok>;

}  // namespace bimtek::client
