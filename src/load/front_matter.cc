#include "load/front_matter.h"

namespace lantern {
namespace {

// True when `line` (without its newline) is a fence: "---" with optional
// trailing spaces or a carriage return.
bool IsFence(std::string_view line) {
  if (line.substr(0, 3) != "---") return false;
  return line.find_first_not_of(" \t\r", 3) == std::string_view::npos;
}

}  // namespace

std::optional<FrontMatterSplit> SplitFrontMatter(const std::string& path, const std::string& raw,
                                                 Diagnostics* diagnostics) {
  std::string_view text = raw;
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  const size_t first_end = text.find('\n');
  if (!IsFence(text.substr(0, first_end))) {
    diagnostics->Error(path, {1, 1}, "L040",
                       "a page must start with front matter: a line '---', then 'title: …' and other "
                       "settings, then another '---' line");
    return std::nullopt;
  }
  if (first_end == std::string_view::npos) {
    diagnostics->Error(path, {1, 1}, "L040", "front matter is not closed: add a '---' line after the settings");
    return std::nullopt;
  }
  size_t line_start = first_end + 1;
  int line_number = 2;
  while (line_start <= text.size()) {
    size_t line_end = text.find('\n', line_start);
    const std::string_view line =
        text.substr(line_start, line_end == std::string_view::npos ? std::string_view::npos : line_end - line_start);
    if (IsFence(line)) {
      FrontMatterSplit split;
      split.front_matter = std::string(text.substr(first_end + 1, line_start - first_end - 1));
      split.front_matter_first_line = 2;
      split.body = line_end == std::string_view::npos ? std::string() : std::string(text.substr(line_end + 1));
      split.body_first_line = line_number + 1;
      return split;
    }
    if (line_end == std::string_view::npos) break;
    line_start = line_end + 1;
    ++line_number;
  }
  diagnostics->Error(path, {1, 1}, "L040",
                     "front matter is not closed: add a '---' line after the settings that start here");
  return std::nullopt;
}

}  // namespace lantern
