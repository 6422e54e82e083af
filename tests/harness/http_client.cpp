#include "tests/harness/http_client.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <stdexcept>

#include <boost/json.hpp>

namespace bimtek::testing {

boost::json::value http_response::json() const { return boost::json::parse(body); }

std::string http_response::header(std::string const& name) const {
    auto it = headers.find(name);
    return it == headers.end() ? std::string{} : it->second;
}

std::string to_body(boost::json::value const& v) { return boost::json::serialize(v); }

http_client::http_client(std::uint16_t port) : port_(port) {}

http_client::~http_client() {
    if (fd_ >= 0) ::close(fd_);
}

void http_client::connect() {
    if (fd_ >= 0) return;
    fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(port_);
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd_, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
        ::close(fd_);
        fd_ = -1;
        throw std::runtime_error("connect to 127.0.0.1:" + std::to_string(port_) + ": " + std::strerror(errno));
    }
    timeval tv{30, 0};  // a test must not hang on a silent server
    ::setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    int one = 1;
    ::setsockopt(fd_, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    buffer_.clear();
}

http_response http_client::get(std::string const& target, std::vector<std::pair<std::string, std::string>> headers) {
    return request("GET", target, "", std::move(headers));
}

http_response http_client::post(std::string const& target, std::string const& body, std::string content_type,
                                std::vector<std::pair<std::string, std::string>> headers) {
    headers.emplace_back("Content-Type", std::move(content_type));
    return request("POST", target, body, std::move(headers));
}

http_response http_client::patch(std::string const& target, std::string const& body) {
    return request("PATCH", target, body, {{"Content-Type", "application/json"}});
}

http_response http_client::del(std::string const& target) { return request("DELETE", target, "", {}); }

http_response http_client::request(std::string const& method, std::string const& target, std::string const& body,
                                   std::vector<std::pair<std::string, std::string>> headers) {
    std::string r = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + std::to_string(port_) + "\r\n";
    if (!token_.empty()) r += "Authorization: Bearer " + token_ + "\r\n";
    for (auto const& [k, v] : headers) r += k + ": " + v + "\r\n";
    if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT")
        r += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    r += "\r\n";
    r += body;
    connect();
    send_all(r);
    return read_response(method == "HEAD");
}

void http_client::send_all(std::string const& bytes) {
    connect();
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may answer (413) and close before reading everything
        sent += static_cast<std::size_t>(n);
    }
}

http_response http_client::raw(std::string const& bytes) {
    connect();
    send_all(bytes);
    return read_response(false);
}

http_response http_client::read_response(bool head_request) {
    auto fill = [&]() {
        char tmp[65536];
        ssize_t n = ::recv(fd_, tmp, sizeof tmp, 0);
        if (n <= 0) return false;
        buffer_.append(tmp, static_cast<std::size_t>(n));
        return true;
    };
    std::size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos)
        if (!fill()) throw std::runtime_error("connection closed before a response");
    http_response res;
    std::string head = buffer_.substr(0, head_end);
    buffer_.erase(0, head_end + 4);
    res.status = std::stoi(head.substr(9, 3));
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos) {
        std::size_t next = head.find("\r\n", pos + 2);
        std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string name = line.substr(0, colon);
            for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
            std::string value = line.substr(colon + 1);
            while (!value.empty() && value.front() == ' ') value.erase(0, 1);
            res.headers[name] = value;
        }
        pos = next;
    }
    bool no_body = head_request || res.status == 204 || res.status == 304 || (res.status >= 100 && res.status < 200);
    if (no_body) return res;
    if (res.header("transfer-encoding") == "chunked") {
        for (;;) {
            std::size_t le;
            while ((le = buffer_.find("\r\n")) == std::string::npos)
                if (!fill()) throw std::runtime_error("chunked body cut off");
            std::size_t len = std::stoul(buffer_.substr(0, le), nullptr, 16);
            while (buffer_.size() < le + 2 + len + 2)
                if (!fill()) throw std::runtime_error("chunked body cut off");
            res.body.append(buffer_, le + 2, len);
            buffer_.erase(0, le + 2 + len + 2);
            if (len == 0) break;
        }
    } else if (auto cl = res.header("content-length"); !cl.empty()) {
        std::size_t len = std::stoul(cl);
        while (buffer_.size() < len)
            if (!fill()) throw std::runtime_error("body cut off");
        res.body = buffer_.substr(0, len);
        buffer_.erase(0, len);
    } else {
        while (fill()) {
        }
        res.body = std::move(buffer_);
        buffer_.clear();
    }
    if (res.header("connection") == "close") {
        ::close(fd_);
        fd_ = -1;
    }
    return res;
}

}  // namespace bimtek::testing
