// Markdown to HTML with cmark in its safe default: raw HTML is dropped and
// javascript:, vbscript:, file: and data: links are emptied. The only file
// that includes cmark.
#ifndef LANTERN_RENDER_MARKDOWN_H_
#define LANTERN_RENDER_MARKDOWN_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostic.h"

struct cmark_node;  // cmark's parsed document, opaque outside markdown.cc

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

// Each link's address as the page gets it from the address written (images
// keep theirs): a bilingual site's edition sends links written for the
// default language's pages to its own (model/addresses.h, EditionUrl).
// Empty: as written.
using LinkAddress = std::function<std::string(const std::string& url)>;

// Returns HTML for CommonMark `markdown`. Never fails: cmark accepts any input.
std::string MarkdownToHtml(std::string_view markdown, MarkdownOptions options = {},
                           const LinkAddress& link_address = {});

// A link or image in Markdown, with the 1-based line of the Markdown text it
// is on (the line of its enclosing block when cmark does not say).
struct MarkdownLink {
  std::string url;
  int line = 1;
  bool image = false;
};

// The links of one Markdown text of a file (a record's field), by where the
// text is in the file: found while the text was rendered.
struct MarkdownFieldLinks {
  SourceLocation at;
  std::vector<MarkdownLink> links;
};

// A Markdown text parsed once, for a text shown at several heading levels
// and whose links are checked: each Html is MarkdownToHtml's output for the
// same options, and links() is ExtractLinks' list, without parsing again.
// Never fails. Not thread-safe (Html moves the headings and moves them back).
class MarkdownDocument {
 public:
  explicit MarkdownDocument(std::string_view markdown);
  ~MarkdownDocument();
  MarkdownDocument(const MarkdownDocument&) = delete;
  MarkdownDocument& operator=(const MarkdownDocument&) = delete;

  // links() stays what was written, whatever `link_address` makes of it.
  std::string Html(MarkdownOptions options = {}, const LinkAddress& link_address = {});
  std::vector<MarkdownLink> links() const;

 private:
  struct Heading;
  cmark_node* document_ = nullptr;
  std::vector<Heading> headings_;
};

// Every link and image destination in `markdown`, in document order. Never
// fails.
std::vector<MarkdownLink> ExtractLinks(std::string_view markdown);

}  // namespace lantern

#endif  // LANTERN_RENDER_MARKDOWN_H_
