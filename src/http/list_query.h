// One way to declare what a list route reads from its query string: its filters (each with a
// name, a type and the label an error names it by), its paging (limit and offset within
// bounds), and the {"items", "total"} answer (Response::List). A query the declaration does
// not allow is answered 400 naming the field, before any service is asked.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "http/request.h"

namespace dh::http {

struct ListFilter {
  enum class Type { kId, kText, kDate };
  std::string_view name;  // as the query string names it: "to_unit_id"
  Type type = Type::kText;
  std::string_view label;  // as the form labels it: "Đơn vị được đề nghị"
};

struct ListSpec {
  std::vector<ListFilter> filters;
  int64_t default_limit = 50;
  int64_t max_limit = 1000;
  // The columns `sort` may name ("deadline"; "-deadline" for descending); none: no sort.
  std::vector<std::string_view> sorts;
};

// A list query read against its ListSpec.
class ListQuery {
 public:
  // InvalidInput naming the field: an id that is not a whole number, a date not written
  // YYYY-MM-DD, a limit out of
  // 1..max_limit, a negative offset.
  static Result<ListQuery> Parse(const Request& req, const ListSpec& spec);

  int64_t limit() const { return limit_; }
  int64_t offset() const { return offset_; }
  std::optional<int64_t> Id(std::string_view name) const;
  std::optional<std::string> Text(std::string_view name) const;
  std::optional<Date> Day(std::string_view name) const;
  // The column asked for in `sort` ("" when none) and whether it is descending ("-title").
  const std::string& sort() const { return sort_; }
  bool descending() const { return descending_; }

 private:
  int64_t limit_ = 0, offset_ = 0;
  std::string sort_;
  bool descending_ = false;
  std::map<std::string, int64_t, std::less<>> ids_;
  std::map<std::string, std::string, std::less<>> texts_;
  std::map<std::string, Date, std::less<>> dates_;
};

}  // namespace dh::http
