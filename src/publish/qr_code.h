// QR codes for printed letters: the only file that includes libqrencode.
#ifndef LANTERN_PUBLISH_QR_CODE_H_
#define LANTERN_PUBLISH_QR_CODE_H_

#include <optional>
#include <string>
#include <string_view>

namespace lantern {

// An SVG image of the QR code of `text` (error correction level M, so that a
// creased or smudged letter still scans; the four-module quiet zone the
// standard asks for is inside the image, on a white ground). `title` names the
// image for a screen reader ("QR code for https://…"). The image is square,
// sized in modules by its viewBox and 40 mm wide when printed unscaled. Returns
// std::nullopt only when libqrencode cannot encode it (text over ~2,300
// bytes, or out of memory): a URL always fits.
std::optional<std::string> QrCodeSvg(std::string_view text, std::string_view title);

}  // namespace lantern

#endif  // LANTERN_PUBLISH_QR_CODE_H_
