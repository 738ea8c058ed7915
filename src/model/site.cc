#include "model/site.h"

namespace lantern {

std::string Record::Text(std::string_view dotted_path) const {
  const Value* value = data.FindPath(dotted_path);
  return value != nullptr && value->is_text() ? value->text() : std::string();
}

}  // namespace lantern
