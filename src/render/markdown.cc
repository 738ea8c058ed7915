#include "render/markdown.h"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>

namespace lantern {
namespace {

// Every link and image under `document`, in document order.
std::vector<MarkdownLink> LinksIn(cmark_node* document) {
  std::vector<MarkdownLink> links;
  if (document == nullptr) return links;
  cmark_iter* iter = cmark_iter_new(document);
  for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    const cmark_node_type type = cmark_node_get_type(node);
    if (event != CMARK_EVENT_ENTER || (type != CMARK_NODE_LINK && type != CMARK_NODE_IMAGE)) continue;
    MarkdownLink link;
    const char* url = cmark_node_get_url(node);
    link.url = url == nullptr ? "" : url;
    link.image = type == CMARK_NODE_IMAGE;
    // Inline nodes may lack a position: use the nearest ancestor's.
    for (cmark_node* at = node; at != nullptr; at = cmark_node_parent(at)) {
      if (cmark_node_get_start_line(at) > 0) {
        link.line = cmark_node_get_start_line(at);
        break;
      }
    }
    links.push_back(std::move(link));
  }
  cmark_iter_free(iter);
  return links;
}

}  // namespace

struct MarkdownDocument::Heading {
  cmark_node* node;
  int level;  // as written
};

MarkdownDocument::MarkdownDocument(std::string_view markdown)
    : document_(cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART)) {
  if (document_ == nullptr) return;
  cmark_iter* iter = cmark_iter_new(document_);
  for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
    cmark_node* node = cmark_iter_get_node(iter);
    if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
      headings_.push_back({node, cmark_node_get_heading_level(node)});
    }
  }
  cmark_iter_free(iter);
}

MarkdownDocument::~MarkdownDocument() {
  if (document_ != nullptr) cmark_node_free(document_);
}

std::string MarkdownDocument::Html(MarkdownOptions options, const LinkAddress& link_address) {
  if (document_ == nullptr) return {};
  int offset = options.heading_offset;
  if (options.top_level != 0) {
    int highest = 7;
    for (const Heading& heading : headings_) highest = std::min(highest, heading.level);
    offset = highest == 7 ? 0 : options.top_level - highest;
  }
  for (const Heading& heading : headings_) {
    cmark_node_set_heading_level(heading.node, std::clamp(heading.level + offset, 1, 6));
  }
  // Links the caller readdresses, put back after rendering: the same parse
  // serves other renders and the link checker, which reads what was written.
  std::vector<std::pair<cmark_node*, std::string>> written;
  if (link_address) {
    cmark_iter* iter = cmark_iter_new(document_);
    for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event != CMARK_EVENT_ENTER || cmark_node_get_type(node) != CMARK_NODE_LINK) continue;
      const char* url = cmark_node_get_url(node);
      std::string before = url != nullptr ? url : "";
      const std::string after = link_address(before);
      if (after == before) continue;
      cmark_node_set_url(node, after.c_str());
      written.emplace_back(node, std::move(before));
    }
    cmark_iter_free(iter);
  }
  char* html = cmark_render_html(document_, CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
  for (const auto& [node, url] : written) cmark_node_set_url(node, url.c_str());
  if (html == nullptr) return {};
  std::string result(html);
  std::free(html);
  return result;
}

// Smart punctuation changes only text nodes, never which links there are or
// their lines: the same parse serves the page and the link checker.
std::vector<MarkdownLink> MarkdownDocument::links() const { return LinksIn(document_); }

std::string MarkdownToHtml(std::string_view markdown, MarkdownOptions options, const LinkAddress& link_address) {
  return MarkdownDocument(markdown).Html(options, link_address);
}

std::vector<MarkdownLink> ExtractLinks(std::string_view markdown) {
  cmark_node* document = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
  std::vector<MarkdownLink> links = LinksIn(document);
  if (document != nullptr) cmark_node_free(document);
  return links;
}

}  // namespace lantern
