// What an importer makes of one input file: the record's id, its answers in
// the record's shape (for RecordFromAnswers, load/scaffold.h) and what the
// summary tells the user. Importers fill it; the import command writes it.
#ifndef LANTERN_IMPORT_IMPORTED_RECORD_H_
#define LANTERN_IMPORT_IMPORTED_RECORD_H_

#include <string>
#include <utility>
#include <vector>

#include "model/value.h"

namespace lantern {

struct ImportedRecord {
  std::string source_path;  // the input file, as given
  std::string id;           // the record id, valid (IsValidId) when the import succeeded
  Value answers = Value::Map();
  int fields_mapped = 0;                // answers taken from the input
  std::vector<std::string> unmapped;    // what the input had that no field takes (kept as TODO text)
};

// Builds a nested answer map from dotted paths ("owner.team") and values, in
// the order given. A later value at the same path replaces the earlier one.
class AnswerTree {
 public:
  void Set(const std::string& dotted_path, Value value);
  bool Has(const std::string& dotted_path) const;
  Value Build() const;

 private:
  std::vector<std::pair<std::string, Value>> leaves_;
};

// A file name or GOV.UK slug as a record id: lower-case letters, digits and
// single dashes ("Camden Council_RentSense.csv" stem → "camden-council-rentsense").
// Empty when nothing is left.
std::string IdFromName(std::string_view name);

}  // namespace lantern

#endif  // LANTERN_IMPORT_IMPORTED_RECORD_H_
