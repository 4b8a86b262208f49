#include "db/row_reader.h"

#include <charconv>
#include <cstdlib>

namespace dh::db {
namespace {

constexpr const char* kInteger = "an integer";
constexpr const char* kNumber = "a number";
constexpr const char* kDate = "a date (YYYY-MM-DD)";

// Text that is a whole integer; "" reads as 0 (as Rows::Int has always read it).
bool ParseInt(const std::string& s, int64_t& out) {
  if (s.empty()) return (out = 0), true;
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

const char* TypeName(const Value& v) {
  switch (v.index()) {
    case 0:
      return "NULL";
    case 1:
      return "an integer";
    case 2:
      return "a real";
    case 3:
      return "text";
    default:
      return "bytes";
  }
}

}  // namespace

const char* ReadCell(const Value& v, int64_t& out) {
  if (auto* i = std::get_if<int64_t>(&v)) return (out = *i), nullptr;
  if (auto* d = std::get_if<double>(&v)) return (out = static_cast<int64_t>(*d)), nullptr;
  if (auto* s = std::get_if<std::string>(&v)) return ParseInt(*s, out) ? nullptr : kInteger;
  if (std::holds_alternative<std::monostate>(v)) return (out = 0), nullptr;
  return kInteger;
}

const char* ReadCell(const Value& v, int& out) {
  int64_t wide = 0;
  const char* expected = ReadCell(v, wide);
  out = static_cast<int>(wide);
  return expected;
}

const char* ReadCell(const Value& v, bool& out) {
  int64_t wide = 0;
  const char* expected = ReadCell(v, wide);
  out = wide != 0;
  return expected;
}

const char* ReadCell(const Value& v, double& out) {
  if (auto* d = std::get_if<double>(&v)) return (out = *d), nullptr;
  if (auto* i = std::get_if<int64_t>(&v)) return (out = static_cast<double>(*i)), nullptr;
  if (std::holds_alternative<std::monostate>(v)) return (out = 0), nullptr;
  if (auto* s = std::get_if<std::string>(&v)) {
    if (s->empty()) return (out = 0), nullptr;
    char* end = nullptr;
    out = std::strtod(s->c_str(), &end);
    return end == s->c_str() + s->size() ? nullptr : kNumber;
  }
  return kNumber;
}

const char* ReadCell(const Value& v, std::string& out) {
  if (auto* s = std::get_if<std::string>(&v)) return (out = *s), nullptr;
  if (auto* i = std::get_if<int64_t>(&v)) return (out = std::to_string(*i)), nullptr;
  if (auto* b = std::get_if<Blob>(&v)) return (out = b->bytes), nullptr;
  if (auto* d = std::get_if<double>(&v)) return (out = std::to_string(*d)), nullptr;
  out.clear();
  return nullptr;
}

const char* ReadCell(const Value& v, Date& out) {
  if (std::holds_alternative<std::monostate>(v)) return (out = Date()), nullptr;
  auto* s = std::get_if<std::string>(&v);
  const std::optional<Date> d = s ? Date::Parse(*s) : std::nullopt;
  if (!d) return kDate;
  out = *d;
  return nullptr;
}

bool RowCursor::NextIsNull() const {
  return error_.empty() && col_ < rows_->columns().size() && rows_->IsNull(row_, col_);
}

Status RowCursor::Finish() const {
  if (!error_.empty()) return Status::Internal(error_);
  if (col_ == rows_->columns().size()) return Status::Ok();
  return Status::Internal("row " + std::to_string(row_) + ": " +
                          std::to_string(rows_->columns().size()) + " columns, " +
                          std::to_string(col_) + " read");
}

const Value* RowCursor::Take() {
  if (!error_.empty()) return nullptr;
  if (col_ >= rows_->columns().size()) {
    error_ = "row " + std::to_string(row_) + ": only " + std::to_string(rows_->columns().size()) +
             " columns, more read";
    return nullptr;
  }
  return &rows_->At(row_, col_++);
}

void RowCursor::Fail(const char* expected) {
  const size_t col = col_ - 1;
  error_ = "row " + std::to_string(row_) + ", column " + std::to_string(col) + " (" +
           rows_->columns()[col] + "): " + expected + " expected, " +
           TypeName(rows_->At(row_, col)) + " found";
}

Result<int64_t> ReadInt(Connection& c, std::string_view sql, const Params& params) {
  DH_ASSIGN_OR_RETURN(std::optional<int64_t> v, ReadOne<int64_t>(c, sql, params));
  if (!v) return Status::Internal("no row from: " + std::string(sql));
  return *v;
}

}  // namespace dh::db
