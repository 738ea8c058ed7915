#include "load/completeness.h"

#include <cctype>

#include "load/schema.h"

namespace lantern {
namespace {

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string Trim(const std::string& text) {
  const size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return {};
  return text.substr(start, text.find_last_not_of(" \t\r\n") - start + 1);
}

bool IsNotApplicable(const std::string& text) {
  const std::string t = Lower(Trim(text));
  return t == "n/a" || t == "na" || t == "none" || t == "-";
}

// Walks the record with the schema, calling `visit` for each field value.
template <typename Visit>
void Walk(const Value& map, unsigned version, const std::string& schema_path, const std::string& display_path,
          const Visit& visit) {
  if (!map.is_map()) return;
  for (const Value::Member& member : map.members()) {
    const std::string path = schema_path.empty() ? member.key : schema_path + "." + member.key;
    const std::string shown = display_path.empty() ? member.key : display_path + "." + member.key;
    const FieldSpec* spec = FindField(DocumentKind::kRecord, version, path);
    if (spec == nullptr) continue;
    if (spec->type == FieldType::kObject) {
      Walk(member.value, version, path, shown, visit);
    } else if (spec->type == FieldType::kObjectList && member.value.is_list()) {
      for (const Value& item : member.value.items()) Walk(item, version, path + "[]", shown, visit);
    } else {
      visit(*spec, shown, member);
    }
  }
}

bool OffersAWayToAct(const std::string& text) {
  const std::string t = Lower(text);
  if (t.find("](") != std::string::npos || t.find("http") != std::string::npos || t.find("www.") != std::string::npos) {
    return true;
  }
  if (t.find('@') != std::string::npos) return true;
  for (const char* word : {"form", "phone", "call us", "telephone", "write to", "post to", "in person", "visit"}) {
    if (t.find(word) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

std::string CompaniesHouseProblem(const std::string& raw) {
  std::string text = Trim(raw);
  if (text.empty() || IsNotApplicable(text)) return {};
  std::string lower = Lower(text);
  for (const char* prefix : {"company registration number", "company number", "company no.", "company no",
                             "registration number", "crn", "no."}) {
    if (lower.rfind(prefix, 0) == 0) {
      text = text.substr(std::string(prefix).size());
      lower = lower.substr(std::string(prefix).size());
      break;
    }
  }
  std::string compact;
  for (char c : text) {
    if (c != ' ' && c != ':' && c != '#') compact += c;
  }
  bool digits_only = !compact.empty();
  bool alnum = !compact.empty();
  for (char c : compact) {
    digits_only = digits_only && std::isdigit(static_cast<unsigned char>(c)) != 0;
    alnum = alnum && std::isalnum(static_cast<unsigned char>(c)) != 0;
  }
  if (compact.size() == 8 && alnum) {
    if (compact != Trim(raw)) return "write it as the 8 characters alone: \"" + compact + "\"";
    return {};
  }
  if (digits_only && compact.size() == 7) {
    return "is 7 digits, possibly missing a leading zero; Companies House numbers have 8 characters, e.g. \"0" +
           compact + "\"";
  }
  return "is not 8 characters; Companies House numbers look like \"01234567\" or \"SC123456\" (find it on "
         "find-and-update.company-information.service.gov.uk)";
}

void CheckRecordCompleteness(const Record& record, const SiteConfig& config, const Date& today,
                             Diagnostics* diagnostics) {
  const std::string& path = record.source_path;
  const Value& root = record.data();
  Walk(root, record.version_bit, "", "", [&](const FieldSpec& spec, const std::string& shown, const Value::Member& m) {
    if (!m.value.is_text()) return;
    const std::string& text = m.value.text();
    const SourceLocation at = m.value.location().line ? m.value.location() : m.key_location;
    if (spec.type == FieldType::kUrl || spec.type == FieldType::kEmail) {
      const bool url = spec.type == FieldType::kUrl;
      if (Trim(text).empty() || IsNotApplicable(text)) {
        diagnostics->Warning(path, at, "L070",
                             shown + " is " + (Trim(text).empty() ? "empty" : "\"" + Trim(text) + "\"") +
                                 ", so residents have nowhere to go; " +
                                 (url ? "give a live page about the tool, such as the service's page on the council "
                                        "website"
                                      : "give a team mailbox that is read, such as the service's own address"));
      }
    }
    if (std::string_view(FieldKey(spec.path)) == "companies_house_number") {
      const std::string problem = CompaniesHouseProblem(text);
      if (!problem.empty()) {
        diagnostics->Warning(path, at, "L071", "companies_house_number \"" + Trim(text) + "\" " +
                                                   (problem.rfind("write", 0) == 0 ? "has extra text; " : "") + problem);
      }
    }
  });

  const Value::Member* dates = root.FindMember("dates");
  const SourceLocation dates_at = dates ? dates->key_location : SourceLocation{};
  if (!record.is_draft() && !record.is_retired()) {
    const Value* given = root.FindPath("dates.next_review");
    if (record.next_review < today) {
      diagnostics->Warning(path, given ? given->location() : dates_at, "L072",
                           "the review is overdue: it was due on " + record.next_review.Display() +
                               (given ? "" : " (last update plus " + std::to_string(config.review_interval_months) +
                                                 " months)") +
                               "; review the record with the service, then set dates.updated to the review date");
    } else if (record.last_changed().PlusMonths(config.review_interval_months) < today) {
      const Value* updated = root.FindPath("dates.updated");
      diagnostics->Warning(path, updated ? updated->location() : dates_at, "L073",
                           "the record was last updated on " + record.last_changed().Display() + ", over " +
                               std::to_string(config.review_interval_months) +
                               " months ago (the site's review interval); check it is still right and set "
                               "dates.updated");
    }
  }

  if (root.Find("resident_guidance") == nullptr && !record.is_retired()) {
    diagnostics->Warning(path, {}, "L074",
                         "no resident_guidance; add how_it_affects_you and how_to_object, in plain words, so "
                         "residents know what the tool means for them and what they can do");
  }
  if (const Value* appeals = root.FindPath("deployment.appeals_and_review"); appeals && appeals->is_text()) {
    if (!OffersAWayToAct(appeals->text())) {
      diagnostics->Warning(path, appeals->location(), "L075",
                           "appeals_and_review gives no way to act on it; add a link, an email address or the "
                           "form residents should use to ask for a review");
    }
  }
}

}  // namespace lantern
