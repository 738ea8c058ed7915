#include "load/validator.h"

#include <algorithm>
#include <cctype>

#include "base/edit_distance.h"
#include "load/redactions.h"
#include "model/date.h"

namespace lantern {
namespace {

constexpr size_t kMaxMarkdownBytes = 100 * 1024;

std::string Quote(std::string_view text) { return "\"" + std::string(text) + "\""; }

std::string JoinQuoted(const std::vector<std::string>& words) {
  std::string joined;
  for (size_t i = 0; i < words.size(); ++i) {
    if (i > 0) joined += i + 1 == words.size() ? " or " : ", ";
    joined += words[i];
  }
  return joined;
}

bool IsBlank(const Value& v) {
  if (v.is_null()) return true;
  if (v.is_text()) return v.text().find_first_not_of(" \t\r\n") == std::string::npos;
  return false;
}

std::string Lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

class Validator {
 public:
  Validator(const ValidationTarget& target, Diagnostics* diagnostics)
      : target_(target), diagnostics_(diagnostics) {}

  void Run(const Value& root) {
    if (!root.is_map()) {
      Error(root.location(), "L010", "expected a mapping of fields (key: value lines), found " +
                                         std::string(root.KindName()));
      return;
    }
    CheckMap(root, "", root.location());
  }

  bool ok() const { return errors_ == 0; }

 private:
  void Error(SourceLocation at, const char* code, std::string message) {
    ++errors_;
    diagnostics_->Error(target_.path, at, code, std::move(message));
  }
  void Warning(SourceLocation at, const char* code, std::string message) {
    diagnostics_->Warning(target_.path, at, code, std::move(message));
  }

  // `spec_path` is the schema path of the map ("" for the top, "owner",
  // "technical.models[]"); `at` is where the map's key stands.
  void CheckMap(const Value& map, const std::string& spec_path, SourceLocation at) {
    const std::string prefix = spec_path.empty() ? "" : spec_path + ".";
    // Fields already named by a "did you mean" or a version message: their
    // "missing" report would only repeat it.
    std::set<std::string> suggested;
    for (const Value::Member& member : map.members()) {
      const std::string child = prefix + member.key;
      const FieldSpec* spec = FindField(target_.document, target_.version, child);
      if (spec == nullptr) {
        suggested.insert(ReportUnknown(member, map, spec_path, child));
        continue;
      }
      CheckValue(*spec, member.value, child, member.key_location);
    }
    for (const FieldSpec* spec : ChildFields(target_.document, target_.version, spec_path)) {
      if (!spec->required) continue;
      const Value* value = map.Find(FieldKey(spec->path));
      if (value != nullptr && !IsBlank(*value)) continue;
      if (IsWithheld(spec->path)) continue;
      if (suggested.count(std::string(FieldKey(spec->path)))) continue;
      // An empty list is an answer ("none"); only a missing one is missing.
      if (value != nullptr && value->is_list()) continue;
      const Value::Member* member = value ? map.FindMember(FieldKey(spec->path)) : nullptr;
      std::string where = spec_path.empty() ? "" : " in " + Quote(DisplayPath(spec_path));
      std::string what = std::string(FieldNumber(*spec, target_.version)).empty()
                             ? std::string(FieldLabel(*spec, target_.version))
                             : std::string(FieldNumber(*spec, target_.version)) + " " +
                                   FieldLabel(*spec, target_.version);
      if (member != nullptr) {
        Error(member->key_location, "L012",
              "required field " + Quote(FieldKey(spec->path)) + " is empty (" + what + "): " + spec->help);
      } else {
        // A missing top-level field has no line of its own to point at.
        Error(spec_path.empty() ? SourceLocation{} : at, "L011",
              "missing required field " + Quote(FieldKey(spec->path)) + where + " (" + what + "): " + spec->help);
      }
    }
  }

  // Reports a key the schema does not have here; returns the field it
  // suggested instead, or "".
  std::string ReportUnknown(const Value::Member& member, const Value& map, const std::string& spec_path,
                            const std::string& child) {
    if (const FieldSpec* other = FindFieldAnyVersion(target_.document, child)) {
      const std::string other_version = target_.version == kV4 ? "3.0" : "4.0";
      if (other->counterpart != nullptr) {
        const std::string right(FieldKey(other->counterpart));
        // Fields the newer version merged: the right field may already be there.
        const std::string advice = map.Find(right) != nullptr ? "merge its text into " : "write ";
        Error(member.key_location, "L014",
              Quote(member.key) + " is an ATRS " + other_version + " field; in a " + target_.version_name +
                  " record " + advice + Quote(right));
        return right;
      }
      Error(member.key_location, "L014",
            Quote(member.key) + " is not part of ATRS " + target_.version_name + "; remove it, or set atrs_version: \"" +
                other_version + "\"");
      return "";
    }
    std::vector<std::string> known;
    std::vector<std::string> quoted_known;
    for (const FieldSpec* spec : ChildFields(target_.document, target_.version, spec_path)) {
      known.emplace_back(FieldKey(spec->path));
      quoted_known.push_back(Quote(known.back()));
    }
    std::string message = "unknown field " + Quote(member.key);
    if (spec_path.empty() && target_.document == DocumentKind::kRecord) {
      // A Tier 2 key written at the top level is a common slip.
      for (const SectionSpec& section : RecordSections()) {
        if (FindField(target_.document, target_.version, std::string(section.key) + "." + member.key)) {
          Error(member.key_location, "L013",
                message + "; it belongs under " + Quote(section.key) + " (indent it below \"" +
                    section.key + ":\")");
          return "";
        }
      }
    }
    const std::string nearest = NearestMatch(member.key, known);
    if (!nearest.empty()) {
      message += " (did you mean " + Quote(nearest) + "?)";
    } else if (!known.empty() && known.size() <= 12) {
      message += "; the fields here are " + JoinQuoted(quoted_known);
    }
    Error(member.key_location, "L013", message);
    return nearest;
  }

  bool IsWithheld(const std::string& spec_path) const { return lantern::IsWithheld(target_.withheld, spec_path); }

  bool ExpectText(const Value& value, const std::string& key, SourceLocation at) {
    if (value.is_text()) return true;
    Error(value.location().line ? value.location() : at, "L015",
          Quote(key) + " should be text, but is " + std::string(value.KindName()) +
              (value.is_list() ? "; write it as one paragraph, or use a '|' block for several lines" : ""));
    return false;
  }

  void CheckValue(const FieldSpec& spec, const Value& value, const std::string& child, SourceLocation key_at) {
    if (IsBlank(value)) return;  // absent or empty; the required check reports it
    const std::string key(FieldKey(child));
    const SourceLocation at = value.location().line ? value.location() : key_at;
    switch (spec.type) {
      case FieldType::kText:
        ExpectText(value, key, key_at);
        break;
      case FieldType::kMarkdown:
        if (ExpectText(value, key, key_at) && value.text().size() > kMaxMarkdownBytes) {
          Error(at, "L015", Quote(key) + " is over 100 KiB of text; shorten it or link to a document");
        }
        break;
      case FieldType::kUrl:
        if (ExpectText(value, key, key_at)) CheckUrl(value, key);
        break;
      case FieldType::kEmail:
        if (ExpectText(value, key, key_at)) CheckEmail(value, key);
        break;
      case FieldType::kLink:
        if (ExpectText(value, key, key_at) && value.text().rfind("/", 0) != 0 &&
            ClassifyUrl(value.text()) != UrlForm::kValid) {
          Error(at, "L018", Quote(key) + " should be a path on this site starting with '/' or an https:// "
                                         "address, not " + Quote(value.text()));
        }
        break;
      case FieldType::kDate:
        if (ExpectText(value, key, key_at)) CheckDate(value, key);
        break;
      case FieldType::kBool:
        if (!value.is_text() || !ParseBool(value.text())) {
          Error(at, "L016", Quote(key) + " should be yes or no, not " +
                                (value.is_text() ? Quote(value.text()) : std::string(value.KindName())));
        }
        break;
      case FieldType::kInteger:
        if (!value.is_text() || value.text().empty() || value.text().size() > 9 ||
            value.text().find_first_not_of("0123456789") != std::string::npos) {
          Error(at, "L016", Quote(key) + " should be a whole number, not " +
                                (value.is_text() ? Quote(value.text()) : std::string(value.KindName())));
        }
        break;
      case FieldType::kEnum:
        if (ExpectText(value, key, key_at)) CheckEnum(spec, value, key);
        break;
      case FieldType::kEnumList:
        if (value.is_text()) {
          CheckEnum(spec, value, key);
        } else if (value.is_list()) {
          for (const Value& item : value.items()) {
            if (ExpectText(item, key, key_at)) CheckEnum(spec, item, key);
          }
        } else {
          Error(at, "L015", Quote(key) + " should be a list such as [a, b], not " + std::string(value.KindName()));
        }
        break;
      case FieldType::kTextList:
        if (value.is_list()) {
          for (const Value& item : value.items()) ExpectText(item, key, key_at);
        } else if (!value.is_text()) {
          Error(at, "L015", Quote(key) + " should be a list such as [a, b], not " + std::string(value.KindName()));
        }
        break;
      case FieldType::kId:
        if (ExpectText(value, key, key_at) && !IsValidId(value.text())) {
          Error(at, "L019", Quote(value.text()) + " is not a valid id: use lower-case letters, digits and "
                                                  "single dashes, e.g. \"rent-arrears-tool\"");
        }
        break;
      case FieldType::kObject:
        if (!value.is_map()) {
          Error(at, "L015", Quote(key) + " should be a mapping of fields (indented key: value lines), not " +
                                std::string(value.KindName()));
        } else {
          CheckMap(value, child, key_at);
        }
        break;
      case FieldType::kObjectList:
        if (!value.is_list()) {
          Error(at, "L015", Quote(key) + " should be a list of entries, each starting with '- ', not " +
                                std::string(value.KindName()));
          break;
        }
        for (const Value& item : value.items()) {
          if (!item.is_map()) {
            Error(item.location().line ? item.location() : key_at, "L015",
                  "each entry of " + Quote(key) + " should be a mapping of fields, not " +
                      std::string(item.KindName()));
          } else {
            CheckMap(item, child + "[]", item.location());
          }
        }
        break;
    }
  }

  void CheckUrl(const Value& value, const std::string& key) {
    const std::string& text = value.text();
    switch (ClassifyUrl(text)) {
      case UrlForm::kValid:
        break;
      case UrlForm::kNotApplicable:
        // In records, the completeness check (L070) says this in residents' terms.
        if (target_.document == DocumentKind::kRecord) break;
        Warning(value.location(), "L021",
                Quote(key) + " is N/A; give a public web address if there is one, so readers can find out more");
        break;
      case UrlForm::kNoScheme:
        Warning(value.location(), "L021",
                Quote(key) + " has no scheme; it will be linked as " + Quote(UrlTarget(text)) + "; write the "
                             "full address starting with https://");
        break;
      case UrlForm::kTrailingText:
        Warning(value.location(), "L021",
                Quote(key) + " has text after the address; only " + Quote(UrlTarget(text)) +
                    " will be linked; move the text to a description field");
        break;
      case UrlForm::kBadScheme:
        Error(value.location(), "L020", Quote(key) + " must be an http or https address; " +
                                            Quote(text.substr(0, text.find(':') + 1)) + " links are not allowed");
        break;
      case UrlForm::kInvalid:
        Error(value.location(), "L020", Quote(key) + " is not a web address: " + Quote(text) +
                                            "; write a full address starting with https://, or N/A");
        break;
    }
  }

  void CheckEmail(const Value& value, const std::string& key) {
    switch (ClassifyEmail(value.text())) {
      case EmailForm::kValid:
        break;
      case EmailForm::kNotApplicable:
        if (target_.document == DocumentKind::kRecord) break;  // L070 covers records
        Warning(value.location(), "L023",
                Quote(key) + " is N/A, so readers have no address to write to; give a team mailbox if there is one");
        break;
      case EmailForm::kMailto:
        Warning(value.location(), "L023",
                Quote(key) + " starts with \"mailto:\"; write just the address, " + Quote(EmailAddress(value.text())));
        break;
      case EmailForm::kDisplayName:
        Warning(value.location(), "L023",
                Quote(key) + " includes a display name; only the address " + Quote(EmailAddress(value.text())) +
                    " will be used");
        break;
      case EmailForm::kInvalid:
        Error(value.location(), "L022", Quote(key) + " is not an email address: " + Quote(value.text()) +
                                            "; write an address such as team@example.gov.uk, or N/A");
        break;
    }
  }

  void CheckDate(const Value& value, const std::string& key) {
    const std::string& text = value.text();
    if (Date::Parse(text)) return;
    const bool shaped = text.size() == 10 && text[4] == '-' && text[7] == '-' &&
                        std::all_of(text.begin(), text.end(), [](char c) { return c == '-' || std::isdigit(static_cast<unsigned char>(c)); });
    if (shaped) {
      Error(value.location(), "L017", Quote(key) + " is " + Quote(text) + ", which is not a real date");
    } else {
      Error(value.location(), "L017", Quote(key) + " should be a date written YYYY-MM-DD, e.g. 2025-01-28, not " +
                                          Quote(text));
    }
  }

  void CheckEnum(const FieldSpec& spec, const Value& value, const std::string& key) {
    const std::string& slug = value.text();
    const std::vector<std::string> allowed = EnumSlugs(spec.enumeration, target_.version);
    if (std::find(allowed.begin(), allowed.end(), slug) != allowed.end()) return;
    if (EnumHasSlugInAnyVersion(spec.enumeration, slug)) {
      // Valid in the other version: name the values only this version has.
      const std::vector<std::string> other = EnumSlugs(spec.enumeration, target_.version == kV4 ? kV3 : kV4);
      std::vector<std::string> only_here;
      for (const std::string& s : allowed) {
        if (std::find(other.begin(), other.end(), s) == other.end()) only_here.push_back(Quote(s));
      }
      Error(value.location(), "L024",
            Quote(slug) + " is not a " + key + " in ATRS " + target_.version_name +
                (only_here.empty() ? "" : "; use " + JoinQuoted(only_here)));
      return;
    }
    // A label or a different case ("Public Beta") usually names the right slug;
    // GDS service-phase words name their nearest ATRS phase.
    std::string suggestion;
    static const std::pair<const char*, const char*> kPhaseWords[] = {
        {"live", "production"}, {"beta", "public-beta"}, {"alpha", "private-beta"}, {"pilot", "private-beta"},
        {"discovery", "pre-deployment"}, {"development", "pre-deployment"}, {"decommissioned", "retired"}};
    if (std::string_view(spec.enumeration) == "phase") {
      for (const auto& [word, slug] : kPhaseWords) {
        if (Lower(value.text()) == word) suggestion = slug;
      }
    }
    for (const EnumValue& v : AllEnumValues()) {
      if (spec.enumeration != std::string_view(v.enumeration) || !(v.versions & target_.version)) continue;
      if (suggestion.empty() && (Lower(slug) == Lower(v.label) || Lower(slug) == v.slug)) suggestion = v.slug;
    }
    if (suggestion.empty()) suggestion = NearestMatch(slug, allowed);
    std::vector<std::string> quoted;
    for (const std::string& s : allowed) quoted.push_back(Quote(s));
    std::string message = Quote(slug) + " is not an allowed " + key;
    if (!suggestion.empty()) {
      message += " (did you mean " + Quote(suggestion) + "?)";
    } else {
      message += "; use " + JoinQuoted(quoted);
    }
    Error(value.location(), "L024", message);
  }

  const ValidationTarget& target_;
  Diagnostics* diagnostics_;
  int errors_ = 0;
};

bool IsHostCharacter(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || static_cast<unsigned char>(c) >= 0x80;
}

// True when `text` starts with a plausible host name followed by nothing or
// by a '/', ':' (port), '?' or '#'.
bool StartsWithHost(std::string_view text) {
  size_t i = 0;
  while (i < text.size() && IsHostCharacter(text[i])) ++i;
  const std::string_view host = text.substr(0, i);
  if (host.size() < 3 || host.find('.') == std::string_view::npos || host.front() == '.' || host.back() == '.') {
    return false;
  }
  return i == text.size() || text[i] == '/' || text[i] == ':' || text[i] == '?' || text[i] == '#';
}

}  // namespace

UrlForm ClassifyUrl(const std::string& raw) {
  const std::string text = raw.substr(0, raw.find_last_not_of(" \t\r\n") + 1);
  if (text == "N/A" || text == "n/a" || text == "NA") return UrlForm::kNotApplicable;
  const std::string lower = Lower(text);
  const size_t space = text.find_first_of(" \t\n");
  const std::string first = text.substr(0, space);
  const std::string first_lower = Lower(first);
  for (const char* scheme : {"https://", "http://"}) {
    if (first_lower.rfind(scheme, 0) == 0) {
      if (!StartsWithHost(std::string_view(first).substr(std::string_view(scheme).size()))) return UrlForm::kInvalid;
      return space == std::string::npos ? UrlForm::kValid : UrlForm::kTrailingText;
    }
  }
  const size_t colon = first_lower.find(':');
  if (colon != std::string::npos && colon > 0 &&
      std::all_of(first_lower.begin(), first_lower.begin() + static_cast<long>(colon),
                  [](char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '+' || c == '.' || c == '-'; }) &&
      !StartsWithHost(first)) {
    return UrlForm::kBadScheme;
  }
  if (StartsWithHost(first) && first.find('@') == std::string::npos) return UrlForm::kNoScheme;
  return UrlForm::kInvalid;
}

std::string UrlTarget(const std::string& raw) {
  std::string first = raw.substr(0, raw.find_first_of(" \t\n"));
  if (ClassifyUrl(first) == UrlForm::kNoScheme) return "https://" + first;
  return first;
}

namespace {

bool IsPlainAddress(std::string_view text) {
  const size_t at = text.find('@');
  if (at == std::string_view::npos || at == 0 || text.find('@', at + 1) != std::string_view::npos) return false;
  if (at > 64 || text.size() > 254) return false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == '<' || c == '>' || c == '"' || c == '`' || c == ',' ||
        c == ';') {
      return false;
    }
  }
  const std::string_view domain = text.substr(at + 1);
  return domain.find('.') != std::string_view::npos && domain.front() != '.' && domain.back() != '.';
}

}  // namespace

EmailForm ClassifyEmail(const std::string& raw) {
  const std::string text = raw.substr(0, raw.find_last_not_of(" \t\r\n") + 1);
  if (text == "N/A" || text == "n/a" || text == "NA") return EmailForm::kNotApplicable;
  if (Lower(text).rfind("mailto:", 0) == 0 && IsPlainAddress(std::string_view(text).substr(7))) return EmailForm::kMailto;
  if (IsPlainAddress(text)) return EmailForm::kValid;
  const size_t open = text.rfind('<');
  if (open != std::string::npos && text.back() == '>' && open > 0 &&
      IsPlainAddress(std::string_view(text).substr(open + 1, text.size() - open - 2))) {
    return EmailForm::kDisplayName;
  }
  return EmailForm::kInvalid;
}

std::string EmailAddress(const std::string& raw) {
  const std::string text = raw.substr(0, raw.find_last_not_of(" \t\r\n") + 1);
  if (ClassifyEmail(text) == EmailForm::kMailto) return text.substr(7);
  if (ClassifyEmail(text) == EmailForm::kDisplayName) {
    const size_t open = text.rfind('<');
    return text.substr(open + 1, text.size() - open - 2);
  }
  return text;
}

bool IsValidId(const std::string& text) {
  if (text.empty() || text.size() > 80 || text.front() == '-' || text.back() == '-') return false;
  if (text.find("--") != std::string::npos) return false;
  return std::all_of(text.begin(), text.end(), [](char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'; });
}

std::optional<bool> ParseBool(const std::string& text) {
  const std::string lower = Lower(text);
  if (lower == "yes" || lower == "true") return true;
  if (lower == "no" || lower == "false") return false;
  return std::nullopt;
}

bool ValidateDocument(const ValidationTarget& target, const Value& root, Diagnostics* diagnostics) {
  Validator validator(target, diagnostics);
  validator.Run(root);
  return validator.ok();
}

}  // namespace lantern
