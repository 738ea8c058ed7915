#include "assemble/output_sink.h"

namespace lantern {

void MemoryOutput::Put(const std::string& path, std::string bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  (*tree_)[path] = std::move(bytes);
}

void MemoryOutput::Append(const std::string& path, std::string_view bytes) {
  std::lock_guard<std::mutex> lock(mutex_);
  (*tree_)[path].append(bytes);
}

}  // namespace lantern
