#include "assemble/link_checker.h"

#include <set>
#include <vector>

#include "assemble/site_index.h"
#include "base/edit_distance.h"
#include "load/schema.h"
#include "model/addresses.h"
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

// Where `url` (a link on Markdown line `md_line`, whose line 1 is file line
// `first_line`) is in `source`: the link's own line may be later than its
// block's start, so the address is looked for from there on.
SourceLocation LinkPosition(std::string_view source, int first_line, int md_line, const std::string& url) {
  const int line = first_line - 1 + md_line;
  for (int l = line; l > 0 && l < line + 200; ++l) {
    const std::string_view text = LineOf(source, l);
    if (text.empty() && l > line + 1 && LineOf(source, l + 1).empty()) break;
    const size_t at = text.find("(" + url);
    if (at != std::string_view::npos) return {l, static_cast<int>(at) + 2};
  }
  return {line, 0};
}

// Appends the internal ones of `found`, the links of a Markdown text whose
// line 1 is file line `first_line` of `path`, rendered into `own_page`.
void Collect(const SiteConfig& config, const std::string& path, const std::vector<MarkdownLink>& found,
             int first_line, const std::string& own_page, std::string_view source,
             std::vector<InternalLink>* links) {
  for (const MarkdownLink& link : found) {
    std::string target = link.url;
    if (target.empty()) continue;
    if (target.rfind(config.base_url, 0) == 0 && !config.base_url.empty()) {
      target = config.root_path + target.substr(config.base_url.size());
    }
    const bool same_page = target[0] == '#';
    if (!same_page && (target[0] != '/' || target.rfind("//", 0) == 0)) continue;
    InternalLink internal;
    internal.path = path;
    internal.own_page = own_page;
    internal.url = link.url;
    internal.target = std::move(target);
    internal.first_line = first_line;
    internal.line = link.line;
    if (!source.empty()) {
      internal.located = true;
      internal.at = LinkPosition(source, first_line, link.line, link.url);
    }
    links->push_back(std::move(internal));
  }
}

class Checker {
 public:
  Checker(const SiteConfig& config, const BuiltPages& output, Diagnostics* diagnostics)
      : config_(config), output_(output), diagnostics_(diagnostics) {
    for (const std::string& path : output.Paths()) {
      if (path.size() > 11 && path.compare(path.size() - 11, 11, "/index.html") == 0) {
        addresses_.push_back("/" + path.substr(0, path.size() - 10));
      }
    }
  }

  void Check(const InternalLink& link) {
    const std::string& target = link.target;
    const bool same_page = target[0] == '#';
    const size_t hash = target.find('#');
    const std::string anchor = hash == std::string::npos ? "" : target.substr(hash + 1);
    std::string address = target.substr(0, std::min(hash, target.find('?')));
    std::string file = link.own_page;
    if (!same_page) {
      if (!config_.feedback_endpoint.empty() && address == config_.feedback_endpoint) return;
      std::string below_root = address;
      if (config_.root_path != "/" && below_root.rfind(config_.root_path, 0) == 0) {
        below_root = "/" + below_root.substr(config_.root_path.size());
      }
      file = below_root.substr(1);
      if (file.empty() || file.back() == '/') file += "index.html";
      if (!output_.Has(file) && output_.Has(file + "/index.html")) file += "/index.html";
      if (!output_.Has(file)) {
        const std::string nearest = NearestMatch(below_root, addresses_);
        Report(link, "L076",
               "link to " + Quote(link.url) + " goes nowhere: this site has no page or record at " +
                   Quote(below_root) + "; " +
                   (nearest.empty() ? "check the address, or add the page" : "did you mean " + Quote(nearest) + "?"));
        return;
      }
    }
    if (anchor.empty()) return;
    if (!output_.Has(file)) return;
    const std::set<std::string>& ids = output_.Anchors(file);
    if (ids.count(anchor)) return;
    const std::string nearest = NearestMatch(anchor, std::vector<std::string>(ids.begin(), ids.end()));
    Report(link, "L077",
           "link to " + Quote(link.url) + " names the section #" + anchor + ", which that page does not have; " +
               (nearest.empty() ? "link to the page without #" + anchor : "did you mean #" + nearest + "?"));
  }

 private:
  static std::string Quote(const std::string& text) { return "\"" + text + "\""; }

  void Report(const InternalLink& link, const char* code, const std::string& message) {
    // Only now: a copy of the whole file for every Markdown field checked
    // would cost more than the check.
    const SourceLocation at =
        link.located ? link.at : LinkPosition(diagnostics_->Source(link.path), link.first_line, link.line, link.url);
    diagnostics_->Error(link.path, at, code, message);
  }

  const SiteConfig& config_;
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

void CollectRecordLinks(const SiteConfig& config, const Record& record, std::string_view source,
                        std::vector<InternalLink>* links, const std::vector<MarkdownFieldLinks>* rendered) {
  const std::string own = RecordPath(record) + "index.html";
  EachMarkdownField(record.data(), record.version_bit, "", [&](const Value& value) {
    // In a block ('|' or '>') the text starts on the line after the key;
    // a plain value starts on its own line.
    const bool block = value.text().find('\n') != std::string::npos;
    const int first_line = value.location().line + (block ? 1 : 0);
    // A field's position names it: no two values of a file start at the same place.
    const MarkdownFieldLinks* found = nullptr;
    if (rendered != nullptr && value.location().line > 0) {
      for (const MarkdownFieldLinks& field : *rendered) {
        if (field.at.line == value.location().line && field.at.column == value.location().column) found = &field;
      }
    }
    Collect(config, record.source_path, found ? found->links : ExtractLinks(value.text()), first_line, own, source,
            links);
  });
}

void CollectPageLinks(const SiteConfig& config, const Page& page, const std::string& own_page,
                      std::vector<InternalLink>* links) {
  Collect(config, page.source_path, ExtractLinks(page.body), page.body_first_line, own_page, {}, links);
}

void CollectSitePageLinks(const Site& site, std::vector<InternalLink>* links) {
  for (const Page& page : site.pages) CollectPageLinks(site.config, page, PagePath(page) + "index.html", links);
  if (site.home_intro) CollectPageLinks(site.config, *site.home_intro, "index.html", links);
}

void CheckLinks(const SiteConfig& config, const std::vector<InternalLink>& links, const BuiltPages& built,
                Diagnostics* diagnostics) {
  Checker checker(config, built, diagnostics);
  for (const InternalLink& link : links) checker.Check(link);
}

void CheckInternalLinks(const Site& site, const BuiltPages& output, Diagnostics* diagnostics) {
  std::vector<InternalLink> links;
  CollectSitePageLinks(site, &links);
  for (const Record& record : site.records) CollectRecordLinks(site.config, record, {}, &links);
  CheckLinks(site.config, links, output, diagnostics);
}

}  // namespace lantern
