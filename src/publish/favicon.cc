#include "publish/favicon.h"

#include <cstdint>

namespace lantern {
namespace {

// The icon, one letter a pixel, top row first: a lantern (white frame, yellow
// light) on the theme's brand colour. themes/default/static/favicon.svg draws
// exactly these pixels as rectangles (tests/unit/favicon_test.cc holds the two
// together); only its corners are rounded, where these are clear.
constexpr int kSize = 16;
constexpr const char* kPixels[kSize] = {
    ".bbbbbbbbbbbbbb.",  //
    "bbbbbbbbbbbbbbbb",  //
    "bbbbbbbbbbbbbbbb",  //
    "bbbbbbwwwwbbbbbb",  // the handle
    "bbbbbwbbbbwbbbbb",  //
    "bbbbwwwwwwwwbbbb",  // the cap
    "bbbbbwyyyywbbbbb",  // the glass and its light
    "bbbbbwyyyywbbbbb",  //
    "bbbbbwyyyywbbbbb",  //
    "bbbbbwyyyywbbbbb",  //
    "bbbbbwyyyywbbbbb",  //
    "bbbbbwyyyywbbbbb",  //
    "bbbbwwwwwwwwbbbb",  // the base
    "bbbbbbbbbbbbbbbb",  //
    "bbbbbbbbbbbbbbbb",  //
    ".bbbbbbbbbbbbbb.",  //
};

// Blue, green, red, alpha: the order of a 32-bit bitmap's bytes.
struct Bgra {
  uint8_t b, g, r, a;
};

Bgra Colour(char letter) {
  switch (letter) {
    case 'b':
      return {0x5a, 0x4e, 0x00, 0xff};  // #004e5a, the theme's --brand
    case 'w':
      return {0xff, 0xff, 0xff, 0xff};
    case 'y':
      return {0x00, 0xdd, 0xff, 0xff};  // #ffdd00, the theme's --focus
    default:
      return {0, 0, 0, 0};
  }
}

void Put16(std::string* out, uint16_t v) {
  out->push_back(static_cast<char>(v & 0xff));
  out->push_back(static_cast<char>(v >> 8));
}

void Put32(std::string* out, uint32_t v) {
  for (int shift = 0; shift < 32; shift += 8) out->push_back(static_cast<char>((v >> shift) & 0xff));
}

// One image of the icon file: a BITMAPINFOHEADER, the colour rows and the
// 1-bit transparency mask (which icon readers without alpha use), both
// bottom row first, as the format wants. `scale` repeats each pixel.
std::string Bitmap(int scale) {
  const int side = kSize * scale;
  const int mask_row = ((side + 31) / 32) * 4;  // rows of the mask are padded to 32 bits
  std::string out;
  Put32(&out, 40);                             // header size
  Put32(&out, static_cast<uint32_t>(side));    // width
  Put32(&out, static_cast<uint32_t>(2 * side));  // height: colours and mask together
  Put16(&out, 1);                              // planes
  Put16(&out, 32);                             // bits a pixel
  Put32(&out, 0);                              // no compression
  Put32(&out, static_cast<uint32_t>(side * side * 4 + side * mask_row));
  for (int i = 0; i < 4; ++i) Put32(&out, 0);  // resolution and palette: unused
  for (int y = side - 1; y >= 0; --y) {
    for (int x = 0; x < side; ++x) {
      const Bgra c = Colour(kPixels[y / scale][x / scale]);
      out.append({static_cast<char>(c.b), static_cast<char>(c.g), static_cast<char>(c.r), static_cast<char>(c.a)});
    }
  }
  for (int y = side - 1; y >= 0; --y) {
    std::string row(static_cast<size_t>(mask_row), '\0');
    for (int x = 0; x < side; ++x) {
      if (Colour(kPixels[y / scale][x / scale]).a != 0) continue;
      row[static_cast<size_t>(x / 8)] = static_cast<char>(row[static_cast<size_t>(x / 8)] | (0x80 >> (x % 8)));
    }
    out += row;
  }
  return out;
}

}  // namespace

std::string DefaultFaviconIco() {
  const std::string images[] = {Bitmap(1), Bitmap(2)};
  std::string out;
  Put16(&out, 0);  // reserved
  Put16(&out, 1);  // an icon (2 would be a cursor)
  Put16(&out, 2);  // images
  uint32_t offset = 6 + 2 * 16;
  for (int i = 0; i < 2; ++i) {
    const int side = kSize * (i + 1);
    out.push_back(static_cast<char>(side));  // width
    out.push_back(static_cast<char>(side));  // height
    out.push_back(0);                        // no palette
    out.push_back(0);                        // reserved
    Put16(&out, 1);                          // planes
    Put16(&out, 32);                         // bits a pixel
    Put32(&out, static_cast<uint32_t>(images[i].size()));
    Put32(&out, offset);
    offset += static_cast<uint32_t>(images[i].size());
  }
  for (const std::string& image : images) out += image;
  return out;
}

}  // namespace lantern
