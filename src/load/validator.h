// Checks a Value tree against the schema table: unknown keys (with the nearest
// known key suggested), fields of the other ATRS version (naming the right one),
// missing required fields, wrong types, values outside an enumeration, invalid
// dates, URLs, email addresses and ids. Rules between fields live elsewhere
// (record_rules, site_loader); this file knows only single fields.
#ifndef LANTERN_LOAD_VALIDATOR_H_
#define LANTERN_LOAD_VALIDATOR_H_

#include <optional>
#include <set>
#include <string>

#include "base/diagnostic.h"
#include "load/schema.h"
#include "model/value.h"

namespace lantern {

struct ValidationTarget {
  DocumentKind document;
  unsigned version = kAll;      // kV3 or kV4 for records
  std::string version_name;     // "4.0" / "3.0", for messages
  std::string path;             // the file, for diagnostics
  // Field paths withheld under `redactions`: they count as present.
  std::set<std::string> withheld;
};

// Adds an error or warning to `diagnostics` for each problem in `root`.
// Returns true when no error was added.
bool ValidateDocument(const ValidationTarget& target, const Value& root, Diagnostics* diagnostics);

// Value checks shared with the renderer, which must agree on what a URL or an
// email address is.
enum class UrlForm { kValid, kNotApplicable, kNoScheme, kTrailingText, kBadScheme, kInvalid };
UrlForm ClassifyUrl(const std::string& text);
enum class EmailForm { kValid, kNotApplicable, kDisplayName, kMailto, kInvalid };
EmailForm ClassifyEmail(const std::string& text);
// The address to link to: the part inside <…> for "Name <a@b>", without a
// "mailto:" prefix, else the text.
std::string EmailAddress(const std::string& text);
// The URL to link to: https:// added to a scheme-less URL, trailing prose cut.
std::string UrlTarget(const std::string& text);
bool IsValidId(const std::string& text);
// yes/no/true/false in any case; std::nullopt for anything else.
std::optional<bool> ParseBool(const std::string& text);

}  // namespace lantern

#endif  // LANTERN_LOAD_VALIDATOR_H_
