#include "model/site.h"

#include <algorithm>

namespace lantern {

std::string Record::Text(std::string_view dotted_path) const {
  const Value* value = data.FindPath(dotted_path);
  return value != nullptr && value->is_text() ? value->text() : std::string();
}

std::vector<const Record*> Site::RecordsByName() const {
  std::vector<const Record*> sorted;
  for (const Record& record : records) sorted.push_back(&record);
  std::stable_sort(sorted.begin(), sorted.end(), [](const Record* a, const Record* b) {
    const std::string an = a->Text("summary.name"), bn = b->Text("summary.name");
    return an != bn ? an < bn : a->id < b->id;
  });
  return sorted;
}

}  // namespace lantern
