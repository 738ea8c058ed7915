// Status and Result<T>: how system failures (I/O, permissions, a busy port) travel
// up the call stack. Content problems are not Status values: they are Diagnostics.
#ifndef LANTERN_BASE_STATUS_H_
#define LANTERN_BASE_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace lantern {

// A Status is either ok() or carries a human-readable message and a kind.
// Callers add context on the way up ("while writing public/index.html:
// Permission denied"); the kind stays, so that a caller far up can still tell
// "there is nothing there" (often not a failure: a file deleted while the
// preview rebuilt, a store not made yet) from a failing disk or bad bytes.
class Status {
 public:
  enum class Kind {
    kOk,
    kFailed,    // not classified: most failures, told only by their message
    kNotFound,  // the file, folder or store is not there
    kIo,        // it is there but reading or writing it failed (permissions, a full disk)
    kInvalid,   // it was read but is not what it must be (not a regular file, a foreign database)
  };

  Status() = default;
  static Status Ok() { return Status(); }
  static Status Error(std::string message) { return Status(Kind::kFailed, std::move(message)); }
  static Status NotFound(std::string message) { return Status(Kind::kNotFound, std::move(message)); }
  static Status IoError(std::string message) { return Status(Kind::kIo, std::move(message)); }
  static Status Invalid(std::string message) { return Status(Kind::kInvalid, std::move(message)); }

  bool ok() const { return kind_ == Kind::kOk; }
  Kind kind() const { return kind_; }
  bool is_not_found() const { return kind_ == Kind::kNotFound; }
  const std::string& message() const;

  // Returns a copy whose message is "context: message", of the same kind; an
  // ok status stays ok.
  Status WithContext(const std::string& context) const;

 private:
  Status(Kind kind, std::string message) : kind_(kind), message_(std::move(message)) {}
  Kind kind_ = Kind::kOk;
  std::string message_;
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
