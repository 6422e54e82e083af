// Certificates: GET /api/v1/participants/{id}/certificate.pdf, GET
// /api/v1/events/{id}/certificates.pdf (every completed participant, one page each), GET
// /api/v1/verify/{code} (public), POST /api/v1/certificates/{code}/revoke.
#include <boost/json/object.hpp>

#include "server/documents/certificate_pdf.hpp"
#include "server/transport/api/api_routes.hpp"
#include "server/transport/api/document_views.hpp"
#include "server/transport/api/file_download.hpp"
#include "server/transport/api/json_input.hpp"
#include "server/transport/api/json_views.hpp"
#include "server/transport/api/reply.hpp"

namespace bimtek::transport {
namespace json = boost::json;

namespace {

// A generated PDF as a download named "filename".
api_response pdf_response(domain::result<std::string> pdf, std::string const& filename) {
    if (!pdf) return error_response(pdf.error());
    api_response res;
    res.content_type = "application/pdf";
    res.body = std::move(*pdf);
    res.header("Content-Disposition", content_disposition(disposition::attachment, filename));
    res.header("X-Content-Type-Options", "nosniff");
    return res;
}

}  // namespace

void add_certificate_routes(router& r, api_services const& s) {
    // PDF rendering (fonts, QR codes) takes a while: off the I/O threads.
    constexpr route_options document{.where = run_on::worker};

    r.add(http_method::get, "/api/v1/participants/{id}/certificate.pdf", [s](api_request& req) {
        auto id = id_param(req.params[0], "participant");
        if (!id) return error_response(id.error());
        auto cert = s.certificates.certificate_for(caller(req), *id);
        if (!cert) return error_response(cert.error());
        auto page = certificate_page_for(*cert, public_base_url(req));
        return pdf_response(documents::render_certificates({page}),
                            "Sertifikat " + cert->who.name + ".pdf");
    }, document);

    r.add(http_method::get, "/api/v1/events/{id}/certificates.pdf", [s](api_request& req) {
        auto id = id_param(req.params[0], "event");
        if (!id) return error_response(id.error());
        auto certs = s.certificates.certificates_for_event(caller(req), *id);
        if (!certs) return error_response(certs.error());
        std::string base = public_base_url(req);
        std::vector<documents::certificate_page> pages;
        for (auto const& c : *certs) pages.push_back(certificate_page_for(c, base));
        return pdf_response(documents::render_certificates(pages),
                            "sertifikat-acara-" + std::to_string(*id) + ".pdf");
    }, document);

    // Public: anyone holding a certificate (or its QR code) may check it.
    r.add(http_method::get, "/api/v1/verify/{code}",
          [s](api_request& req) {
              return reply(s.certificates.verify(req.params[0]), 200,
                           [](domain::certificate_check const& c) { return to_json(c); });
          },
          {.auth = auth_mode::none});

    r.add(http_method::post, "/api/v1/certificates/{code}/revoke",
          [s](api_request& req) {
              auto in = json_input::parse(req.body);
              if (!in) return error_response(in.error());
              auto reason = in->string("reason");
              if (auto st = in->finish(); !st) return error_response(st.error());
              return reply(s.certificates.revoke(caller(req), req.params[0], reason.value_or("")),
                           200, [](domain::certificate const& c) { return to_json(c); });
          },
          {.body_limit = 16 * 1024});
}

}  // namespace bimtek::transport
