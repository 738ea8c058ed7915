#include "load/page_loader.h"

#include "load/front_matter.h"
#include "load/placeholders.h"
#include "load/validator.h"
#include "load/yaml_reader.h"

namespace lantern {

std::optional<Page> LoadPage(const std::string& path, const std::string& slug, const std::string& text,
                             Diagnostics* diagnostics, Value* translation) {
  diagnostics->RememberSource(path, text);
  if (!CheckContentBytes(path, text, diagnostics)) return std::nullopt;
  ReportPlaceholders(path, text, diagnostics);
  std::optional<FrontMatterSplit> split = SplitFrontMatter(path, text, diagnostics);
  if (!split) return std::nullopt;
  YamlReadOptions options;
  options.first_line = split->front_matter_first_line;
  options.allow_empty = true;
  std::optional<Value> front = ReadYaml(path, split->front_matter, diagnostics, options);
  if (!front) return std::nullopt;
  if (translation != nullptr && front->is_map()) {
    // The rest is a page's front matter like any other: rebuilt without the block.
    Value rest = Value::Map(front->location());
    for (const Value::Member& member : front->members()) {
      if (member.key == "translation") {
        *translation = Value::Map(member.key_location).Set("translation", member.value, member.key_location);
      } else {
        rest.Set(member.key, member.value, member.key_location);
      }
    }
    *front = std::move(rest);
  }
  bool ok = true;
  if (!IsValidId(slug)) {
    diagnostics->Error(path, {}, "L019",
                       "the file name \"" + slug + ".md\" is not a valid page address: use lower-case letters, "
                       "digits and single dashes, e.g. ai-policy.md");
    ok = false;
  }
  ValidationTarget target{DocumentKind::kPage, kAll, "", path, {}};
  if (front->is_map() && front->members().empty()) {
    diagnostics->Error(path, {1, 1}, "L011", "missing required field \"title\" in the front matter");
    return std::nullopt;
  }
  if (!ValidateDocument(target, *front, diagnostics) || !ok) return std::nullopt;

  Page page;
  page.source_path = path;
  page.slug = slug;
  page.title = front->Find("title")->text();
  if (const Value* v = front->Find("summary"); v && v->is_text()) page.summary = v->text();
  // The validator accepts an empty value as "not given" (e.g. "order: |"), so
  // only a non-empty one, already checked to be digits, is a number.
  if (const Value* v = front->Find("order"); v && v->is_text() && !v->text().empty()) page.order = std::stoi(v->text());
  if (const Value* v = front->Find("navigation"); v && v->is_text()) page.navigation = ParseBool(v->text()).value_or(false);
  if (const Value* v = front->Find("updated"); v && v->is_text()) page.updated = Date::Parse(v->text());
  page.body = split->body;
  page.body_first_line = split->body_first_line;
  return page;
}

}  // namespace lantern
