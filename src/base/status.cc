#include "base/status.h"

namespace lantern {

const std::string& Status::message() const {
  static const std::string kEmpty;
  return message_ ? *message_ : kEmpty;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  return Status(context + ": " + *message_);
}

}  // namespace lantern
