// Escaping text for HTML, kept out of the template engine and the Markdown
// renderer so that every escape in Lantern is the same one.
#ifndef LANTERN_RENDER_HTML_ESCAPE_H_
#define LANTERN_RENDER_HTML_ESCAPE_H_

#include <string>
#include <string_view>

namespace lantern {

// Escapes & < > " ' so the result is safe in element content and in quoted
// attribute values.
std::string EscapeHtml(std::string_view text);

// Escapes text for an XML text node or attribute (the same five characters).
inline std::string EscapeXml(std::string_view text) { return EscapeHtml(text); }

}  // namespace lantern

#endif  // LANTERN_RENDER_HTML_ESCAPE_H_
