#include "feedback/export.h"

#include <cstdio>
#include <utility>

namespace lantern {
namespace {

std::vector<std::pair<const char*, std::string>> Fields(const StoredSubmission& s) {
  return {{"reference", s.reference},
          {"received_at", s.received_at},
          {"record_id", s.record_id},
          {"record_updated", s.record_updated},
          {"request_type", s.request_type},
          {"status", s.status},
          {"due_on", s.DueOn()},
          {"flags", s.flags},
          {"notes", s.notes},
          {"follows_reference", s.follows_reference},
          {"reply_wanted", s.reply_wanted ? "yes" : "no"},
          {"language", s.language},
          {"name", s.name},
          {"email", s.email},
          {"case_reference", s.case_reference},
          {"message", s.message},
          {"retain_until", s.retain_until}};
}

}  // namespace

std::string SubmissionsToCsv(const std::vector<StoredSubmission>& rows) {
  std::string out;
  const StoredSubmission header_source;
  bool first = true;
  for (const auto& field : Fields(header_source)) {
    out += (first ? "" : ",") + CsvCell(field.first);
    first = false;
  }
  out += "\r\n";
  for (const StoredSubmission& row : rows) {
    first = true;
    for (const auto& field : Fields(row)) {
      out += (first ? "" : ",") + CsvCell(field.second);
      first = false;
    }
    out += "\r\n";
  }
  return out;
}

std::string SubmissionsToJson(const std::vector<StoredSubmission>& rows) {
  std::string out = "[";
  for (size_t i = 0; i < rows.size(); ++i) {
    out += i == 0 ? "\n  {" : ",\n  {";
    bool first = true;
    for (const auto& field : Fields(rows[i])) {
      out += (first ? "" : ", ") + JsonString(field.first) + ": ";
      out += std::string(field.first) == "reply_wanted" ? (rows[i].reply_wanted ? "true" : "false")
                                                         : JsonString(field.second);
      first = false;
    }
    out += "}";
  }
  return out + (rows.empty() ? "]\n" : "\n]\n");
}

}  // namespace lantern
