#include "render/markdown.h"

#include <cmark.h>

#include <algorithm>
#include <cstdlib>

namespace lantern {

std::string MarkdownToHtml(std::string_view markdown, MarkdownOptions options) {
  cmark_node* document =
      cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
  if (document == nullptr) return {};
  int offset = options.heading_offset;
  if (options.top_level != 0) {
    int highest = 7;
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        highest = std::min(highest, cmark_node_get_heading_level(node));
      }
    }
    cmark_iter_free(iter);
    offset = highest == 7 ? 0 : options.top_level - highest;
  }
  if (offset != 0) {
    cmark_iter* iter = cmark_iter_new(document);
    for (cmark_event_type event = cmark_iter_next(iter); event != CMARK_EVENT_DONE; event = cmark_iter_next(iter)) {
      cmark_node* node = cmark_iter_get_node(iter);
      if (event == CMARK_EVENT_ENTER && cmark_node_get_type(node) == CMARK_NODE_HEADING) {
        cmark_node_set_heading_level(node, std::clamp(cmark_node_get_heading_level(node) + offset, 1, 6));
      }
    }
    cmark_iter_free(iter);
  }
  char* html = cmark_render_html(document, CMARK_OPT_DEFAULT | CMARK_OPT_SMART);
  cmark_node_free(document);
  if (html == nullptr) return {};
  std::string result(html);
  std::free(html);
  return result;
}

std::vector<MarkdownLink> ExtractLinks(std::string_view markdown) {
  std::vector<MarkdownLink> links;
  cmark_node* document = cmark_parse_document(markdown.data(), markdown.size(), CMARK_OPT_DEFAULT);
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
  cmark_node_free(document);
  return links;
}

}  // namespace lantern
