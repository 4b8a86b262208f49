#include "http/list_query.h"

#include "core/message.h"

namespace dh::http {
namespace {

constexpr MessageText kLimit{
    "list.limit",
    "Tham số limit phải từ 1 đến {max}.",
    "The parameter limit must be from 1 to {max}.",
};
constexpr MessageText kOffset{
    "list.offset",
    "Tham số offset không được âm.",
    "The parameter offset must not be negative.",
};
constexpr MessageText kSort{
    "list.sort",
    "Tham số sort phải là một trong: {sorts} (thêm - phía trước để xếp giảm dần).",
    "The parameter sort must be one of: {sorts} (with - before it for descending order).",
};
constexpr MessageText kNoSort{
    "list.no_sort",
    "Danh sách này không sắp xếp được theo cột khác.",
    "This list cannot be sorted by another column.",
};
constexpr MessageText kFilterDate{
    "list.filter_date",
    "{label} ({name}) phải là một ngày theo dạng YYYY-MM-DD, ví dụ 2025-07-01.",
    "{label} ({name}) must be a date written YYYY-MM-DD, for example 2025-07-01.",
};
constexpr MessageText kFilterId{
    "list.filter_id",
    "{label} ({name}) phải là một số nguyên.",
    "{label} ({name}) must be a whole number.",
};

// limit (1…max, default `def`) and offset (≥ 0).
Status Paging(const Request& r, int64_t* limit, int64_t* offset, int64_t def, int64_t max) {
  DH_ASSIGN_OR_RETURN(auto l, QueryInt(r, "limit"));
  DH_ASSIGN_OR_RETURN(auto o, QueryInt(r, "offset"));
  *limit = l.value_or(def);
  *offset = o.value_or(0);
  if (*limit < 1 || *limit > max) return Status::InvalidInput("limit", Say(kLimit, {{"max", max}}));
  if (*offset < 0) return Status::InvalidInput("offset", Say(kOffset));
  return Status::Ok();
}

// `sort`: one of the spec's columns, "-" before it for descending.
Status Sorting(const Request& r, const ListSpec& spec, std::string* sort, bool* descending) {
  auto v = r.Query("sort");
  if (!v) return Status::Ok();
  *descending = v->front() == '-';
  *sort = *descending ? v->substr(1) : *v;
  std::string allowed;
  for (std::string_view s : spec.sorts) {
    if (s == *sort) return Status::Ok();
    allowed += (allowed.empty() ? "" : ", ") + std::string(s);
  }
  if (spec.sorts.empty()) return Status::InvalidInput("sort", Say(kNoSort), "invalid_sort");
  return Status::InvalidInput("sort", Say(kSort, {{"sorts", allowed}}), "invalid_sort");
}

}  // namespace

Result<ListQuery> ListQuery::Parse(const Request& req, const ListSpec& spec) {
  ListQuery q;
  for (const ListFilter& f : spec.filters) {
    const std::string name(f.name);
    auto v = req.Query(name);
    if (!v) continue;
    if (f.type == ListFilter::Type::kText) {
      q.texts_.emplace(name, *v);
      continue;
    }
    if (f.type == ListFilter::Type::kDate) {
      auto day = Date::Parse(*v);
      if (!day)
        return Status::InvalidInput(
            name, Say(kFilterDate, {{"label", Label{std::string(f.label), ""}}, {"name", name}}));
      q.dates_.emplace(name, *day);
      continue;
    }
    auto id = QueryInt(req, name);
    if (!id.ok())
      return Status::InvalidInput(
          name, Say(kFilterId, {{"label", Label{std::string(f.label), ""}}, {"name", name}}));
    q.ids_.emplace(name, **id);
  }
  DH_RETURN_IF_ERROR(Paging(req, &q.limit_, &q.offset_, spec.default_limit, spec.max_limit));
  DH_RETURN_IF_ERROR(Sorting(req, spec, &q.sort_, &q.descending_));
  return q;
}

std::optional<int64_t> ListQuery::Id(std::string_view name) const {
  auto it = ids_.find(name);
  return it == ids_.end() ? std::nullopt : std::optional<int64_t>(it->second);
}

std::optional<std::string> ListQuery::Text(std::string_view name) const {
  auto it = texts_.find(name);
  return it == texts_.end() ? std::nullopt : std::optional<std::string>(it->second);
}

std::optional<Date> ListQuery::Day(std::string_view name) const {
  auto it = dates_.find(name);
  return it == dates_.end() ? std::nullopt : std::optional<Date>(it->second);
}

}  // namespace dh::http
