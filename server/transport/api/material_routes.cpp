// Materials: POST|GET /api/v1/sessions/{id}/materials (upload: the raw file as the body, its
// name in ?filename=), PATCH|DELETE /api/v1/materials/{id}, GET /api/v1/materials/{id}/download
// (a signed link without a token, or a member's token; Range, ETag, Content-Disposition).
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/file_download.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

auto material_view = [](domain::material_view const& m) { return to_json(m); };

// "?published=false" (also 0/no) uploads a draft; anything else publishes.
bool published_param(api_request const& req) {
    auto v = req.query_param("published");
    return !(v && (*v == "false" || *v == "0" || *v == "no"));
}

// The download answer for a material's file. Images and PDFs open in the browser when asked
// with ?inline=1; everything is an attachment otherwise.
api_response send(api_request const& req, domain::material_file const& f) {
    download d;
    d.path = f.path;
    d.size = f.material.size;
    d.content_type = f.material.content_type;
    d.etag = "\"" + f.material.sha256 + "\"";
    d.filename = f.material.filename;
    auto in = req.query_param("inline");
    bool viewable = f.material.content_type == "application/pdf" ||
                    f.material.content_type.rfind("image/", 0) == 0;
    d.disposition =
        in && *in == "1" && viewable ? disposition::inline_view : disposition::attachment;
    return download_response(req, d);
}

}  // namespace

void add_material_routes(router& r, api_services const& s) {
    r.add(http_method::post, "/api/v1/sessions/{id}/materials",
          [s](api_request& req) {
              auto id = id_param(req.params[0], "session");
              if (!id) return error_response(id.error());
              domain::material_upload u;
              u.filename = req.query_param("filename").value_or("");
              u.content_type = req.content_type;
              if (req.upload) {
                  u.path = req.upload->path;
                  u.size = req.upload->size;
              }
              u.published = published_param(req);
              return reply(s.materials.upload(caller(req), *id, u), 201, material_view);
          },
          // Reading the whole file for its SHA-256 (up to the limit) happens off the I/O threads.
          {.body = body_mode::upload,
           .body_limit = static_cast<std::size_t>(s.materials.max_upload_bytes()),
           .where = run_on::worker});

    r.add(http_method::get, "/api/v1/sessions/{id}/materials", [s](api_request& req) {
        auto id = id_param(req.params[0], "session");
        if (!id) return error_response(id.error());
        return reply(s.materials.list(caller(req), *id), 200,
                     [](std::vector<domain::material_view> const& list) {
                         json::array out;
                         for (auto const& m : list) out.push_back(to_json(m));
                         return json::object{{"materials", std::move(out)}};
                     });
    });

    r.add(http_method::patch, "/api/v1/materials/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "material");
        if (!id) return error_response(id.error());
        auto in = json_input::parse(req.body);
        if (!in) return error_response(in.error());
        auto published = in->boolean("published");
        if (auto st = in->finish(); !st) return error_response(st.error());
        if (!published)
            return error_response(
                domain::invalid_field("published", "required", "published is required"));
        return reply(s.materials.set_published(caller(req), *id, *published), 200, material_view);
    });

    r.add(http_method::del, "/api/v1/materials/{id}", [s](api_request& req) {
        auto id = id_param(req.params[0], "material");
        if (!id) return error_response(id.error());
        return reply(s.materials.remove(caller(req), *id));
    });

    // No token needed: a signed link is enough (a phone's download manager resumes with Range
    // and sends no Authorization header). Without the link's parameters, a bearer token of a
    // member of the event works too.
    r.add(http_method::get, "/api/v1/materials/{id}/download",
          [s](api_request& req) {
              auto id = id_param(req.params[0], "material");
              if (!id) return error_response(id.error());
              auto signature = req.query_param("sig");
              if (!signature && bearer_token(req.authorization).empty())
                  return error_response(
                      domain::make_error(domain::error_kind::unauthorized, "missing_token",
                                         "this download needs a signed link or a bearer token"));
              if (signature) {
                  auto f = s.materials.open_by_link(*id, req.query_param("expires"),
                                                    req.query_param("scope"), signature);
                  if (!f) return error_response(f.error());
                  return send(req, *f);
              }
              auto who = s.auth.authenticate(bearer_token(req.authorization));
              if (!who) return error_response(who.error());
              auto f = s.materials.open(*who, *id);
              if (!f) return error_response(f.error());
              return send(req, *f);
          },
          {.auth = auth_mode::none});
}

}  // namespace bimtek::transport
