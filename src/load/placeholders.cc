#include "load/placeholders.h"

#include <cctype>
#include <string_view>

namespace lantern {
namespace {

bool IsWordByte(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

// The position of the marker as a whole word in `line`, or npos.
size_t FindMarker(std::string_view line) {
  const std::string_view marker = kPlaceholderMarker;
  for (size_t at = line.find(marker); at != std::string_view::npos; at = line.find(marker, at + 1)) {
    const bool starts_word = at == 0 || !IsWordByte(line[at - 1]);
    const size_t end = at + marker.size();
    const bool ends_word = end >= line.size() || !IsWordByte(line[end]);
    if (starts_word && ends_word) return at;
  }
  return std::string_view::npos;
}

// What the placeholder asks for: the text after "TODO:", trimmed and cut to a
// readable length on a character boundary.
std::string Request(std::string_view rest) {
  while (!rest.empty() && (rest.front() == ':' || rest.front() == ' ' || rest.front() == '-')) rest.remove_prefix(1);
  while (!rest.empty() && (rest.back() == ' ' || rest.back() == '"' || rest.back() == '\'' || rest.back() == '\r' ||
                           rest.back() == ']' || rest.back() == '.')) {
    rest.remove_suffix(1);
  }
  constexpr size_t kMax = 80;
  if (rest.size() <= kMax) return std::string(rest);
  size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(rest[cut]) & 0xC0) == 0x80) --cut;
  return std::string(rest.substr(0, cut)) + "…";
}

}  // namespace

int ReportPlaceholders(const std::string& path, const std::string& text, Diagnostics* diagnostics) {
  int found = 0;
  int line_number = 1;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    const std::string_view line = std::string_view(text).substr(start, end - start);
    if (const size_t at = FindMarker(line); at != std::string_view::npos) {
      const std::string request = Request(line.substr(at + std::string_view(kPlaceholderMarker).size()));
      diagnostics->Warning(path, {line_number, static_cast<int>(at) + 1}, "L060",
                           "placeholder still to fill in" + (request.empty() ? std::string() : ": " + request) +
                               "; write the real text and delete the TODO marker");
      ++found;
    }
    if (end == text.size()) break;
    start = end + 1;
    ++line_number;
  }
  return found;
}

}  // namespace lantern
