// The default /favicon.ico read back as an icon reader would, and held to the
// theme's favicon.svg: the two must show the same picture.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <regex>
#include <string>
#include <vector>

#include "base/file_system.h"
#include "publish/favicon.h"

namespace lantern {
namespace {

uint32_t Read(const std::string& bytes, size_t at, int width) {
  uint32_t v = 0;
  for (int i = width - 1; i >= 0; --i) v = (v << 8) | static_cast<uint8_t>(bytes.at(at + static_cast<size_t>(i)));
  return v;
}

// One decoded image: "rrggbbaa" per pixel, top row first.
using Image = std::vector<std::vector<std::string>>;

// Decodes the ICO file's images (32-bit bitmaps only), failing the test on any
// field a reader would refuse.
std::vector<Image> DecodeIco(const std::string& ico) {
  std::vector<Image> images;
  EXPECT_EQ(0u, Read(ico, 0, 2));
  EXPECT_EQ(1u, Read(ico, 2, 2)) << "not an icon";
  const uint32_t count = Read(ico, 4, 2);
  size_t end = 6 + 16 * count;
  for (uint32_t n = 0; n < count; ++n) {
    const size_t entry = 6 + 16 * n;
    const int side = static_cast<uint8_t>(ico.at(entry)) == 0 ? 256 : static_cast<uint8_t>(ico.at(entry));
    EXPECT_EQ(static_cast<uint8_t>(ico.at(entry)), static_cast<uint8_t>(ico.at(entry + 1))) << "square";
    EXPECT_EQ(32u, Read(ico, entry + 6, 2));
    const uint32_t size = Read(ico, entry + 8, 4), offset = Read(ico, entry + 12, 4);
    EXPECT_EQ(end, offset) << "images follow each other";
    end = offset + size;
    EXPECT_LE(end, ico.size());
    if (end > ico.size()) return images;
    EXPECT_EQ(40u, Read(ico, offset, 4));
    EXPECT_EQ(static_cast<uint32_t>(side), Read(ico, offset + 4, 4));
    EXPECT_EQ(static_cast<uint32_t>(2 * side), Read(ico, offset + 8, 4)) << "colours and mask";
    EXPECT_EQ(32u, Read(ico, offset + 14, 2));
    const size_t pixels = offset + 40, mask_row = static_cast<size_t>((side + 31) / 32 * 4);
    EXPECT_EQ(40 + static_cast<size_t>(side * side * 4) + mask_row * static_cast<size_t>(side), size);
    Image image(static_cast<size_t>(side), std::vector<std::string>(static_cast<size_t>(side)));
    for (int y = 0; y < side; ++y) {
      const size_t row = pixels + static_cast<size_t>((side - 1 - y) * side * 4);  // bottom row first
      const size_t mask = pixels + static_cast<size_t>(side * side * 4) + mask_row * static_cast<size_t>(side - 1 - y);
      for (int x = 0; x < side; ++x) {
        const size_t p = row + static_cast<size_t>(x) * 4;
        char text[9];
        std::snprintf(text, sizeof text, "%02x%02x%02x%02x", static_cast<uint8_t>(ico[p + 2]), static_cast<uint8_t>(ico[p + 1]),
                      static_cast<uint8_t>(ico[p]), static_cast<uint8_t>(ico[p + 3]));
        image[static_cast<size_t>(y)][static_cast<size_t>(x)] = text;
        const bool clear = (static_cast<uint8_t>(ico[mask + static_cast<size_t>(x / 8)]) >> (7 - x % 8)) & 1;
        EXPECT_EQ(clear, ico[p + 3] == 0) << "the mask and alpha agree at " << x << "," << y;
      }
    }
    images.push_back(std::move(image));
  }
  EXPECT_EQ(end, ico.size()) << "nothing after the last image";
  return images;
}

TEST(FaviconTest, IsAnIconAt16And32PixelsWithTheSamePicture) {
  const std::string ico = DefaultFaviconIco();
  EXPECT_EQ(ico, DefaultFaviconIco());
  const std::vector<Image> images = DecodeIco(ico);
  ASSERT_EQ(2u, images.size());
  ASSERT_EQ(16u, images[0].size());
  ASSERT_EQ(32u, images[1].size());
  for (size_t y = 0; y < 32; ++y) {
    for (size_t x = 0; x < 32; ++x) EXPECT_EQ(images[0][y / 2][x / 2], images[1][y][x]) << x << "," << y;
  }
}

// The SVG is rectangles on a whole-pixel grid, painted in order: rasterised
// here, it must give the icon's pixels, but for the four corners it rounds.
TEST(FaviconTest, MatchesTheThemesSvg) {
  const std::string svg = EmbeddedFiles().ReadFile("themes/default/static/favicon.svg").value();
  ASSERT_NE(std::string::npos, svg.find("xmlns=\"http://www.w3.org/2000/svg\""));
  ASSERT_NE(std::string::npos, svg.find("viewBox=\"0 0 16 16\""));
  std::array<std::array<std::string, 16>, 16> painted;
  const std::regex rect(R"re(<rect( x="(\d+)" y="(\d+)")? width="(\d+)" height="(\d+)"( rx="\d+")? fill="#([0-9a-f]{6})"/>)re");
  int rects = 0;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), rect); it != std::sregex_iterator(); ++it, ++rects) {
    const std::smatch& m = *it;
    const int x0 = m[2].matched ? std::stoi(m[2]) : 0, y0 = m[3].matched ? std::stoi(m[3]) : 0;
    for (int y = y0; y < y0 + std::stoi(m[5]); ++y) {
      for (int x = x0; x < x0 + std::stoi(m[4]); ++x) painted.at(static_cast<size_t>(y)).at(static_cast<size_t>(x)) = m[7].str() + "ff";
    }
  }
  // Every element but <svg> and <title> (and their ends) is a rect read above.
  EXPECT_EQ(static_cast<std::ptrdiff_t>(rects), std::count(svg.begin(), svg.end(), '<') - 4);
  const Image icon = DecodeIco(DefaultFaviconIco()).at(0);
  for (size_t y = 0; y < 16; ++y) {
    for (size_t x = 0; x < 16; ++x) {
      const bool corner = (x == 0 || x == 15) && (y == 0 || y == 15);
      EXPECT_EQ(corner ? "00000000" : painted[y][x], icon[y][x]) << x << "," << y;
    }
  }
}

}  // namespace
}  // namespace lantern
