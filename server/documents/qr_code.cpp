#include "server/documents/qr_code.hpp"

#include <qrencode.h>

#include <memory>
#include <string>

namespace bimtek::documents {
namespace {

struct qr_deleter {
    void operator()(QRcode* q) const { QRcode_free(q); }
};

domain::error qr_failed(std::string message) {
    return domain::make_error(domain::error_kind::internal, "qr_failed", std::move(message));
}

}  // namespace

domain::result<qr_matrix> encode_qr(std::string_view text) {
    if (text.empty()) return qr_failed("a QR code needs some text");
    // QRcode_encodeData takes the bytes with their length: no NUL termination, no mode guessing.
    std::unique_ptr<QRcode, qr_deleter> code(
        QRcode_encodeData(static_cast<int>(text.size()),
                          reinterpret_cast<unsigned char const*>(text.data()), 0, QR_ECLEVEL_M));
    if (!code) return qr_failed("the text does not fit in a QR code");
    qr_matrix m;
    m.size = code->width;
    auto n = static_cast<std::size_t>(m.size) * static_cast<std::size_t>(m.size);
    m.modules.resize(n);
    for (std::size_t i = 0; i < n; ++i) m.modules[i] = code->data[i] & 1u;  // bit 0: dark
    return m;
}

}  // namespace bimtek::documents
