// Errors as values. Store and service functions return Status or Result<T>; the HTTP
// layer maps a Status to a response in exactly one place (http/errors.cc).
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <variant>

namespace dh {

enum class StatusCode {
  kOk,
  kInvalidInput,     // 400 / 422: the caller sent something wrong; `field` names it
  kUnauthenticated,  // 401
  kForbidden,        // 403: authenticated but the role does not allow the action
  kNotFound,         // 404: absent, or outside the caller's scope
  kConflict,         // 409: valid input that clashes with the current state
  kUniqueViolation,  // 409: a unique key already exists
  kTooManyRequests,  // 429
  kPayloadTooLarge,  // 413
  kInternal,         // 500: a bug or a failing dependency; never caused by input
  // 415: the bytes are not of a type this upload takes (an attachment, an import).
  kUnsupportedMediaType,
};

class Status {
 public:
  Status() = default;
  static Status Ok() { return Status(); }
  static Status InvalidInput(std::string field, std::string message,
                             std::string code = "invalid_input") {
    return Status(StatusCode::kInvalidInput, std::move(code), std::move(message), std::move(field));
  }
  static Status NotFound(std::string message, std::string code = "not_found") {
    return Status(StatusCode::kNotFound, std::move(code), std::move(message));
  }
  static Status Conflict(std::string message, std::string code = "conflict",
                         std::string field = "") {
    return Status(StatusCode::kConflict, std::move(code), std::move(message), std::move(field));
  }
  static Status UniqueViolation(std::string field, std::string message) {
    return Status(StatusCode::kUniqueViolation, "already_exists", std::move(message),
                  std::move(field));
  }
  static Status Forbidden(std::string message, std::string code = "forbidden") {
    return Status(StatusCode::kForbidden, std::move(code), std::move(message));
  }
  static Status Unauthenticated(std::string message, std::string code = "unauthenticated") {
    return Status(StatusCode::kUnauthenticated, std::move(code), std::move(message));
  }
  static Status TooManyRequests(std::string message, int retry_after_seconds) {
    Status s(StatusCode::kTooManyRequests, "too_many_attempts", std::move(message));
    s.retry_after_ = retry_after_seconds;
    return s;
  }
  static Status PayloadTooLarge(std::string message) {
    return Status(StatusCode::kPayloadTooLarge, "payload_too_large", std::move(message));
  }
  static Status UnsupportedMediaType(std::string field, std::string message,
                                     std::string code = "unsupported_media_type") {
    return Status(StatusCode::kUnsupportedMediaType, std::move(code), std::move(message),
                  std::move(field));
  }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, "internal", std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& error_code() const { return error_code_; }
  const std::string& message() const { return message_; }
  const std::string& field() const { return field_; }
  int retry_after() const { return retry_after_; }
  std::string ToString() const;

 private:
  Status(StatusCode code, std::string error_code, std::string message, std::string field = "")
      : code_(code),
        error_code_(std::move(error_code)),
        message_(std::move(message)),
        field_(std::move(field)) {}

  StatusCode code_ = StatusCode::kOk;
  std::string error_code_;
  std::string message_;
  std::string field_;
  int retry_after_ = 0;
};

// A value or the Status that explains its absence.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {}  // NOLINT
  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& operator*() { return *value_; }
  const T& operator*() const { return *value_; }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace dh

#define DH_RETURN_IF_ERROR(expr)             \
  do {                                       \
    ::dh::Status dh_status_ = (expr);        \
    if (!dh_status_.ok()) return dh_status_; \
  } while (0)

#define DH_CONCAT_INNER(a, b) a##b
#define DH_CONCAT(a, b) DH_CONCAT_INNER(a, b)
#define DH_ASSIGN_OR_RETURN(lhs, expr) \
  DH_ASSIGN_OR_RETURN_IMPL(DH_CONCAT(dh_r_, __LINE__), lhs, expr)
#define DH_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()
