// A Beast body that sends part of a file (offset, length): static files, material downloads
// with Range, generated exports. Reads 16 KiB at a time; never holds the file in memory.
#pragma once

#include <algorithm>
#include <cstdint>
#include <utility>

#include <boost/asio/buffer.hpp>
#include <boost/beast/core/error.hpp>
#include <boost/beast/core/file.hpp>
#include <boost/beast/http/error.hpp>
#include <boost/beast/http/message.hpp>
#include <boost/optional.hpp>

namespace bimtek::transport {

struct file_range_body {
    struct value_type {
        boost::beast::file file;  // open for reading
        std::uint64_t offset = 0;
        std::uint64_t length = 0;
    };

    static std::uint64_t size(value_type const& v) { return v.length; }

    class writer {
    public:
        using const_buffers_type = boost::asio::const_buffer;

        template <bool is_request, class Fields>
        writer(boost::beast::http::header<is_request, Fields>&, value_type& body) : body_(body) {}

        void init(boost::beast::error_code& ec) {
            body_.file.seek(body_.offset, ec);
            remain_ = body_.length;
        }

        boost::optional<std::pair<const_buffers_type, bool>> get(boost::beast::error_code& ec) {
            auto amount = static_cast<std::size_t>(std::min<std::uint64_t>(remain_, sizeof buf_));
            if (amount == 0) {
                ec = {};
                return boost::none;
            }
            auto n = body_.file.read(buf_, amount, ec);
            if (ec) return boost::none;
            if (n == 0) {  // the file shrank under us
                ec = boost::beast::http::error::short_read;
                return boost::none;
            }
            remain_ -= n;
            return {{const_buffers_type(buf_, n), remain_ > 0}};
        }

    private:
        value_type& body_;
        std::uint64_t remain_ = 0;
        char buf_[16 * 1024];
    };
};

}  // namespace bimtek::transport
