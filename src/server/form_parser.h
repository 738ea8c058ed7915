// Lantern's own application/x-www-form-urlencoded parser (checklist F1, F3),
// built so that nothing a resident typed is refused for its bytes: it never
// fails. It decodes as browsers encode (the WHATWG URL standard's rules: '+'
// is a space, a '%' not followed by two hex digits stays as it is), replaces
// invalid UTF-8 with U+FFFD, turns CRLF, CR, form feed, vertical tab, NEL and
// the Unicode line and paragraph separators into LF, drops other control
// characters (C0 but tab and LF, DEL, C1) and trims each value. What it had
// to do is reported as anomalies, so staff can see it and spam checks can use
// it. Only allowlisted field names are kept, each once (the first value).
// Never uses std::regex.
#ifndef LANTERN_SERVER_FORM_PARSER_H_
#define LANTERN_SERVER_FORM_PARSER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace lantern {

struct ParsedForm {
  std::map<std::string, std::string> fields;
  // What the parser changed or left out, by name: bad_percent_encoding,
  // invalid_utf8, controls_removed, bidi_controls (kept in the text: U+202A-
  // U+202E and U+2066-U+2069 can make text read differently than it is
  // stored), unknown_field, repeated_field.
  std::set<std::string> anomalies;
};

ParsedForm ParseFormBody(std::string_view body, const std::set<std::string>& allowed_fields);

}  // namespace lantern

#endif  // LANTERN_SERVER_FORM_PARSER_H_
