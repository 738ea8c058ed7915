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

bool Decode(std::string_view in, std::string* out) {
  out->clear();
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i] == '+') {
      *out += ' ';
    } else if (in[i] == '%') {
      if (i + 2 >= in.size()) return false;
      const int high = HexValue(in[i + 1]), low = HexValue(in[i + 2]);
      if (high < 0 || low < 0) return false;
      *out += static_cast<char>(high * 16 + low);
      i += 2;
    } else {
      *out += in[i];
    }
  }
  return true;
}

// Line ends to LF, then refuses NUL and control characters (C0 but tab and LF, DEL, C1).
bool Normalize(std::string* text) {
  std::string out;
  out.reserve(text->size());
  for (size_t i = 0; i < text->size(); ++i) {
    const unsigned char c = static_cast<unsigned char>((*text)[i]);
    if (c == '\r') {
      out += '\n';
      if (i + 1 < text->size() && (*text)[i + 1] == '\n') ++i;
      continue;
    }
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7f) return false;
    if (c == 0xc2 && i + 1 < text->size()) {
      const unsigned char next = static_cast<unsigned char>((*text)[i + 1]);
      if (next >= 0x80 && next <= 0x9f) return false;  // U+0080–U+009F
    }
    out += static_cast<char>(c);
  }
  const size_t first = out.find_first_not_of(" \t\n");
  const size_t last = out.find_last_not_of(" \t\n");
  *text = first == std::string::npos ? std::string() : out.substr(first, last - first + 1);
  return true;
}

}  // namespace

ParsedForm ParseFormBody(std::string_view body, const std::set<std::string>& allowed_fields) {
  ParsedForm form;
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view pair = body.substr(start, end - start);
    start = end + 1;
    if (pair.empty()) {
      if (end == body.size()) break;
      continue;
    }
    const size_t equals = pair.find('=');
    std::string name, value;
    if (!Decode(pair.substr(0, equals), &name) ||
        (equals != std::string_view::npos && !Decode(pair.substr(equals + 1), &value))) {
      form.error = "bad percent-encoding";
      return form;
    }
    if (allowed_fields.count(name) == 0) {
      form.error = "unknown field";
      return form;
    }
    if (form.fields.count(name)) {
      form.error = "repeated field";
      return form;
    }
    if (FindInvalidUtf8(value) != std::string::npos) {
      form.error = "invalid UTF-8";
      return form;
    }
    if (!Normalize(&value)) {
      form.error = "control character";
      return form;
    }
    form.fields[name] = std::move(value);
  }
  form.ok = true;
  return form;
}

}  // namespace lantern
