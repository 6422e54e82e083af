// Heavy handlers (route_options::where = run_on::worker) run on the worker threads, so the I/O
// thread — which also carries the live stream of its connections — keeps answering meanwhile.
// A real listener, a real socket on loopback, one I/O thread.
#include <future>
#include <thread>

#include <gtest/gtest.h>

#include <boost/asio/ip/address.hpp>
#include <boost/asio/thread_pool.hpp>

#include "server/transport/http/connection_registry.hpp"
#include "server/transport/http/http_context.hpp"
#include "server/transport/http/listener.hpp"
#include "server/transport/http/router.hpp"
#include "server/transport/io_pool.hpp"
#include "tests/harness/http_client.hpp"
#include "tests/harness/temp_dir.hpp"

namespace bimtek::transport {
namespace {

using namespace std::chrono_literals;

domain::result<domain::principal> nobody(std::string_view) {
    return domain::make_error(domain::error_kind::unauthorized, "invalid_token", "no tokens here");
}

api_response text(std::string body) {
    api_response r;
    r.body = std::move(body);
    return r;
}

TEST(WorkerRoutes, ASlowHandlerOnAWorkerDoesNotHoldUpTheIoThread) {
    std::promise<void> slow_started;
    std::promise<void> quick_answered;
    auto released = quick_answered.get_future();
    router routes(nobody);
    routes.add(http_method::get, "/slow",
               [&](api_request&) {
                   slow_started.set_value();
                   // Were this on the (only) I/O thread, /quick could not be answered until this
                   // gave up.
                   bool const freed = released.wait_for(10s) == std::future_status::ready;
                   return text(freed ? "freed" : "gave up");
               },
               {.auth = auth_mode::none, .where = run_on::worker});
    routes.add(http_method::get, "/quick",
               [&](api_request&) {
                   quick_answered.set_value();
                   return text("quick");
               },
               {.auth = auth_mode::none});

    testing::temp_dir dir;
    io_pool pool(1);
    boost::asio::thread_pool workers(1);
    connection_registry registry;
    http_context ctx;
    ctx.routes = &routes;
    ctx.connections = &registry;
    ctx.upload_dir = dir.path();
    ctx.workers = &workers;
    auto acceptor = std::make_shared<listener>(
        pool, boost::asio::ip::tcp::endpoint{boost::asio::ip::make_address("127.0.0.1"), 0}, ctx);
    auto const port = acceptor->local_endpoint().port();
    acceptor->run();
    std::thread io([&pool] { pool.run(); });

    auto slow = std::async(std::launch::async, [port] {
        testing::http_client c(port);
        return c.get("/slow");
    });
    ASSERT_EQ(slow_started.get_future().wait_for(10s), std::future_status::ready);
    testing::http_client c(port);
    auto quick = c.get("/quick");
    EXPECT_EQ(quick.status, 200);
    EXPECT_EQ(quick.body, "quick");
    auto answer = slow.get();
    EXPECT_EQ(answer.status, 200);
    EXPECT_EQ(answer.body, "freed");

    acceptor->stop();
    registry.shutdown_all();
    pool.release();
    io.join();
    workers.join();
}

}  // namespace
}  // namespace bimtek::transport
