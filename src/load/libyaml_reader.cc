#include "load/libyaml_reader.h"

#include <yaml.h>

#include <string_view>
#include <utility>
#include <vector>

namespace lantern {
namespace {

// The same limits as yaml_reader.cc's; over them, yaml-cpp's reading says so.
constexpr size_t kMaxDepth = 40;
constexpr int kMaxNodes = 200000;

// Bytes after which libyaml and yaml-cpp 0.7 disagree on lines, columns or
// values: libyaml takes U+0085, U+2028, U+2029 and a lone CR as line breaks,
// and the two treat tabs in indentation and separation differently.
bool HasBytesReadDifferently(std::string_view text) {
  if (text.find('\t') != std::string_view::npos) return true;
  for (size_t cr = text.find('\r'); cr != std::string_view::npos; cr = text.find('\r', cr + 1)) {
    if (cr + 1 >= text.size() || text[cr + 1] != '\n') return true;
  }
  return text.find("\xC2\x85") != std::string_view::npos || text.find("\xE2\x80\xA8") != std::string_view::npos ||
         text.find("\xE2\x80\xA9") != std::string_view::npos;
}

// Inside [...] and {...}, yaml-cpp 0.7 ends a plain scalar at any '?' and at
// ':' before more characters than libyaml 0.2.5 does, and the two differ on
// one starting with '-': a plain value there with these is left to yaml-cpp.
bool ReadDifferentlyInFlow(std::string_view plain) {
  return plain.find_first_of("?:#") != std::string_view::npos || (!plain.empty() && plain.front() == '-');
}

// yaml-cpp 0.7's IsNullString: the plain scalars it reports as null.
bool IsNullText(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

// Owns one libyaml event.
class Event {
 public:
  Event() = default;
  ~Event() {
    if (filled_) yaml_event_delete(&event_);
  }
  Event(const Event&) = delete;
  Event& operator=(const Event&) = delete;
  // False on a syntax error.
  bool Next(yaml_parser_t* parser) {
    if (filled_) yaml_event_delete(&event_);
    filled_ = yaml_parser_parse(parser, &event_) != 0;
    return filled_;
  }
  const yaml_event_t& get() const { return event_; }

 private:
  yaml_event_t event_{};
  bool filled_ = false;
};

class Builder {
 public:
  Builder(std::string_view text, int first_line) : text_(text), first_line_(first_line) {
    for (unsigned char c : text) {
      if (c >= 0x80) {
        ascii_ = false;
        break;
      }
    }
  }

  // yaml-cpp counts columns in bytes, libyaml in characters.
  SourceLocation At(const yaml_mark_t& mark) {
    const int line = static_cast<int>(mark.line);
    if (ascii_) return {line + first_line_, static_cast<int>(mark.column) + 1};
    if (line_starts_.empty()) {
      line_starts_.push_back(0);
      for (size_t i = 0; i < text_.size(); ++i) {
        if (text_[i] == '\n') line_starts_.push_back(i + 1);
      }
    }
    size_t at = static_cast<size_t>(line) < line_starts_.size() ? line_starts_[line] : text_.size();
    for (size_t chars = 0; chars < mark.column && at < text_.size(); ++chars) {
      ++at;
      while (at < text_.size() && (static_cast<unsigned char>(text_[at]) & 0xC0) == 0x80) ++at;
    }
    return {line + first_line_, static_cast<int>(at - line_starts_[line]) + 1};
  }

  // False when the event is one ReadYaml would reject or that yaml-cpp might read otherwise.
  bool Take(const yaml_event_t& event) {
    switch (event.type) {
      case YAML_STREAM_START_EVENT:
      case YAML_DOCUMENT_END_EVENT:
        return true;
      case YAML_STREAM_END_EVENT:
        ended_ = true;
        return true;
      case YAML_DOCUMENT_START_EVENT:
        return ++documents_ == 1 && event.data.document_start.version_directive == nullptr &&
               event.data.document_start.tag_directives.start == event.data.document_start.tag_directives.end;
      case YAML_ALIAS_EVENT:
        return false;
      case YAML_SCALAR_EVENT: {
        const auto& scalar = event.data.scalar;
        if (scalar.anchor != nullptr || scalar.tag != nullptr || ++nodes_ > kMaxNodes) return false;
        const bool plain = scalar.style == YAML_PLAIN_SCALAR_STYLE;
        std::string text(reinterpret_cast<const char*>(scalar.value), scalar.length);
        if (plain && InFlow() && ReadDifferentlyInFlow(text)) return false;
        if (plain && IsNullText(text)) {
          // yaml-cpp places a null at its key; elsewhere its mark is on the next token.
          if (stack_.empty() || !stack_.back().value.is_map() || !stack_.back().key) return false;
          return Attach(Value::Null(stack_.back().key->location()));
        }
        return Attach(Value::Text(std::move(text), At(event.start_mark), !plain));
      }
      case YAML_SEQUENCE_START_EVENT:
      case YAML_MAPPING_START_EVENT: {
        const bool list = event.type == YAML_SEQUENCE_START_EVENT;
        const yaml_char_t* anchor = list ? event.data.sequence_start.anchor : event.data.mapping_start.anchor;
        const yaml_char_t* tag = list ? event.data.sequence_start.tag : event.data.mapping_start.tag;
        if (anchor != nullptr || tag != nullptr || ++nodes_ > kMaxNodes || stack_.size() >= kMaxDepth) return false;
        if (!stack_.empty() && stack_.back().value.is_map() && !stack_.back().key) return false;
        const SourceLocation at = At(event.start_mark);
        const bool flow = list ? event.data.sequence_start.style == YAML_FLOW_SEQUENCE_STYLE
                               : event.data.mapping_start.style == YAML_FLOW_MAPPING_STYLE;
        stack_.push_back(Frame{list ? Value::List(at) : Value::Map(at), std::nullopt, flow || InFlow()});
        return true;
      }
      case YAML_SEQUENCE_END_EVENT:
      case YAML_MAPPING_END_EVENT: {
        if (stack_.empty()) return false;
        Value done = std::move(stack_.back().value);
        stack_.pop_back();
        return Attach(std::move(done));
      }
      case YAML_NO_EVENT:
        return false;
    }
    return false;
  }

  std::optional<Value> TakeRoot() {
    if (!ended_ || !stack_.empty()) return std::nullopt;
    return std::move(root_);
  }

 private:
  struct Frame {
    Value value;
    std::optional<Value> key;  // for maps: the key read and waiting for its value
    bool flow = false;         // inside [...] or {...}
  };

  bool InFlow() const { return !stack_.empty() && stack_.back().flow; }

  bool Attach(Value value) {
    if (stack_.empty()) {
      if (root_) return false;
      root_ = std::move(value);
      return true;
    }
    Frame& top = stack_.back();
    if (top.value.is_list()) {
      top.value.Push(std::move(value));
      return true;
    }
    if (!top.key) {
      if (!value.is_text() || value.text().empty() || top.value.FindMember(value.text()) != nullptr) return false;
      top.key = std::move(value);
      return true;
    }
    const SourceLocation key_at = top.key->location();
    top.value.Set(top.key->text(), std::move(value), key_at);
    top.key.reset();
    return true;
  }

  std::string_view text_;
  int first_line_;
  bool ascii_ = true;
  std::vector<size_t> line_starts_;
  int documents_ = 0;
  int nodes_ = 0;
  bool ended_ = false;
  std::vector<Frame> stack_;
  std::optional<Value> root_;
};

// Owns one libyaml parser.
class Parser {
 public:
  explicit Parser(std::string_view text) {
    ok_ = yaml_parser_initialize(&parser_) != 0;
    if (ok_) {
      yaml_parser_set_input_string(&parser_, reinterpret_cast<const unsigned char*>(text.data()), text.size());
      yaml_parser_set_encoding(&parser_, YAML_UTF8_ENCODING);
    }
  }
  ~Parser() {
    if (ok_) yaml_parser_delete(&parser_);
  }
  Parser(const Parser&) = delete;
  Parser& operator=(const Parser&) = delete;
  bool ok() const { return ok_; }
  yaml_parser_t* get() { return &parser_; }

 private:
  yaml_parser_t parser_{};
  bool ok_ = false;
};

}  // namespace

std::optional<Value> ReadYamlFast(const std::string& text, int first_line) {
  if (HasBytesReadDifferently(text)) return std::nullopt;
  Parser parser(text);
  if (!parser.ok()) return std::nullopt;
  Builder builder(text, first_line);
  Event event;
  do {
    if (!event.Next(parser.get()) || !builder.Take(event.get())) return std::nullopt;
  } while (event.get().type != YAML_STREAM_END_EVENT);
  return builder.TakeRoot();
}

}  // namespace lantern
