// UTF-8 validation and counting. Lantern reads only valid UTF-8; the checker
// reports the first invalid byte with its position.
#ifndef LANTERN_BASE_UTF8_H_
#define LANTERN_BASE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace lantern {

// Returns the byte offset of the first byte that does not start a valid UTF-8
// sequence (overlong forms, surrogates and code points above U+10FFFF are
// invalid), or std::string_view::npos when the whole text is valid.
size_t FindInvalidUtf8(std::string_view text);

// `text` with each byte that is not part of valid UTF-8 replaced by U+FFFD, so
// that it can be printed safely.
std::string ReplaceInvalidUtf8(std::string_view text);

// Number of code points in valid UTF-8 text (continuation bytes are skipped).
size_t CountCodePoints(std::string_view text);

// `text` broken at spaces into lines of at most `width` code points, for text
// that cannot wrap itself (an SVG label, a plain-text email). Runs of spaces
// count as one; a word longer than the width has a line of its own; empty or
// blank text gives no lines.
std::vector<std::string> WrapWords(std::string_view text, size_t width);

}  // namespace lantern

#endif  // LANTERN_BASE_UTF8_H_
