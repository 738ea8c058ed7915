#include "render/template.h"

#include <kainjow/mustache.hpp>

#include <cctype>
#include <functional>
#include <set>
#include <vector>

#include "base/fingerprint.h"
#include "render/html_escape.h"

namespace lantern {

namespace mustache = kainjow::mustache;

struct TemplateSet::Constants {
  mustache::data data;
};

struct TemplateSet::Parsed {
  explicit Parsed(const std::string& text) : engine(text) {}
  mustache::mustache engine;
};

namespace {

// A tag found by the scanner: its name, kind and where it starts.
struct Tag {
  std::string name;
  char kind;  // '{' or '&' unescaped, '>' partial, 0 for everything else
  size_t offset;
};

std::string Trim(const std::string& text) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

// Lists the tags of a template written with the default {{ }} delimiters.
// (Lantern's templates do not change delimiters; the engine's own parse has
// already accepted the text when this runs.)
std::vector<Tag> ScanTags(const std::string& text) {
  std::vector<Tag> tags;
  size_t at = 0;
  while ((at = text.find("{{", at)) != std::string::npos) {
    const bool triple = text.compare(at, 3, "{{{") == 0;
    const size_t open = at + (triple ? 3 : 2);
    const size_t close = text.find(triple ? "}}}" : "}}", open);
    if (close == std::string::npos) break;
    std::string inside = Trim(text.substr(open, close - open));
    char kind = 0;
    if (triple) {
      kind = '{';
    } else if (!inside.empty() && (inside[0] == '&' || inside[0] == '>')) {
      kind = inside[0];
      inside = Trim(inside.substr(1));
    }
    tags.push_back({inside, kind, at});
    at = close + (triple ? 3 : 2);
  }
  return tags;
}

bool EndsWith(const std::string& text, const std::string& suffix) {
  return text.size() >= suffix.size() && text.compare(text.size() - suffix.size(), suffix.size(), suffix) == 0;
}

size_t TrailingOffset(const std::string& message) {
  const size_t at = message.rfind(" at ");
  if (at == std::string::npos) return 0;
  try {
    return static_cast<size_t>(std::stoul(message.substr(at + 4)));
  } catch (const std::exception&) {
    return 0;
  }
}

// A string of the engine's holding `text`, moved in (its only string
// constructor copies). The string is ours, as in ToData's lists.
mustache::data StringData(std::string text) {
  mustache::data data(mustache::data::type::string);
  const_cast<std::string&>(data.string_value()) = std::move(text);
  return data;
}

// ToData for a view the caller gives up: its texts are moved into the
// engine's tree and each item and member is freed once converted, so that a
// list page's view (an entry per record) and its conversion are never both
// whole (at 20,000 records they were about 3 KB a record each).
mustache::data TakeData(Value&& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      break;
    case Value::Kind::kBool:
      return mustache::data(value.as_bool());
    case Value::Kind::kText: {
      std::string text = value.TakeText();
      if (text.empty()) return mustache::data(false);  // as in ToData
      return StringData(std::move(text));
    }
    case Value::Kind::kList: {
      std::vector<Value> from = value.TakeItems();
      mustache::data list(mustache::data::type::list);
      auto& items = const_cast<mustache::basic_list<std::string>&>(list.list_value());
      items.reserve(from.size());
      for (Value& item : from) {
        items.push_back(TakeData(std::move(item)));
        item = Value();
      }
      return list;
    }
    case Value::Kind::kMap: {
      std::vector<Value::Member> from = value.TakeMembers();
      mustache::data object(mustache::data::type::object);
      for (Value::Member& member : from) {
        object[member.key] = TakeData(std::move(member.value));
        member = Value::Member();
      }
      return object;
    }
  }
  return mustache::data(false);
}

mustache::data ToData(const Value& value) {
  switch (value.kind()) {
    case Value::Kind::kNull:
      return mustache::data(false);
    case Value::Kind::kBool:
      return mustache::data(value.as_bool());
    case Value::Kind::kText:
      // Empty text is false, so {{#summary}}…{{/summary}} hides an empty
      // summary as a template author expects (the engine treats "" as true).
      if (value.text().empty()) return mustache::data(false);
      return mustache::data(value.text());
    case Value::Kind::kList: {
      // The engine's only way into a list copies each item deeply, and lists
      // nest (sections of rows of entries of rows), so every level would copy
      // all below it again. The list is ours, not const: fill it in place.
      mustache::data list(mustache::data::type::list);
      auto& items = const_cast<mustache::basic_list<std::string>&>(list.list_value());
      items.reserve(value.items().size());
      for (const Value& item : value.items()) items.push_back(ToData(item));
      return list;
    }
    case Value::Kind::kMap: {
      mustache::data object(mustache::data::type::object);
      for (const Value::Member& member : value.members()) object[member.key] = ToData(member.value);
      return object;
    }
  }
  return mustache::data(false);
}

bool CheckSource(const std::string& path, const std::string& text, Diagnostics* diagnostics) {
  mustache::mustache engine(text);
  if (!engine.is_valid()) {
    std::string message = engine.error_message().substr(0, engine.error_message().rfind(" at "));
    if (!message.empty()) message[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(message[0])));
    diagnostics->Error(path, LocationOfOffset(text, TrailingOffset(engine.error_message())), "L050",
                       "template syntax: " + message);
    return false;
  }
  // Changing delimiters ({{=<% %>=}}) would hide tags from the checks below,
  // including the one that keeps text escaped.
  if (const size_t at = text.find("{{="); at != std::string::npos) {
    diagnostics->Error(path, LocationOfOffset(text, at), "L051",
                       "changing the tag delimiters ({{= … =}}) is not allowed in Lantern templates");
    return false;
  }
  bool ok = true;
  for (const Tag& tag : ScanTags(text)) {
    if ((tag.kind == '{' || tag.kind == '&') && tag.name != "content" && !EndsWith(tag.name, "_html")) {
      diagnostics->Error(path, LocationOfOffset(text, tag.offset), "L051",
                         "unescaped output of \"" + tag.name + "\": only names ending in _html (HTML that "
                         "Lantern made safe) and content may use {{{ }}}; write {{" + tag.name + "}}");
      ok = false;
    }
  }
  return ok;
}

// Replaces every {{> name}} with the partial's text, recursively. The engine
// would parse a partial again at every use (in a loop, once per item); doing
// it once here renders the same output, because partials see the context of
// the tag, delimiters never change, and loops are rejected by CheckPartials.
std::string ExpandPartials(const std::string& text, const std::map<std::string, std::string>& partials, int depth) {
  if (depth > 32) return text;  // a loop CheckPartials would have reported
  std::string out;
  size_t copied = 0;
  for (const Tag& tag : ScanTags(text)) {
    if (tag.kind != '>') continue;
    const size_t end = text.find("}}", tag.offset);
    out.append(text, copied, tag.offset - copied);
    auto it = partials.find(tag.name);
    if (it != partials.end()) out += ExpandPartials(it->second, partials, depth + 1);
    copied = end + 2;
  }
  out.append(text, copied, std::string::npos);
  return out;
}

}  // namespace

TemplateSet::TemplateSet() = default;
TemplateSet::~TemplateSet() = default;
TemplateSet::TemplateSet(const TemplateSet& other)
    : templates_(other.templates_), partials_(other.partials_), constants_(other.constants_) {}
TemplateSet& TemplateSet::operator=(const TemplateSet& other) {
  templates_ = other.templates_;
  partials_ = other.partials_;
  constants_ = other.constants_;
  parsed_.clear();
  return *this;
}

void TemplateSet::SetConstants(const Value& constants) {
  auto converted = std::make_shared<Constants>();
  converted->data = ToData(constants);
  constants_ = std::move(converted);
}

bool TemplateSet::AddTemplate(const std::string& name, const std::string& path, const std::string& text,
                              Diagnostics* diagnostics) {
  diagnostics->RememberSource(path, text);
  if (!CheckSource(path, text, diagnostics)) return false;
  templates_[name] = {path, text};
  parsed_.erase(name);
  return true;
}

bool TemplateSet::AddPartial(const std::string& name, const std::string& path, const std::string& text,
                             Diagnostics* diagnostics) {
  diagnostics->RememberSource(path, text);
  if (!CheckSource(path, text, diagnostics)) return false;
  partials_[name] = {path, text};
  return true;
}

bool TemplateSet::CheckPartials(Diagnostics* diagnostics) const {
  bool ok = true;
  auto check_references = [&](const Source& source) {
    for (const Tag& tag : ScanTags(source.text)) {
      if (tag.kind == '>' && partials_.count(tag.name) == 0) {
        diagnostics->Error(source.path, LocationOfOffset(source.text, tag.offset), "L052",
                           "no partial named \"" + tag.name + "\"");
        ok = false;
      }
    }
  };
  for (const auto& [name, source] : templates_) check_references(source);
  for (const auto& [name, source] : partials_) check_references(source);

  // Depth-first search for a cycle among partials.
  std::set<std::string> done;
  std::function<bool(const std::string&, std::vector<std::string>&)> visit =
      [&](const std::string& name, std::vector<std::string>& trail) -> bool {
    if (std::find(trail.begin(), trail.end(), name) != trail.end()) {
      const Source& source = partials_.at(trail.back());
      std::string chain;
      for (auto it = std::find(trail.begin(), trail.end(), name); it != trail.end(); ++it) chain += *it + " > ";
      diagnostics->Error(source.path, {}, "L053", "partials include each other in a loop: " + chain + name);
      return false;
    }
    if (done.count(name) || partials_.count(name) == 0) return true;
    trail.push_back(name);
    for (const Tag& tag : ScanTags(partials_.at(name).text)) {
      if (tag.kind == '>' && !visit(tag.name, trail)) return false;
    }
    trail.pop_back();
    done.insert(name);
    return true;
  };
  for (const auto& [name, source] : partials_) {
    std::vector<std::string> trail;
    if (!visit(name, trail)) ok = false;
  }
  return ok;
}

TemplateSet::Parsed* TemplateSet::Prepare(const std::string& name, Diagnostics* diagnostics, bool partial) {
  const std::map<std::string, Source>& sources = partial ? partials_ : templates_;
  auto source = sources.find(name);
  if (source == sources.end()) {
    diagnostics->Error(std::string("themes/default/") + (partial ? "partials/" : "templates/") + name + ".mustache", {},
                       "L052", std::string("no ") + (partial ? "partial" : "template") + " named \"" + name + "\"");
    return nullptr;
  }
  // A partial's key cannot be a template's: no template name holds '>'.
  std::unique_ptr<Parsed>& parsed = parsed_[partial ? ">" + name : name];
  if (!parsed) {
    std::map<std::string, std::string> partial_texts;
    for (const auto& [partial_name, partial] : partials_) partial_texts[partial_name] = partial.text;
    parsed = std::make_unique<Parsed>(ExpandPartials(source->second.text, partial_texts, 0));
    parsed->engine.set_custom_escape([](const std::string& text) { return EscapeHtml(text); });
  }
  return parsed.get();
}

namespace {

// Renders with `data` on top of `constants` (when given): the engine looks a
// name up in each layer in turn, as it does for a section's own context.
std::optional<std::string> RenderData(mustache::mustache& engine, const mustache::data* constants,
                                      const mustache::data& data, const std::string& path, Diagnostics* diagnostics) {
  std::string html;
  if (constants != nullptr) {
    mustache::context<std::string> layers(constants);
    layers.push(&data);
    html = engine.render(layers);
  } else {
    html = engine.render(data);
  }
  if (!engine.is_valid()) {
    diagnostics->Error(path, {}, "L050", "template could not be rendered: " + engine.error_message());
    return std::nullopt;
  }
  return html;
}

}  // namespace

std::optional<std::string> TemplateSet::Render(const std::string& name, const Value& view, Diagnostics* diagnostics) {
  Parsed* parsed = Prepare(name, diagnostics);
  if (parsed == nullptr) return std::nullopt;
  return RenderData(parsed->engine, constants_ ? &constants_->data : nullptr, ToData(view), templates_.at(name).path,
                    diagnostics);
}

std::optional<std::string> TemplateSet::RenderPartial(const std::string& name, const Value& view,
                                                      Diagnostics* diagnostics) {
  Parsed* parsed = Prepare(name, diagnostics, true);
  if (parsed == nullptr) return std::nullopt;
  return RenderData(parsed->engine, constants_ ? &constants_->data : nullptr, ToData(view), partials_.at(name).path,
                    diagnostics);
}

bool TemplateSet::CheckNotIncluded(const std::string& name, const std::string& why, Diagnostics* diagnostics) const {
  bool ok = true;
  for (const auto* sources : {&templates_, &partials_}) {
    for (const auto& [source_name, source] : *sources) {
      for (const Tag& tag : ScanTags(source.text)) {
        if (tag.kind == '>' && tag.name == name) {
          diagnostics->Error(source.path, LocationOfOffset(source.text, tag.offset), "L056", why);
          ok = false;
        }
      }
    }
  }
  return ok;
}

std::optional<std::string> TemplateSet::RenderInLayout(const std::string& name, const std::string& layout, Value view,
                                                       Diagnostics* diagnostics) {
  Parsed* page = Prepare(name, diagnostics);
  Parsed* frame = Prepare(layout, diagnostics);
  if (page == nullptr || frame == nullptr) return std::nullopt;
  const mustache::data* constants = constants_ ? &constants_->data : nullptr;
  mustache::data data = TakeData(std::move(view));  // the engine reads only `data` from here on
  std::optional<std::string> content = RenderData(page->engine, constants, data, templates_.at(name).path, diagnostics);
  if (!content) return std::nullopt;
  // Moved in, not copied: the engine's only string constructor copies, and
  // the content is most of the page. The string is ours, as in ToData's lists.
  data["content"] = StringData(std::move(*content));
  return RenderData(frame->engine, constants, data, templates_.at(layout).path, diagnostics);
}

uint64_t TemplateSet::Fingerprint() const {
  lantern::Fingerprint fingerprint;
  for (const auto* sources : {&templates_, &partials_}) {
    fingerprint.Add(sources->size());
    for (const auto& [name, source] : *sources) fingerprint.Add(name).Add(source.path).Add(source.text);
  }
  return fingerprint.value();
}

}  // namespace lantern
