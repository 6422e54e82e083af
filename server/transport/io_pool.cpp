#include "server/transport/io_pool.hpp"

#include <stdexcept>

#include <boost/asio/post.hpp>

namespace bimtek::transport {

io_pool::io_pool(std::size_t threads) {
    if (threads == 0) threads = 1;
    for (std::size_t i = 0; i < threads; ++i) {
        contexts_.push_back(std::make_unique<boost::asio::io_context>(1));  // one thread each: no locking inside
        guards_.push_back(boost::asio::make_work_guard(*contexts_.back()));
    }
}

io_pool::~io_pool() = default;

boost::asio::io_context& io_pool::next() {
    return *contexts_[next_.fetch_add(1, std::memory_order_relaxed) % contexts_.size()];
}

std::size_t io_pool::index_of(boost::asio::execution_context const& ctx) const {
    for (std::size_t i = 0; i < contexts_.size(); ++i)
        if (static_cast<boost::asio::execution_context const*>(contexts_[i].get()) == &ctx) return i;
    throw std::logic_error("io_pool: not one of our contexts");
}

void io_pool::run() {
    std::vector<std::thread> others;
    for (std::size_t i = 1; i < contexts_.size(); ++i) others.emplace_back([ctx = contexts_[i].get()] { ctx->run(); });
    contexts_[0]->run();
    for (auto& t : others) t.join();
}

void io_pool::release() {
    for (auto& ctx : contexts_) {
        boost::asio::post(*ctx, [this, c = ctx.get()] {
            for (auto& g : guards_)
                if (&g.get_executor().context() == c) g.reset();
        });
    }
}

void io_pool::stop() {
    for (auto& ctx : contexts_) ctx->stop();
}

}  // namespace bimtek::transport
