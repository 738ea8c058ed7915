#include "load/yaml_reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <istream>
#include <streambuf>
#include <string_view>
#include <utility>
#include <vector>

#include "base/utf8.h"
#include "load/libyaml_reader.h"

namespace lantern {
namespace {

// Deep nesting is never needed by the format and bounds every later walk.
constexpr int kMaxDepth = 40;
constexpr int kMaxNodes = 200000;

// Thrown inside the event handler to stop parsing at the first fatal problem;
// caught in ReadYaml, never escapes this file.
struct Stop {
  SourceLocation at;
  std::string code;
  std::string message;
};

// True when the quoted scalar opening at byte `pos` of `text` has its closing
// quote. yaml-cpp 0.7 accepts a quote left open at the end of the file and
// silently swallows everything after it into the value.
bool QuoteIsClosed(const std::string& text, size_t pos) {
  if (pos >= text.size() || (text[pos] != '"' && text[pos] != '\'')) return true;  // a block scalar
  const char quote = text[pos];
  for (size_t i = pos + 1; i < text.size(); ++i) {
    if (quote == '"' && text[i] == '\\') {
      ++i;  // an escaped character, perhaps a quote
    } else if (text[i] == quote) {
      if (quote == '\'' && i + 1 < text.size() && text[i + 1] == '\'') {
        ++i;  // '' is a quote inside single quotes
      } else {
        return true;
      }
    }
  }
  return false;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(const std::string& text, int first_line) : text_(text), first_line_(first_line) {}

  SourceLocation At(const YAML::Mark& mark) const {
    return {mark.line + first_line_, mark.column + 1};
  }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw Stop{At(mark), "L003",
                 "a file holds one YAML document; remove the second '---' and what follows, or "
                 "move it to its own file"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    RejectAnchor(mark, anchor);
    // yaml-cpp places an empty value's mark on the next token; the key's
    // position (used when this is a map value) is the useful one.
    Add(Value::Null(pending_key_ ? pending_key_->location() : At(mark)));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t) override {
    throw Stop{At(mark), "L004",
               "YAML aliases ('*name') are not allowed: write the value out in full"};
  }

  void OnAnchor(const YAML::Mark& mark, const std::string& name) override {
    throw Stop{At(mark), "L004",
               "YAML anchors ('&" + name + "') are not allowed: write the value out in full"};
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    RejectAnchor(mark, anchor);
    RejectTag(mark, tag);
    if (tag == "!" && mark.pos >= 0 && !QuoteIsClosed(text_, static_cast<size_t>(mark.pos))) {
      throw Stop{At(mark), "L003", "a quoted value is not closed with its quote mark"};
    }
    Add(Value::Text(value, At(mark), tag != "?"));
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    RejectAnchor(mark, anchor);
    RejectTag(mark, tag);
    Open(Value::List(At(mark)), mark);
  }
  void OnSequenceEnd() override { Close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    RejectAnchor(mark, anchor);
    RejectTag(mark, tag);
    Open(Value::Map(At(mark)), mark);
  }
  void OnMapEnd() override { Close(); }

  std::optional<Value> TakeRoot() { return std::move(root_); }

 private:
  struct Frame {
    Value value;
    // For maps: the key read and waiting for its value.
    std::optional<Value> key;
  };

  void RejectAnchor(const YAML::Mark& mark, YAML::anchor_t anchor) {
    if (anchor != 0) {
      throw Stop{At(mark), "L004", "YAML anchors and aliases are not allowed: write the value out in full"};
    }
  }

  void RejectTag(const YAML::Mark& mark, const std::string& tag) {
    if (tag != "?" && tag != "!" && !tag.empty()) {
      const std::string core = "tag:yaml.org,2002:";
      const std::string shown = tag.rfind(core, 0) == 0 ? "!!" + tag.substr(core.size()) : tag;
      throw Stop{At(mark), "L005", "YAML tags ('" + shown + "') are not supported: remove the tag"};
    }
  }

  void Count(const YAML::Mark& mark) {
    if (++nodes_ > kMaxNodes) {
      throw Stop{At(mark), "L006", "too many values in one file (the limit is 200,000)"};
    }
  }

  void Open(Value container, const YAML::Mark& mark) {
    Count(mark);
    if (static_cast<int>(stack_.size()) >= kMaxDepth) {
      throw Stop{At(mark), "L006", "values are nested too deeply (the limit is 40 levels)"};
    }
    if (!stack_.empty() && stack_.back().value.is_map() && !stack_.back().key) {
      throw Stop{At(mark), "L007", "a key must be plain text, not a list or mapping"};
    }
    stack_.push_back(Frame{std::move(container), std::nullopt});
    pending_key_ = nullptr;
  }

  void Close() {
    Frame frame = std::move(stack_.back());
    stack_.pop_back();
    pending_key_ = nullptr;
    Attach(std::move(frame.value));
  }

  void Add(Value scalar) {
    if (nodes_ + 1 > kMaxNodes) {
      throw Stop{scalar.location(), "L006", "too many values in one file (the limit is 200,000)"};
    }
    ++nodes_;
    Attach(std::move(scalar));
  }

  void Attach(Value value) {
    if (stack_.empty()) {
      root_ = std::move(value);
      return;
    }
    Frame& top = stack_.back();
    if (top.value.is_list()) {
      top.value.Push(std::move(value));
      return;
    }
    if (!top.key) {
      if (!value.is_text() && !value.is_null()) {
        throw Stop{value.location(), "L007", "a key must be plain text, not a list or mapping"};
      }
      if (value.is_null() || value.text().empty()) {
        throw Stop{value.location(), "L007", "a key is missing before ':'"};
      }
      if (const Value::Member* first = top.value.FindMember(value.text())) {
        throw Stop{value.location(), "L008",
                   "duplicate key \"" + value.text() + "\": it is already set on line " +
                       std::to_string(first->key_location.line) + "; keep one of them"};
      }
      top.key = std::move(value);
      pending_key_ = &*top.key;
      return;
    }
    const SourceLocation key_at = top.key->location();
    std::string key = top.key->text();
    top.key.reset();
    pending_key_ = nullptr;
    top.value.Set(key, std::move(value), key_at);
  }

  const std::string& text_;
  int first_line_;
  int documents_ = 0;
  int nodes_ = 0;
  std::vector<Frame> stack_;
  const Value* pending_key_ = nullptr;
  std::optional<Value> root_;
};

// Reads a string in place, where an istringstream would first copy it.
class ViewBuffer : public std::streambuf {
 public:
  explicit ViewBuffer(const std::string& text) {
    char* start = const_cast<char*>(text.data());  // only ever read
    setg(start, start, start + text.size());
  }
};

// yaml-cpp's messages are terse; these say what a person editing by hand
// usually did and what to do about it.
std::string ExplainParserMessage(const std::string& message) {
  struct Hint {
    const char* yaml_cpp;
    const char* explanation;
  };
  static const Hint kHints[] = {
      {"illegal map value",
       "unexpected ':' here: either this line is indented too far, or the text contains ': ' and the "
       "whole value needs quotes around it"},
      {"end of map not found", "a mapping is not closed or a line is indented wrongly"},
      {"end of map flow not found", "a '{' is not closed with '}'"},
      {"end of sequence not found", "a list is not closed or a line is indented wrongly"},
      {"end of sequence flow not found", "a '[' is not closed with ']'"},
      {"end of string not found", "a quoted value is not closed with its quote mark"},
      {"block sequence entries are not allowed in this context",
       "a '- ' list item is not allowed here; check its indentation"},
      {"illegal tab when looking for indentation",
       "a tab is used for indentation; YAML needs spaces"},
      {"unknown escape character", "a backslash escape in a double-quoted value is not valid; "
                                   "use single quotes or write '\\\\' for a backslash"},
      {"the referenced anchor is not defined",
       "a value starting with '*' is read as a YAML alias; put the whole value in quotes"},
      {"unknown token", "a value starting with '`', '@' or '%' must be put in quotes"},
      {"unexpected character in block scalar",
       "a value starting with '>' or '|' is read as a block of lines; put the whole value in quotes"},
  };
  for (const Hint& hint : kHints) {
    if (message == hint.yaml_cpp) return hint.explanation;
  }
  return "YAML syntax: " + message;
}

// Lines of `text`, without their line endings.
std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    start = end + 1;
  }
  return lines;
}

// The byte offset in `line` where a plain value starts ("key: value" or
// "- value"), or npos.
size_t ValueStart(std::string_view line) {
  size_t i = line.find_first_not_of(' ');
  if (i == std::string_view::npos || line[i] == '#') return std::string_view::npos;
  // "- - value": skip list markers; a line of markers and spaces has no value.
  while (i + 1 < line.size() && line[i] == '-' && line[i + 1] == ' ') {
    i = line.find_first_not_of(' ', i + 1);
    if (i == std::string_view::npos) return i;
  }
  if (line[i] == '"' || line[i] == '\'' || line[i] == '[' || line[i] == '{') return i;
  const size_t colon = line.find(": ", i);
  if (colon == std::string_view::npos) return std::string_view::npos;
  return line.find_first_not_of(' ', colon + 1);
}

// When yaml-cpp fails, the real slip is often earlier than where it noticed:
// a quote or bracket opened on a line and never closed there. Returns the
// position of the last such opening at or before `error_line` (0-based), or
// std::nullopt. Multi-line quoted or flow values are legal YAML but rare in
// hand-written content, so this is only used to explain an error.
std::optional<std::pair<SourceLocation, std::string>> FindUnclosedOpening(const std::string& text, int error_line,
                                                                          int first_line) {
  const std::vector<std::string_view> lines = SplitLines(text);
  std::optional<std::pair<SourceLocation, std::string>> found;
  size_t block_indent = std::string_view::npos;  // inside a '|' or '>' block: its key's indent
  for (int n = 0; n <= error_line && n < static_cast<int>(lines.size()); ++n) {
    const std::string_view line = lines[n];
    const size_t indent = line.find_first_not_of(' ');
    if (indent == std::string_view::npos) continue;
    if (block_indent != std::string_view::npos) {
      if (indent > block_indent) continue;  // prose inside the block may contain anything
      block_indent = std::string_view::npos;
    }
    const size_t start = ValueStart(line);
    if (start == std::string_view::npos) continue;
    if (line[start] == '|' || line[start] == '>') {
      block_indent = indent;
      continue;
    }
    const char open = line[start];
    const SourceLocation at{n + first_line, static_cast<int>(start) + 1};
    if (open == '"' || open == '\'') {
      bool closed = false;
      for (size_t i = start + 1; i < line.size(); ++i) {
        if (open == '"' && line[i] == '\\') {
          ++i;
        } else if (line[i] == open) {
          if (open == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            closed = true;
            const size_t after = line.find_first_not_of(' ', i + 1);
            if (after != std::string_view::npos && line[after] != '#') {
              found = {{at, "text follows the closing quote; put the whole value in quotes, or remove the quotes"}};
            }
            break;
          }
        }
      }
      if (!closed) found = {{at, "a quoted value is not closed with its quote mark on this line"}};
    } else if (open == '[' || open == '{') {
      const char close = open == '[' ? ']' : '}';
      int depth = 0;
      for (size_t i = start; i < line.size(); ++i) {
        if (line[i] == open) ++depth;
        if (line[i] == close) --depth;
      }
      if (depth > 0) {
        found = {{at, std::string("a '") + open + "' is not closed with '" + close + "' on this line"}};
      }
    }
  }
  return found;
}

}  // namespace

bool CheckContentBytes(const std::string& path, const std::string& text, Diagnostics* diagnostics) {
  if (text.size() > kMaxContentFileBytes) {
    diagnostics->Error(path, {}, "L001",
                       "file is " + std::to_string(text.size()) + " bytes, over the limit of " +
                           std::to_string(kMaxContentFileBytes) + " bytes (1 MiB) for one content file; "
                           "shorten it or link to a document");
    return false;
  }
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
    diagnostics->Error(path, {}, "L001", "file is empty");
    return false;
  }
  const size_t bad = FindInvalidUtf8(text);
  if (bad != std::string::npos) {
    diagnostics->Error(path, LocationOfOffset(text, bad), "L002", "invalid UTF-8 byte; save the file as UTF-8");
    return false;
  }
  if (text.find('\0') != std::string::npos) {
    diagnostics->Error(path, {}, "L002", "file contains a NUL byte; it is not a text file");
    return false;
  }
  return true;
}

std::optional<Value> ReadYaml(const std::string& path, const std::string& text,
                              Diagnostics* diagnostics, YamlReadOptions options) {
  // A copy only when there is a byte order mark to drop.
  std::string without_bom;
  if (text.rfind("\xEF\xBB\xBF", 0) == 0) without_bom = text.substr(3);
  const std::string& body = text.rfind("\xEF\xBB\xBF", 0) == 0 ? without_bom : text;
  if (body.find_first_not_of(" \t\r\n") == std::string::npos) {
    if (options.allow_empty) return Value::Map({options.first_line, 1});
  }
  // libyaml's reading when it is sure to be yaml-cpp's; yaml-cpp's otherwise
  // (and always for a document with a problem, whose diagnostic it words).
  if (options.try_libyaml) {
    if (std::optional<Value> fast = ReadYamlFast(body, options.first_line)) return fast;
  }
  ViewBuffer buffer(body);
  std::istream stream(&buffer);
  TreeBuilder builder(body, options.first_line);
  try {
    YAML::Parser parser(stream);
    while (parser.HandleNextDocument(builder)) {
    }
  } catch (const Stop& stop) {
    diagnostics->Error(path, stop.at, stop.code, stop.message);
    return std::nullopt;
  } catch (const YAML::ParserException& e) {
    if (auto opening = FindUnclosedOpening(body, e.mark.line, options.first_line)) {
      diagnostics->Error(path, opening->first, "L003", opening->second);
    } else {
      diagnostics->Error(path, {e.mark.line + options.first_line, e.mark.column + 1}, "L003",
                         ExplainParserMessage(e.msg));
    }
    return std::nullopt;
  } catch (const YAML::Exception& e) {
    diagnostics->Error(path, {}, "L003", "YAML could not be read: " + e.msg);
    return std::nullopt;
  } catch (const std::exception& e) {
    diagnostics->Error(path, {}, "L003", std::string("YAML could not be read: ") + e.what());
    return std::nullopt;
  }
  std::optional<Value> root = builder.TakeRoot();
  if (!root) {
    if (options.allow_empty) return Value::Map({options.first_line, 1});
    diagnostics->Error(path, {}, "L001", "file is empty");
    return std::nullopt;
  }
  return root;
}

}  // namespace lantern
