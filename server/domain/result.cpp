#include "server/domain/result.hpp"

namespace bimtek::domain {

error make_error(error_kind kind, std::string code, std::string message) {
    error e;
    e.kind = kind;
    e.code = std::move(code);
    e.message = std::move(message);
    return e;
}

error invalid_field(std::string field, std::string code, std::string message) {
    error e = make_error(error_kind::invalid, "invalid_field", message);
    e.problems.push_back(problem{0, std::move(field), std::move(code), std::move(message)});
    return e;
}

}  // namespace bimtek::domain
