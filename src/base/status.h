// Status and Result<T>: how system failures (I/O, permissions, a busy port) travel
// up the call stack. Content problems are not Status values: they are Diagnostics.
#ifndef LANTERN_BASE_STATUS_H_
#define LANTERN_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace lantern {

// A Status is either ok() or carries a human-readable message. Callers add
// context on the way up ("while writing public/index.html: Permission denied").
class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(std::move(message)); }

  bool ok() const { return !message_.has_value(); }
  const std::string& message() const;

  // Returns a copy whose message is "context: message"; an ok status stays ok.
  Status WithContext(const std::string& context) const;

 private:
  explicit Status(std::string message) : message_(std::move(message)) {}
  std::optional<std::string> message_;
};

// A value or the Status that explains why there is none.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}                  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}          // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // REQUIRES: ok()
  T& value() { return *value_; }
  const T& value() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace lantern

#endif  // LANTERN_BASE_STATUS_H_
