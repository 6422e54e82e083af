// A fresh directory under the system's temporary directory, removed with everything in it when
// the object is destroyed.
#pragma once

#include <filesystem>

namespace bimtek::testing {

class temp_dir {
public:
    temp_dir();
    ~temp_dir();
    temp_dir(temp_dir const&) = delete;
    temp_dir& operator=(temp_dir const&) = delete;

    std::filesystem::path const& path() const { return path_; }
    std::filesystem::path operator/(std::string const& name) const { return path_ / name; }

private:
    std::filesystem::path path_;
};

}  // namespace bimtek::testing
