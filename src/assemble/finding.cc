#include "assemble/finding.h"

#include <algorithm>
#include <cctype>
#include <map>

#include "load/schema.h"
#include "model/addresses.h"

namespace lantern {
namespace {

std::vector<std::string> Suppliers(const Record& record) {
  std::vector<std::string> names;
  for (const char* path : {"owner.third_parties", "owner.external_suppliers"}) {
    const Value* list = record.data().FindPath(path);
    if (list == nullptr || !list->is_list()) continue;
    for (const Value& entry : list->items()) {
      if (const Value* name = entry.Find("name"); name && name->is_text()) names.push_back(name->text());
    }
  }
  return names;
}

std::string JsonList(const std::vector<std::string>& texts) {
  std::string out = "[";
  for (size_t i = 0; i < texts.size(); ++i) out += (i ? "," : "") + JsonString(texts[i]);
  return out + "]";
}

}  // namespace

std::string Slugify(const std::string& text) {
  std::string slug;
  bool dash = false;
  for (unsigned char c : text) {
    if (c >= 0x80 || std::isalnum(c)) {
      if (dash && !slug.empty()) slug += '-';
      dash = false;
      slug += static_cast<char>(c < 0x80 ? std::tolower(c) : c);
    } else {
      dash = true;
    }
  }
  return slug.empty() ? "other" : slug;
}

std::vector<Facet> Facets(const Site& site) { return Facets(site, site.RecordsByName()); }

std::vector<Facet> Facets(const Site&, const std::vector<const Record*>& records) {
  std::vector<Facet> facets;
  std::map<std::string, Facet> services;
  for (const Record* record : records) {
    const std::string service = record->Text("service");
    if (service.empty()) continue;
    Facet& facet = services[Slugify(service)];
    if (facet.records.empty()) facet = {"service", Slugify(service), service, {}};
    facet.records.push_back(record);
  }
  for (auto& [slug, facet] : services) facets.push_back(std::move(facet));
  for (const char* kind : {"function", "phase"}) {
    std::vector<std::string> values_in_order;
    for (const EnumValue& v : AllEnumValues()) {
      if (std::string_view(v.enumeration) == kind &&
          std::find(values_in_order.begin(), values_in_order.end(), v.slug) == values_in_order.end()) {
        values_in_order.push_back(v.slug);
      }
    }
    for (const std::string& value : values_in_order) {
      Facet facet{kind, value, EnumLabel(kind, value), {}};
      for (const Record* record : records) {
        const std::vector<std::string> values =
            std::string_view(kind) == "phase" ? std::vector<std::string>{record->phase} : record->Texts(kind);
        if (std::find(values.begin(), values.end(), value) != values.end()) facet.records.push_back(record);
      }
      if (!facet.records.empty()) facets.push_back(std::move(facet));
    }
  }
  return facets;
}

std::string FacetUrl(const Site& site, const Facet& facet) {
  return SiteUrl(site.config, FacetPath(facet.kind, facet.slug));
}

std::string SearchIndexEntry(const Site& site, const Theme& theme, const Record& record) {
  std::vector<std::string> functions;
  for (const std::string& f : record.Texts("function")) functions.push_back(theme.Standard(EnumLabel("function", f)).text);
  std::string description = record.Text("summary.one_sentence_description");
  const std::string longer = record.Text("summary.description");
  if (!longer.empty()) description += "\n" + longer;
  return "{\"id\":" + JsonString(record.id) + ",\"url\":" + JsonString(SiteUrl(site.config, RecordPath(record))) +
         ",\"name\":" + JsonString(record.Text("summary.name")) + ",\"description\":" + JsonString(description) +
         ",\"service\":" + JsonString(record.Text("service")) +
         ",\"phase\":" + JsonString(theme.Standard(EnumLabel("phase", record.phase)).text) +
         ",\"functions\":" + JsonList(functions) + ",\"suppliers\":" + JsonList(Suppliers(record)) +
         ",\"tags\":" + JsonList(record.Texts("tags")) + "}";
}

}  // namespace lantern
