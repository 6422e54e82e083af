#include "tests/bench/loadgen/proc_rss.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace bimtek::loadgen {

std::optional<std::int64_t> resident_kb(long pid) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    for (std::string line; std::getline(in, line);) {
        if (line.rfind("VmRSS:", 0) != 0) continue;
        std::istringstream fields(line.substr(6));
        std::int64_t kb = 0;
        if (fields >> kb) return kb;
    }
    return std::nullopt;
}

}  // namespace bimtek::loadgen
