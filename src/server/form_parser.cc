#include "server/form_parser.h"

#include "base/utf8.h"

namespace lantern {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decoding as the WHATWG URL standard does it: a '%' that does not
// start a valid escape is kept as a literal '%'.
std::string Decode(std::string_view in, std::set<std::string>* anomalies) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      out += ' ';
    } else if (in[i] == '%' && i + 2 < in.size() && HexValue(in[i + 1]) >= 0 && HexValue(in[i + 2]) >= 0) {
      out += static_cast<char>(HexValue(in[i + 1]) * 16 + HexValue(in[i + 2]));
      i += 2;
    } else {
      if (in[i] == '%') anomalies->insert("bad_percent_encoding");
      out += in[i];
    }
  }
  return out;
}

// Valid UTF-8 in, normalised text out: line breaks to LF, controls dropped,
// bidi controls noted, the ends trimmed.
std::string Normalize(const std::string& text, std::set<std::string>* anomalies) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    const unsigned char next = i + 1 < text.size() ? static_cast<unsigned char>(text[i + 1]) : 0;
    const unsigned char third = i + 2 < text.size() ? static_cast<unsigned char>(text[i + 2]) : 0;
    if (c == '\r') {
      out += '\n';
      if (next == '\n') ++i;
    } else if (c == '\f' || c == '\v') {
      out += '\n';
    } else if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) {
      anomalies->insert("controls_removed");
    } else if (c == 0xc2 && next >= 0x80 && next <= 0x9f) {  // C1 controls, U+0080-U+009F
      if (next == 0x85) {
        out += '\n';  // NEL
      } else {
        anomalies->insert("controls_removed");
      }
      ++i;
    } else if (c == 0xe2 && next == 0x80 && (third == 0xa8 || third == 0xa9)) {  // U+2028, U+2029
      out += '\n';
      i += 2;
    } else {
      if (c == 0xe2 && ((next == 0x80 && third >= 0xaa && third <= 0xae) ||      // U+202A-U+202E
                        (next == 0x81 && third >= 0xa6 && third <= 0xa9))) {     // U+2066-U+2069
        anomalies->insert("bidi_controls");
      }
      out += static_cast<char>(c);
    }
  }
  const size_t first = out.find_first_not_of(" \t\n");
  const size_t last = out.find_last_not_of(" \t\n");
  return first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
}

}  // namespace

ParsedForm ParseFormBody(std::string_view body, const std::set<std::string>& allowed_fields) {
  ParsedForm form;
  size_t start = 0;
  while (start < body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) continue;
    const size_t equals = pair.find('=');
    std::set<std::string> name_anomalies;  // a field we drop cannot change what we report
    const std::string name = Decode(pair.substr(0, equals), &name_anomalies);
    if (allowed_fields.count(name) == 0) {
      form.anomalies.insert("unknown_field");
      continue;
    }
    if (form.fields.count(name)) {
      form.anomalies.insert("repeated_field");
      continue;
    }
    std::string value = equals == std::string_view::npos ? std::string() : Decode(pair.substr(equals + 1), &form.anomalies);
    if (FindInvalidUtf8(value) != std::string::npos) {
      form.anomalies.insert("invalid_utf8");
      value = ReplaceInvalidUtf8(value);
    }
    form.fields[name] = Normalize(value, &form.anomalies);
  }
  return form;
}

}  // namespace lantern
