// The one mapping from a storage failure (an exception thrown by SQLiteCpp or a repository) to
// the domain's error value: error_kind::internal, code "storage_error".
#pragma once

#include <exception>

#include "server/domain/result.hpp"

namespace bimtek::storage {

domain::error storage_error(std::exception const& e);
// For an exception that is not a std::exception.
domain::error unknown_storage_error();

}  // namespace bimtek::storage
