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
          {"flags", s.flags},
          {"reply_wanted", s.reply_wanted ? "yes" : "no"},
          {"name", s.name},
          {"email", s.email},
          {"case_reference", s.case_reference},
          {"message", s.message},
          {"retain_until", s.retain_until}};
}

}  // namespace

std::string CsvCell(std::string_view text) {
  std::string out = "\"";
  if (!text.empty() && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t' ||
                        text[0] == '\r')) {
    out += '\'';
  }
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

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

std::string JsonString(std::string_view text) {
  std::string out = "\"";
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      default:
        if (c < 0x20 || c == 0x7f) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x", c);
          out += buffer;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
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
