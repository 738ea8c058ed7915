// The schema as data: one table describes every field of site.yaml, of a record
// (ATRS 4.0 and 3.0) and of page front matter. The validator, the record page's
// labels and numbers, and later the scaffolds and exports all read this table.
#ifndef LANTERN_LOAD_SCHEMA_H_
#define LANTERN_LOAD_SCHEMA_H_

#include <string>
#include <string_view>
#include <vector>

namespace lantern {

// kTranslation: the `translation` block of a record's or page's translation
// (records/<id>.cy.yaml, pages/<slug>.cy.md): who made it and when.
enum class DocumentKind { kSite, kRecord, kPage, kTranslation };

enum class FieldType {
  kText,        // one line or paragraph of plain text
  kMarkdown,    // text rendered as CommonMark (safe: no raw HTML)
  kUrl,         // http(s) URL, or "N/A"
  kEmail,       // an address, or "N/A"
  kLink,        // a site path ("/pages/privacy/") or an http(s) URL
  kDate,        // YYYY-MM-DD
  kBool,        // yes/no, true/false
  kInteger,     // a whole number
  kEnum,        // one of an enumeration's slugs
  kEnumList,    // a list of slugs (a single slug is accepted as a list of one)
  kTextList,    // a list of short texts (a single text is accepted)
  kId,          // [a-z0-9-]+
  kObject,      // a mapping of further fields
  kObjectList,  // a list of mappings of further fields
};

// Which ATRS versions a record field belongs to. Site and page fields use kAll.
enum Versions : unsigned { kV3 = 1u, kV4 = 2u, kAll = 3u };

// One row of the table. `path` names the field with dots; a field inside each
// entry of a list is written "parent[].child".
struct FieldSpec {
  DocumentKind document;
  const char* path;
  FieldType type;
  bool required;
  unsigned versions;
  const char* enumeration;  // name of the allowed values' table, or nullptr
  const char* label;        // ATRS 4.0 label (or the only label)
  const char* number;       // ATRS 4.0 number as GOV.UK shows it ("1.4.2"), or ""
  const char* label_v3;     // ATRS 3.0 label when it differs, or nullptr
  const char* number_v3;    // ATRS 3.0 number when it differs, or nullptr
  const char* counterpart;  // the field playing this part in the other version, or nullptr
  const char* help;         // one line for authors: what to write here
};

struct EnumValue {
  const char* enumeration;
  const char* slug;
  const char* label;
  unsigned versions;
};

// A Tier 2 section of a record page, in ATRS order.
struct SectionSpec {
  const char* key;  // top-level record key ("owner")
  const char* number;
  const char* title;
  const char* title_v3;  // when it differs, or nullptr
  const char* anchor;
};

const std::vector<FieldSpec>& AllFields();
const std::vector<EnumValue>& AllEnumValues();
const std::vector<SectionSpec>& RecordSections();

// Version bit for a record's atrs_version ("4.0" → kV4, "3.0" → kV3).
unsigned VersionBit(std::string_view atrs_version);

// The field at `path` for this document and version, or nullptr. A hash lookup.
const FieldSpec* FindField(DocumentKind document, unsigned version, std::string_view path);
// The field at `path` in any version of the document, or nullptr.
const FieldSpec* FindFieldAnyVersion(DocumentKind document, std::string_view path);
// Fields directly under `parent_path` ("" for the top level), in table order;
// empty when there are none. The list lives as long as the program (the table
// is indexed once, on first use, by path and by parent).
const std::vector<const FieldSpec*>& ChildFields(DocumentKind document, unsigned version,
                                                 std::string_view parent_path);

// Allowed slugs of an enumeration for a version, in table order.
std::vector<std::string> EnumSlugs(std::string_view enumeration, unsigned version);
// The human label of a slug, or the slug itself when unknown.
std::string EnumLabel(std::string_view enumeration, std::string_view slug);
// True when `slug` belongs to the enumeration in some version.
bool EnumHasSlugInAnyVersion(std::string_view enumeration, std::string_view slug);

// The label and number a field shows in a record of the given version.
const char* FieldLabel(const FieldSpec& field, unsigned version);
const char* FieldNumber(const FieldSpec& field, unsigned version);

// The last component of a path ("owner.third_parties[].name" → "name").
std::string_view FieldKey(std::string_view path);
// A path as authors write it, without the list markers
// ("technical.models[].name" → "technical.models.name").
std::string DisplayPath(std::string_view schema_path);

}  // namespace lantern

#endif  // LANTERN_LOAD_SCHEMA_H_
