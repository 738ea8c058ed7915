// Texts kept in a temporary file instead of memory until a build has every
// record: each record's parts of records.json, records.csv, feed.xml and
// search-index.json, and its row of the lists, added as its batch finishes
// and read back in the order the site-wide files list them. A few bytes per
// text stay in memory (where it is), the text itself in the page cache.
#ifndef LANTERN_CLI_TEXT_SPOOL_H_
#define LANTERN_CLI_TEXT_SPOOL_H_

#include <atomic>
#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

#include "base/status.h"

namespace lantern {

class TextSpool {
 public:
  struct Span {
    size_t at = 0, size = 0;
  };

  // Disabled (`enabled` false), it keeps nothing: Add returns empty spans
  // and Read appends nothing, successfully. A temporary file that cannot be
  // made is a failure reported by status().
  explicit TextSpool(bool enabled);
  ~TextSpool();
  TextSpool(const TextSpool&) = delete;
  TextSpool& operator=(const TextSpool&) = delete;

  // Writes `text` after the others; returns where it is. From one thread.
  Span Add(std::string_view text);
  // Ends the adding: what is still buffered goes to the file.
  void EndAdding();
  // Appends the text at `span` to `out`: from any thread, after EndAdding.
  // On a failed read appends nothing and remembers it (status()).
  void Read(Span span, std::string* out) const;
  // Ok, or the first failure to make, write or read the file (a full disk).
  Status status() const;

 private:
  std::FILE* file_ = nullptr;
  bool enabled_;
  bool write_failed_ = false;
  bool ended_ = false;
  size_t size_ = 0;
  mutable std::atomic<bool> read_failed_{false};
};

}  // namespace lantern

#endif  // LANTERN_CLI_TEXT_SPOOL_H_
