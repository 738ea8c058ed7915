#include "cli/text_spool.h"

#include <unistd.h>

namespace lantern {

TextSpool::TextSpool(bool enabled) : enabled_(enabled) {
  if (!enabled_) return;
  file_ = std::tmpfile();
  if (!file_) write_failed_ = true;
}

TextSpool::~TextSpool() {
  if (file_) std::fclose(file_);
}

TextSpool::Span TextSpool::Add(std::string_view text) {
  if (!enabled_) return {};
  const Span span{size_, text.size()};
  size_ += text.size();
  if (file_ && !write_failed_ && !text.empty()) {
    write_failed_ = std::fwrite(text.data(), 1, text.size(), file_) != text.size();
  }
  return span;
}

void TextSpool::EndAdding() {
  ended_ = true;
  if (file_ && !write_failed_ && std::fflush(file_) != 0) write_failed_ = true;
}

void TextSpool::Read(Span span, std::string* out) const {
  if (!enabled_ || span.size == 0) return;
  if (!file_ || write_failed_ || !ended_) {
    read_failed_ = true;
    return;
  }
  // pread, not fseek and fread: list pages and the search index may be read
  // from several threads, and pread does not move a shared position.
  const size_t start = out->size();
  out->resize(start + span.size);
  size_t got = 0;
  while (got < span.size) {
    const ssize_t n = pread(fileno(file_), out->data() + start + got, span.size - got,
                            static_cast<off_t>(span.at + got));
    if (n <= 0) break;
    got += static_cast<size_t>(n);
  }
  if (got != span.size) {
    out->resize(start);
    read_failed_ = true;
  }
}

Status TextSpool::status() const {
  if (write_failed_ || read_failed_) {
    return Status::IoError("cannot write or read back a temporary file of the build's parts (is the disk full?)");
  }
  return Status::Ok();
}

}  // namespace lantern
