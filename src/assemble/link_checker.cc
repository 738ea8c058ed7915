#include "assemble/link_checker.h"

#include <set>
#include <vector>

#include "base/edit_distance.h"
#include "load/schema.h"
#include "render/markdown.h"

namespace lantern {
namespace {

std::string_view LineOf(std::string_view text, int line_number) {
  size_t start = 0;
  for (int line = 1; line < line_number; ++line) {
    start = text.find('\n', start);
    if (start == std::string_view::npos) return {};
    ++start;
  }
  size_t end = text.find('\n', start);
  if (end == std::string_view::npos) end = text.size();
  return text.substr(start, end - start);
}

class Checker {
 public:
  Checker(const Site& site, const BuiltPages& output, Diagnostics* diagnostics)
      : site_(site), output_(output), diagnostics_(diagnostics) {
    for (const std::string& path : output.Paths()) {
      if (path.size() > 11 && path.compare(path.size() - 11, 11, "/index.html") == 0) {
        addresses_.push_back("/" + path.substr(0, path.size() - 10));
      }
    }
  }

  // Checks the links of `markdown`, whose line 1 is file line `first_line`
  // of `path`; `own_page` is the output file the Markdown is rendered into.
  void Check(const std::string& path, const std::string& markdown, int first_line, const std::string& own_page) {
    for (const MarkdownLink& link : ExtractLinks(markdown)) {
      std::string target = link.url;
      if (target.empty()) continue;
      if (target.rfind(site_.config.base_url, 0) == 0 && !site_.config.base_url.empty()) {
        target = site_.config.root_path + target.substr(site_.config.base_url.size());
      }
      const bool same_page = target[0] == '#';
      if (!same_page && (target[0] != '/' || target.rfind("//", 0) == 0)) continue;
      const size_t hash = target.find('#');
      const std::string anchor = hash == std::string::npos ? "" : target.substr(hash + 1);
      std::string address = target.substr(0, std::min(hash, target.find('?')));
      std::string file = own_page;
      if (!same_page) {
        if (!site_.config.feedback_endpoint.empty() && address == site_.config.feedback_endpoint) continue;
        std::string below_root = address;
        if (site_.config.root_path != "/" && below_root.rfind(site_.config.root_path, 0) == 0) {
          below_root = "/" + below_root.substr(site_.config.root_path.size());
        }
        file = below_root.substr(1);
        if (file.empty() || file.back() == '/') file += "index.html";
        if (!output_.Has(file) && output_.Has(file + "/index.html")) file += "/index.html";
        if (!output_.Has(file)) {
          const std::string nearest = NearestMatch(below_root, addresses_);
          Report(path, first_line, link, "L076",
                 "link to " + Quote(link.url) + " goes nowhere: this site has no page or record at " +
                     Quote(below_root) + "; " +
                     (nearest.empty() ? "check the address, or add the page" : "did you mean " + Quote(nearest) + "?"));
          continue;
        }
      }
      if (anchor.empty()) continue;
      if (!output_.Has(file)) continue;
      const std::set<std::string>& ids = output_.Anchors(file);
      if (ids.count(anchor)) continue;
      const std::string nearest = NearestMatch(anchor, std::vector<std::string>(ids.begin(), ids.end()));
      Report(path, first_line, link, "L077",
             "link to " + Quote(link.url) + " names the section #" + anchor + ", which that page does not have; " +
                 (nearest.empty() ? "link to the page without #" + anchor : "did you mean #" + nearest + "?"));
    }
  }

 private:
  static std::string Quote(const std::string& text) { return "\"" + text + "\""; }

  void Report(const std::string& path, int first_line, const MarkdownLink& link, const char* code,
              const std::string& message) {
    // Only now: a copy of the whole file for every Markdown field checked
    // would cost more than the check.
    const std::string source = diagnostics_->Source(path);
    const int line = first_line - 1 + link.line;
    // The link's own line may be later than its block's start: look for the
    // address from there on.
    for (int l = line; l > 0 && l < line + 200; ++l) {
      const std::string_view text = LineOf(source, l);
      if (text.empty() && l > line + 1 && LineOf(source, l + 1).empty()) break;
      const size_t at = text.find("(" + link.url);
      if (at != std::string_view::npos) {
        diagnostics_->Error(path, {l, static_cast<int>(at) + 2}, code, message);
        return;
      }
    }
    diagnostics_->Error(path, {line, 0}, code, message);
  }

  const Site& site_;
  const BuiltPages& output_;
  Diagnostics* diagnostics_;
  std::vector<std::string> addresses_;
};

// Calls `visit` for each Markdown field of a record, with its schema path.
template <typename Visit>
void EachMarkdownField(const Value& map, unsigned version, const std::string& schema_path, const Visit& visit) {
  if (!map.is_map()) return;
  for (const Value::Member& member : map.members()) {
    const std::string path = schema_path.empty() ? member.key : schema_path + "." + member.key;
    const FieldSpec* spec = FindField(DocumentKind::kRecord, version, path);
    if (spec == nullptr) continue;
    if (spec->type == FieldType::kObject) {
      EachMarkdownField(member.value, version, path, visit);
    } else if (spec->type == FieldType::kObjectList && member.value.is_list()) {
      for (const Value& item : member.value.items()) EachMarkdownField(item, version, path + "[]", visit);
    } else if (spec->type == FieldType::kMarkdown && member.value.is_text()) {
      visit(member.value);
    }
  }
}

}  // namespace

void CheckInternalLinks(const Site& site, const BuiltPages& output, Diagnostics* diagnostics) {
  Checker checker(site, output, diagnostics);
  for (const Page& page : site.pages) {
    checker.Check(page.source_path, page.body, page.body_first_line, "pages/" + page.slug + "/index.html");
  }
  if (site.home_intro) checker.Check(site.home_intro->source_path, site.home_intro->body, site.home_intro->body_first_line, "index.html");
  for (const Record& record : site.records) {
    const std::string own = "records/" + record.id + "/index.html";
    EachMarkdownField(record.data, record.version_bit, "", [&](const Value& value) {
      // In a block ('|' or '>') the text starts on the line after the key;
      // a plain value starts on its own line.
      const bool block = value.text().find('\n') != std::string::npos;
      checker.Check(record.source_path, value.text(), value.location().line + (block ? 1 : 0), own);
    });
  }
}

}  // namespace lantern
