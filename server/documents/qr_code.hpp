// QR codes (libqrencode) as a plain matrix of modules, for drawing into PDFs. Pure functions;
// use from any thread (libqrencode keeps no shared state when encoding).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "server/domain/result.hpp"

namespace bimtek::documents {

// A square of size x size modules, row by row from the top; without the quiet zone (a reader
// needs 4 light modules around it: leave that margin when drawing).
struct qr_matrix {
    int size = 0;
    std::vector<std::uint8_t> modules;  // 1 dark, 0 light

    bool dark(int x, int y) const {
        return modules[static_cast<std::size_t>(y) * static_cast<std::size_t>(size) +
                       static_cast<std::size_t>(x)] != 0;
    }
};

// "text" as bytes (8-bit mode), error correction level M (15 %), the smallest version that
// holds it. Error "qr_failed" (internal) when the text is empty or too long for a QR code
// (about 2300 bytes at level M).
domain::result<qr_matrix> encode_qr(std::string_view text);

}  // namespace bimtek::documents
