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
  // When not 0, replaces heading_offset: headings move (down or up) so the
  // highest one in the document becomes this level and none skips a level
  // below the page's own: 2 turns a page body's "##" sections into h2, and
  // its "#" into h2 too.
  int top_level = 0;
};

// Returns HTML for CommonMark `markdown`. Never fails: cmark accepts any input.
std::string MarkdownToHtml(std::string_view markdown, MarkdownOptions options = {});

}  // namespace lantern

#endif  // LANTERN_RENDER_MARKDOWN_H_
