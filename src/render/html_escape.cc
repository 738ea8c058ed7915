#include "render/html_escape.h"

namespace lantern {

std::string EscapeHtml(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  // Runs of plain characters are copied whole: most text has few or none to escape.
  size_t copied = 0;
  for (size_t at = text.find_first_of("&<>\"'"); at != std::string_view::npos;
       at = text.find_first_of("&<>\"'", copied)) {
    out.append(text, copied, at - copied);
    switch (text[at]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += "&#39;"; break;
    }
    copied = at + 1;
  }
  out.append(text, copied, std::string_view::npos);
  return out;
}

}  // namespace lantern
