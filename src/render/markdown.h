// Markdown to HTML with cmark in its safe default: raw HTML is dropped and
// javascript:, vbscript:, file: and data: links are emptied. The only file
// that includes cmark.
#ifndef LANTERN_RENDER_MARKDOWN_H_
#define LANTERN_RENDER_MARKDOWN_H_

#include <string>
#include <string_view>

namespace lantern {

struct MarkdownOptions {
  // Shift headings down so a field's "# Heading" cannot compete with the
  // page's own h1/h2 structure: 2 turns '#' into h3.
  int heading_offset = 0;
};

// Returns HTML for CommonMark `markdown`. Never fails: cmark accepts any input.
std::string MarkdownToHtml(std::string_view markdown, MarkdownOptions options = {});

}  // namespace lantern

#endif  // LANTERN_RENDER_MARKDOWN_H_
