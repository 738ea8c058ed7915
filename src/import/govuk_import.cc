#include "import/govuk_import.h"

#include <filesystem>
#include <map>

#include "base/utf8.h"
#include "import/facet_values.h"
#include "import/heading_map.h"
#include "import/html_to_markdown.h"
#include "load/schema.h"
#include "publish/json_writer.h"

namespace lantern {
namespace {

constexpr std::string_view kFacetPrefix = "algorithmic_transparency_record_";

// Where a key (and, when given, its text value) is written in the file. The
// JSON reader gives no positions for the values it reads, so the importer
// finds them in the text: the first `"key"` followed by a colon.
SourceLocation KeyAt(const std::string& text, const std::string& key, const std::string& value = "") {
  const std::string quoted = "\"" + key + "\"";
  for (size_t at = text.find(quoted); at != std::string::npos; at = text.find(quoted, at + 1)) {
    size_t after = text.find_first_not_of(" \t\r\n", at + quoted.size());
    if (after == std::string::npos || text[after] != ':') continue;
    if (value.empty()) return LocationOfOffset(text, at);
    const size_t v = text.find("\"" + value + "\"", after);
    return LocationOfOffset(text, v == std::string::npos ? at : v);
  }
  return {1, 1};
}

class GovukImporter {
 public:
  GovukImporter(const std::string& path, const std::string& text, ImportedRecord* record, Diagnostics* diagnostics)
      : path_(path), text_(text), record_(record), diagnostics_(diagnostics) {}

  bool Run() {
    diagnostics_->RememberSource(path_, text_);
    if (const size_t bad = FindInvalidUtf8(text_); bad != std::string::npos) {
      return Fail(LocationOfOffset(text_, bad), "L129", "invalid UTF-8: save the file as UTF-8");
    }
    std::string error;
    size_t offset = 0;
    std::optional<Value> json = ParseJson(text_, &error, &offset);
    if (!json) {
      const size_t reason = error.find(": ", error.find("column"));
      return Fail(LocationOfOffset(text_, offset), "L129",
                  "not JSON: " + (reason == std::string::npos ? error : error.substr(reason + 2)));
    }
    if (!json->is_map()) return Fail({1, 1}, "L130", "wrong shape: a GOV.UK record is a JSON object, not " + std::string(json->KindName()));
    const Value* title = json->Find("title");
    if (title == nullptr) return Fail({1, 1}, "L131", "no \"title\": GOV.UK gives every record one, \"Organisation: Tool name\"");
    if (!title->is_text() || title->text().empty()) return Fail(KeyAt(text_, "title"), "L130", "wrong shape: \"title\" must be a non-empty text");
    Title(title->text());
    if (const Value* description = json->Find("description")) {
      if (!description->is_text()) return Fail(KeyAt(text_, "description"), "L130", "wrong shape: \"description\" must be a text");
      Answer("summary.one_sentence_description", Value::Text(description->text()));
    }
    Id(*json);
    const Value* details = json->Find("details");
    if (details == nullptr || !details->is_map()) {
      return Fail(details == nullptr ? SourceLocation{1, 1} : KeyAt(text_, "details"), "L130",
                  "wrong shape: \"details\" must be an object with \"body\" (HTML) and \"metadata\" (the facets)");
    }
    if (const Value* metadata = details->Find("metadata")) {
      if (!metadata->is_map()) return Fail(KeyAt(text_, "metadata"), "L130", "wrong shape: \"details.metadata\" must be an object");
      Metadata(*metadata);
    }
    const Value* body = details->Find("body");
    if (body == nullptr || !body->is_text()) {
      return Fail(body == nullptr ? KeyAt(text_, "details") : KeyAt(text_, "body"), "L130",
                  "wrong shape: \"details.body\" must be the record's HTML as a text");
    }
    if (failed_) return false;
    Body(body->text());
    tree_.Set("atrs_version", Value::Text("4.0"));
    tree_.Set("status", Value::Text("published", {}, false));
    for (auto& [list, entry] : entries_) {
      Value one = Value::List();
      one.Push(entry);
      tree_.Set(list, std::move(one));
    }
    record_->answers = tree_.Build();
    record_->fields_mapped = fields_;
    return true;
  }

 private:
  bool Fail(SourceLocation at, const char* code, const std::string& message) {
    diagnostics_->Error(path_, at, code, message);
    failed_ = true;
    return false;
  }

  void Answer(const std::string& path, Value value) {
    if (!tree_.Has(path)) ++fields_;
    tree_.Set(path, std::move(value));
  }

  void Title(const std::string& title) {
    const size_t colon = title.find(": ");
    if (colon == std::string::npos) {
      title_name_ = title;
      return;
    }
    Answer("organisation", Value::Text(title.substr(0, colon)));
    title_name_ = title.substr(colon + 2);
  }

  void Id(const Value& json) {
    std::string slug;
    if (const Value* base = json.Find("base_path"); base != nullptr && base->is_text()) {
      slug = base->text().substr(base->text().rfind('/') + 1);
    }
    if (slug.empty()) slug = std::filesystem::path(path_).stem().string();
    record_->id = IdFromName(slug);
  }

  void Metadata(const Value& metadata) {
    static const std::map<std::string, std::string> kLists = {
        {"organisation_type", "organisation_type"}, {"function", "function"},
        {"capability", "capability"}, {"region", "region"}};
    for (const Value::Member& member : metadata.members()) {
      if (member.key.rfind(kFacetPrefix, 0) != 0) continue;
      const std::string facet = member.key.substr(kFacetPrefix.size());
      if (kLists.count(facet) || facet == "phase") {
        Value slugs = Value::List();
        std::vector<const Value*> items;
        if (member.value.is_list()) {
          for (const Value& item : member.value.items()) items.push_back(&item);
        } else {
          items.push_back(&member.value);
        }
        for (const Value* item : items) {
          if (!item->is_text()) {
            Fail(KeyAt(text_, member.key), "L130", "wrong shape: \"" + member.key + "\" must hold texts (slugs)");
            return;
          }
          const std::string slug = SlugOfLabel(facet, item->text(), kAll);
          if (slug.empty()) {
            Fail(KeyAt(text_, member.key, item->text()), "L132",
                 "unknown " + facet + " \"" + item->text() + "\": one of " + LabelsOf(facet, kAll));
            return;
          }
          if (facet == "phase" && SlugOfLabel(facet, slug, kV4).empty()) {
            record_->unmapped.push_back("phase: " + slug + " (ATRS 3.0 only; a 4.0 record is private-beta or public-beta)");
            continue;
          }
          slugs.Push(Value::Text(slug, {}, false));
        }
        if (slugs.items().empty()) continue;
        if (facet == "phase") {
          Answer("phase", slugs.items().front());
        } else {
          Answer(kLists.at(facet), std::move(slugs));
        }
      } else if (facet == "date_published" && member.value.is_text() && member.value.text().size() >= 10) {
        Answer("dates.published", Value::Text(member.value.text().substr(0, 10), {}, false));
      } else if (facet == "task" && member.value.is_text() && !member.value.text().empty()) {
        Answer("task", Value::Text(member.value.text()));
      } else if (facet == "other_tags" && member.value.is_text() && !member.value.text().empty()) {
        Value tags = Value::List();
        std::string rest = member.value.text();
        for (size_t start = 0; start <= rest.size();) {
          const size_t comma = std::min(rest.find(',', start), rest.size());
          std::string tag = rest.substr(start, comma - start);
          tag.erase(0, tag.find_first_not_of(' '));
          tag.erase(tag.find_last_not_of(' ') + 1);
          if (!tag.empty()) tags.Push(Value::Text(tag));
          start = comma + 1;
        }
        Answer("tags", std::move(tags));
      }
    }
  }

  void Body(const std::string& html) {
    std::map<std::string, std::string> texts;  // 4.0 path → Markdown, in the order met
    std::vector<std::string> order;
    for (const HtmlSection& section : HtmlToSections(html)) {
      if (section.level == 0) {
        if (!section.markdown.empty()) record_->unmapped.push_back(section.markdown);
        continue;
      }
      const HeadingTarget target = MapHeading(section.heading);
      if (target.kind == HeadingTarget::Kind::kSection) {
        if (!section.markdown.empty()) record_->unmapped.push_back("## " + section.heading + "\n\n" + section.markdown);
        continue;
      }
      if (target.kind == HeadingTarget::Kind::kUnknown) {
        record_->unmapped.push_back("## " + section.heading + (section.markdown.empty() ? "" : "\n\n" + section.markdown));
        ++unmapped_headings_;
        continue;
      }
      if (section.markdown.empty()) continue;
      const std::string text = target.lead.empty() ? section.markdown : target.lead + ": " + section.markdown;
      if (!texts.count(target.path)) order.push_back(target.path);
      std::string& joined = texts[target.path];
      joined += (joined.empty() ? "" : "\n\n") + text;
    }
    if (!texts.count("summary.name") && !title_name_.empty()) {
      texts["summary.name"] = title_name_;
      order.push_back("summary.name");
    }
    for (const std::string& path : order) {
      const FieldSpec* field = FindField(DocumentKind::kRecord, kV4, path);
      std::string text = texts[path];
      if (field == nullptr) continue;
      if (field->type == FieldType::kBool) {
        const std::string folded = Lower(text);
        if (folded != "yes" && folded != "no") {
          record_->unmapped.push_back("## " + std::string(FieldLabel(*field, kV4)) + "\n\n" + text);
          continue;
        }
        text = folded;
      }
      if (field->type != FieldType::kMarkdown) text = PlainText(text);
      Value value = Value::Text(text, {}, field->type != FieldType::kBool);
      const size_t entry = path.find("[].");
      if (entry != std::string::npos) {
        Value& list_entry = entries_[path.substr(0, entry)];
        if (list_entry.is_null()) list_entry = Value::Map();
        list_entry.Set(path.substr(entry + 3), std::move(value));
        ++fields_;
      } else {
        Answer(path, std::move(value));
      }
    }
  }

  // A text, web address or mailbox field is not Markdown: a link whose text
  // is its address is the address ("[x](x)" → "x", "[a](x)" → "a x"), and
  // the escapes of Markdown's characters come off.
  static std::string PlainText(const std::string& markdown) {
    std::string out;
    for (size_t i = 0; i < markdown.size(); ++i) {
      const char c = markdown[i];
      if (c == '\\' && i + 1 < markdown.size()) {
        out += markdown[++i];
        continue;
      }
      if (c == '[') {
        const size_t close = markdown.find("](", i);
        const size_t end = close == std::string::npos ? close : markdown.find(')', close);
        if (end != std::string::npos) {
          const std::string text = markdown.substr(i + 1, close - i - 1);
          const std::string url = markdown.substr(close + 2, end - close - 2);
          out += text == url ? url : text + " " + url;
          i = end;
          continue;
        }
      }
      out += c;
    }
    return out;
  }

  static std::string Lower(std::string text) {
    for (char& c : text) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return text;
  }

  std::string path_;
  const std::string& text_;
  ImportedRecord* record_;
  Diagnostics* diagnostics_;
  bool failed_ = false;
  int fields_ = 0;
  int unmapped_headings_ = 0;
  std::string title_name_;
  AnswerTree tree_;
  std::map<std::string, Value> entries_;
};

}  // namespace

bool ImportGovukJson(const std::string& path, const std::string& text, ImportedRecord* record,
                     Diagnostics* diagnostics) {
  record->source_path = path;
  return GovukImporter(path, text, record, diagnostics).Run();
}

}  // namespace lantern
