#include "cli/json_report.h"

#include "model/value.h"
#include "publish/json_writer.h"

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
  // Written by publish/json_writer, the one file that includes nlohmann-json;
  // it replaces invalid UTF-8 in a path or message rather than failing.
  Value out = Value::List();
  for (const Diagnostic& d : diagnostics.Sorted()) {
    const std::string suggestion = SuggestionOf(d.message);
    out.Push(Value::Map()
                 .Set("file", TextValue(d.path))
                 .Set("line", NumberValue(d.location.line))
                 .Set("column", NumberValue(diagnostics.DisplayColumn(d)))
                 .Set("severity", TextValue(d.severity == Severity::kError ? "error" : "warning"))
                 .Set("code", TextValue(d.code))
                 .Set("message", TextValue(d.message))
                 .Set("suggestion", suggestion.empty() ? Value::Null() : TextValue(suggestion)));
  }
  return ToJson(out);
}

}  // namespace lantern
