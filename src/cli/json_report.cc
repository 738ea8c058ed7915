#include "cli/json_report.h"

#include <nlohmann/json.hpp>

namespace lantern {

std::string SuggestionOf(const std::string& message) {
  // Messages say what is wrong, then "; " and what to do (diagnostic.h).
  if (const size_t at = message.find("; "); at != std::string::npos) return message.substr(at + 2);
  if (const size_t at = message.find("(did you mean "); at != std::string::npos) {
    const size_t end = message.find(')', at);
    return message.substr(at + 1, end == std::string::npos ? std::string::npos : end - at - 1);
  }
  return {};
}

std::string DiagnosticsToJson(const Diagnostics& diagnostics) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Diagnostic& d : diagnostics.Sorted()) {
    nlohmann::ordered_json item;
    item["file"] = d.path;
    item["line"] = d.location.line;
    item["column"] = diagnostics.DisplayColumn(d);
    item["severity"] = d.severity == Severity::kError ? "error" : "warning";
    item["code"] = d.code;
    item["message"] = d.message;
    const std::string suggestion = SuggestionOf(d.message);
    item["suggestion"] = suggestion.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(suggestion);
    out.push_back(std::move(item));
  }
  // Invalid UTF-8 in a path or message is replaced rather than thrown on.
  return out.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace lantern
