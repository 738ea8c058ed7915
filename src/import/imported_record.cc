#include "import/imported_record.h"

#include <map>

namespace lantern {
namespace {

Value BuildLevel(const std::vector<std::pair<std::string, Value>>& leaves) {
  // Keys in first-seen order, each with the leaves below it.
  std::vector<std::string> order;
  std::map<std::string, std::vector<std::pair<std::string, Value>>> below;
  std::map<std::string, const Value*> whole;
  for (const auto& [path, value] : leaves) {
    const size_t dot = path.find('.');
    const std::string key = path.substr(0, dot);
    if (!below.count(key) && !whole.count(key)) order.push_back(key);
    if (dot == std::string::npos) {
      whole[key] = &value;
      below.erase(key);
    } else {
      whole.erase(key);
      below[key].emplace_back(path.substr(dot + 1), value);
    }
  }
  Value map = Value::Map();
  for (const std::string& key : order) {
    if (auto it = whole.find(key); it != whole.end()) {
      map.Set(key, *it->second);
    } else if (auto b = below.find(key); b != below.end()) {
      map.Set(key, BuildLevel(b->second));
    }
  }
  return map;
}

}  // namespace

void AnswerTree::Set(const std::string& dotted_path, Value value) {
  for (auto& [path, existing] : leaves_) {
    if (path == dotted_path) {
      existing = std::move(value);
      return;
    }
  }
  leaves_.emplace_back(dotted_path, std::move(value));
}

bool AnswerTree::Has(const std::string& dotted_path) const {
  for (const auto& leaf : leaves_) {
    if (leaf.first == dotted_path) return true;
  }
  return false;
}

Value AnswerTree::Build() const { return BuildLevel(leaves_); }

std::string IdFromName(std::string_view name) {
  std::string id;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (keep) {
      id += c;
    } else if (!id.empty() && id.back() != '-') {
      id += '-';
    }
  }
  while (!id.empty() && id.back() == '-') id.pop_back();
  return id;
}

}  // namespace lantern
