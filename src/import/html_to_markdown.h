// GOV.UK's record body (HTML) back into Markdown, split at its headings.
// Parsed with gumbo (this is the only file that includes it), so any bytes
// give a result: never an error, a crash or a hang. Paragraphs, ordered and
// unordered lists (nested lists indented under their item), links, emphasis
// and strong, line breaks (a backslash at the line end), tables (as Markdown
// tables, a header row and a separator) and headings are kept; any other
// element keeps its text. Markdown's own characters in text are escaped.
#ifndef LANTERN_IMPORT_HTML_TO_MARKDOWN_H_
#define LANTERN_IMPORT_HTML_TO_MARKDOWN_H_

#include <string>
#include <string_view>
#include <vector>

namespace lantern {

struct HtmlSection {
  std::string heading;   // the heading's text ("" for what comes before the first heading)
  int level = 0;         // 1-6, or 0 for the part before the first heading
  std::string markdown;  // the blocks after it, up to the next heading, without a final line break
};

std::vector<HtmlSection> HtmlToSections(std::string_view html);

}  // namespace lantern

#endif  // LANTERN_IMPORT_HTML_TO_MARKDOWN_H_
