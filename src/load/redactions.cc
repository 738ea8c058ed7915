#include "load/redactions.h"

#include "load/schema.h"

namespace lantern {

bool IsWithheld(const std::set<std::string>& withheld, std::string_view schema_path) {
  for (const std::string& w : withheld) {
    if (schema_path == w || schema_path.rfind(w + ".", 0) == 0 || schema_path.rfind(w + "[].", 0) == 0) return true;
  }
  return false;
}

std::string WithheldReason(const Record& record, std::string_view schema_path) {
  const Value* redactions = record.data().Find("redactions");
  if (redactions == nullptr || !redactions->is_list()) return {};
  const std::string display = DisplayPath(schema_path);
  for (const Value& entry : redactions->items()) {
    const Value* field = entry.Find("field");
    const Value* reason = entry.Find("reason");
    if (field && reason && field->is_text() && reason->is_text() &&
        (display == field->text() || display.rfind(field->text() + ".", 0) == 0)) {
      return reason->text();
    }
  }
  return {};
}

}  // namespace lantern
