#include "model/site.h"

#include <algorithm>

namespace lantern {

std::shared_ptr<const Value> Record::EmptyData() {
  static const std::shared_ptr<const Value> empty = std::make_shared<const Value>();
  return empty;
}

std::string Record::Text(std::string_view dotted_path) const {
  const Value* value = data().FindPath(dotted_path);
  return value != nullptr && value->is_text() ? value->text() : std::string();
}

std::vector<std::string> Record::Texts(std::string_view dotted_path) const {
  std::vector<std::string> texts;
  const Value* value = data().FindPath(dotted_path);
  if (value == nullptr) return texts;
  if (value->is_text()) texts.push_back(value->text());
  if (value->is_list()) {
    for (const Value& item : value->items()) {
      if (item.is_text()) texts.push_back(item.text());
    }
  }
  return texts;
}

const RecordTranslation* Record::Translation(std::string_view language) const {
  for (const RecordTranslation& translation : translations) {
    if (translation.language == language) return &translation;
  }
  return nullptr;
}

const PageTranslation* Page::Translation(std::string_view language) const {
  for (const PageTranslation& translation : translations) {
    if (translation.language == language) return &translation;
  }
  return nullptr;
}

std::vector<const Record*> Site::RecordsByName() const {
  // Each name is looked up once, not twice per comparison.
  std::vector<std::pair<std::string, const Record*>> keyed;
  keyed.reserve(records.size());
  for (const Record& record : records) keyed.emplace_back(record.Text("summary.name"), &record);
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return a.first != b.first ? a.first < b.first : a.second->id < b.second->id;
  });
  std::vector<const Record*> sorted;
  sorted.reserve(keyed.size());
  for (const auto& entry : keyed) sorted.push_back(entry.second);
  return sorted;
}

}  // namespace lantern
