// Lantern's own application/x-www-form-urlencoded parser (checklist F1, F3):
// '+' is a space; '%' must be followed by two hex digits; values must be
// strict UTF-8 without NUL or C0/C1 controls other than tab and line feed;
// CRLF and CR become LF; values are trimmed. Only allowlisted field names, each
// at most once. Never uses std::regex.
#ifndef LANTERN_SERVER_FORM_PARSER_H_
#define LANTERN_SERVER_FORM_PARSER_H_

#include <map>
#include <set>
#include <string>
#include <string_view>

namespace lantern {

struct ParsedForm {
  bool ok = false;
  std::string error;  // why the body was refused (for logs and tests; never shown with request data)
  std::map<std::string, std::string> fields;
};

ParsedForm ParseFormBody(std::string_view body, const std::set<std::string>& allowed_fields);

}  // namespace lantern

#endif  // LANTERN_SERVER_FORM_PARSER_H_
