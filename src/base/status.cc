#include "base/status.h"

namespace lantern {

const std::string& Status::message() const { return message_; }

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  return Status(kind_, context + ": " + message_);
}

}  // namespace lantern
