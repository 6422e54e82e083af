#include "tests/harness/temp_dir.hpp"

#include <stdlib.h>

#include <stdexcept>
#include <string>

namespace bimtek::testing {

temp_dir::temp_dir() {
    std::string templ = (std::filesystem::temp_directory_path() / "bimtek-test-XXXXXX").string();
    if (!::mkdtemp(templ.data())) throw std::runtime_error("mkdtemp failed");
    path_ = templ;
}

temp_dir::~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace bimtek::testing
