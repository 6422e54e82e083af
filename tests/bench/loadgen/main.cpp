// bimtek-loadgen: connects N participants of an event to /ws and measures what they feel —
// question fan-out latency, vote throughput with every client receiving the updates, the time
// to connect and welcome them all — and the server's memory per connected client. One thread;
// pin it to a core of its own (see scripts/bench and docs/benchmarks.md).
//
//   bimtek-loadgen --server http://127.0.0.1:8080 --demo-json DATA/demo.json --n 220
//                  --questions 100 --votes 1000 --server-pid PID
//
// Exit status: 0 when everything was delivered without errors, 1 when the run had errors,
// 2 when it could not start.
#include <sys/resource.h>

#include <fstream>
#include <iostream>

#include "tests/bench/loadgen/load_run.hpp"
#include "tests/bench/loadgen/net.hpp"
#include "tests/bench/loadgen/options.hpp"
#include "tests/bench/loadgen/report.hpp"

namespace {

// Thousands of client sockets: allow as many descriptors as the system lets us.
void raise_file_limit() {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur < rl.rlim_max) {
        rl.rlim_cur = rl.rlim_max;
        ::setrlimit(RLIMIT_NOFILE, &rl);
    }
}

std::size_t file_limit() {
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) != 0) return 0;
    return static_cast<std::size_t>(rl.rlim_cur);
}

}  // namespace

int main(int argc, char** argv) {
    using namespace bimtek::loadgen;

    options opt;
    if (auto status = parse_options(argc, argv, opt)) return *status;

    std::string error;
    auto input = load_participants(opt, error);
    if (!input) {
        std::cerr << "bimtek-loadgen: " << error << "\n";
        return 2;
    }

    raise_file_limit();
    net::io_context ioc{1};
    auto server = resolve_server(ioc, opt.server, error);
    if (!server) {
        std::cerr << "bimtek-loadgen: " << error << "\n";
        return 2;
    }

    run_report report;
    std::size_t wanted = opt.n == 0 ? input->codes.size() : opt.n;
    if (std::size_t limit = file_limit(); limit != 0 && wanted + 64 > limit)
        report.notes.push_back("the file limit (" + std::to_string(limit) + ") is too low for " +
                               std::to_string(wanted) + " clients");
    {
        load_run run(ioc, *server, opt, *input, report);
        run.execute();
    }

    std::string json = to_json(report);
    std::cerr << human_summary(report);
    std::cout << json << std::endl;
    if (!opt.json_out.empty()) {
        std::ofstream out(opt.json_out);
        out << json << "\n";
        if (!out) {
            std::cerr << "bimtek-loadgen: cannot write " << opt.json_out << "\n";
            return 2;
        }
    }
    return report.clean() ? 0 : 1;
}
