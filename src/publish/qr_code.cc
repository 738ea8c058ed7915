#include "publish/qr_code.h"

#include <qrencode.h>

#include <memory>

#include "render/html_escape.h"

namespace lantern {
namespace {

constexpr int kQuietZone = 4;  // modules of white around the code (ISO/IEC 18004)

struct QrCodeFree {
  void operator()(QRcode* code) const { QRcode_free(code); }
};

}  // namespace

std::optional<std::string> QrCodeSvg(std::string_view text, std::string_view title) {
  const std::string input(text);  // libqrencode wants a terminated string
  // Version 0: the smallest that holds the text; 8-bit mode keeps the
  // address's case as it is.
  std::unique_ptr<QRcode, QrCodeFree> code(QRcode_encodeString8bit(input.c_str(), 0, QR_ECLEVEL_M));
  if (!code) return std::nullopt;
  const int width = code->width;
  const std::string size = std::to_string(width + 2 * kQuietZone);
  std::string svg;
  svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + size + " " + size +
         "\" width=\"40mm\" height=\"40mm\" role=\"img\" aria-labelledby=\"qr-title\" shape-rendering=\"crispEdges\">\n";
  svg += "<title id=\"qr-title\">" + EscapeHtml(title) + "</title>\n";
  svg += "<rect width=\"" + size + "\" height=\"" + size + "\" fill=\"#fff\"/>\n<path fill=\"#000\" d=\"";
  // Each row's runs of dark modules as one rectangle: a tenth of the bytes
  // of a square per module.
  for (int y = 0; y < width; ++y) {
    const unsigned char* row = code->data + static_cast<size_t>(y) * width;
    for (int x = 0; x < width;) {
      if (!(row[x] & 1)) {
        ++x;
        continue;
      }
      int run = 1;
      while (x + run < width && (row[x + run] & 1)) ++run;
      svg += "M" + std::to_string(x + kQuietZone) + " " + std::to_string(y + kQuietZone) + "h" +
             std::to_string(run) + "v1h-" + std::to_string(run) + "z";
      x += run;
    }
  }
  svg += "\"/>\n</svg>\n";
  return svg;
}

}  // namespace lantern
