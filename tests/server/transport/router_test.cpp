#include "server/transport/http/router.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <stdexcept>

namespace bimtek::transport {
namespace {

domain::result<domain::principal> accept_only_good(std::string_view token) {
    if (token == "good") return domain::principal{domain::role::coordinator, 7, std::nullopt, "Koordinator"};
    return domain::make_error(domain::error_kind::unauthorized, "invalid_token", "bad token");
}

api_response echo_params(api_request& req) {
    api_response r;
    r.body = req.params.empty() ? "" : req.params[0];
    if (req.who) r.body += ":" + std::to_string(req.who->subject);
    return r;
}

api_response call(router const& rt, http_method m, std::string path, std::string auth = {}) {
    api_request req;
    req.method = m;
    req.path = std::move(path);
    req.authorization = std::move(auth);
    return rt.dispatch(rt.find(req.method, req.path), req);
}

class RouterTest : public ::testing::Test {
protected:
    RouterTest() : rt_(accept_only_good) {
        rt_.add(http_method::get, "/api/v1/events/{id}", echo_params);
        rt_.add(http_method::post, "/api/v1/events/{id}/checkins", echo_params, {.body_limit = 123});
        rt_.add(http_method::get, "/healthz", echo_params, {.auth = auth_mode::none});
        rt_.add(http_method::get, "/api/v1/boom", [](api_request&) -> api_response { throw std::runtime_error("x"); });
        rt_.set_fallback([](api_request&) {
            api_response r;
            r.body = "static";
            return r;
        });
    }
    router rt_;
};

TEST_F(RouterTest, MatchesParamsAndAuthenticates) {
    auto r = call(rt_, http_method::get, "/api/v1/events/42", "Bearer good");
    EXPECT_EQ(r.status, 200u);
    EXPECT_EQ(r.body, "42:7");
}

TEST_F(RouterTest, SchemeIsCaseInsensitive) {
    EXPECT_EQ(call(rt_, http_method::get, "/api/v1/events/1", "bearer good").status, 200u);
    EXPECT_EQ(bearer_token("BEARER  abc "), "abc");
    EXPECT_EQ(bearer_token("Basic abc"), "");
}

TEST_F(RouterTest, MissingAndBadTokens) {
    EXPECT_EQ(call(rt_, http_method::get, "/api/v1/events/1").status, 401u);
    EXPECT_EQ(call(rt_, http_method::get, "/api/v1/events/1", "Bearer bad").status, 401u);
    EXPECT_EQ(call(rt_, http_method::get, "/healthz").status, 200u);
}

TEST_F(RouterTest, KnowsBodyLimitsBeforeTheBody) {
    auto l = rt_.find(http_method::post, "/api/v1/events/9/checkins");
    ASSERT_NE(l.found, nullptr);
    EXPECT_EQ(l.found->options.body_limit, 123u);
}

TEST_F(RouterTest, WrongMethodIs405WithAllow) {
    auto r = call(rt_, http_method::del, "/api/v1/events/1", "Bearer good");
    EXPECT_EQ(r.status, 405u);
    bool has_allow = false;
    for (auto const& [k, v] : r.headers)
        if (k == "Allow") has_allow = v == "GET";
    EXPECT_TRUE(has_allow);
}

TEST_F(RouterTest, UnknownApiPathIs404ButPagesFallBack) {
    EXPECT_EQ(call(rt_, http_method::get, "/api/v1/nope").status, 404u);
    EXPECT_EQ(call(rt_, http_method::get, "/dashboard").body, "static");
    EXPECT_EQ(call(rt_, http_method::post, "/dashboard").status, 404u);
}

TEST_F(RouterTest, HeadUsesGetRoutes) {
    EXPECT_EQ(call(rt_, http_method::head, "/healthz").status, 200u);
}

TEST_F(RouterTest, ExceptionsBecome500) {
    auto r = call(rt_, http_method::get, "/api/v1/boom", "Bearer good");
    EXPECT_EQ(r.status, 500u);
    EXPECT_EQ(boost::json::parse(r.body).at("error").at("code").as_string(), "internal_error");
}

}  // namespace
}  // namespace bimtek::transport
