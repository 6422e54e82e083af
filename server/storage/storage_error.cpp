#include "server/storage/storage_error.hpp"

#include <string>

namespace bimtek::storage {

domain::error storage_error(std::exception const& e) {
    return domain::make_error(domain::error_kind::internal, "storage_error",
                              std::string("Storage failed; nothing was written: ") + e.what());
}

domain::error unknown_storage_error() {
    return domain::make_error(domain::error_kind::internal, "storage_error",
                              "Storage failed with an unknown exception; nothing was written.");
}

}  // namespace bimtek::storage
