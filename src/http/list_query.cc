#include "http/list_query.h"

namespace dh::http {
namespace {

// limit (1…max, default `def`) and offset (≥ 0).
Status Paging(const Request& r, int64_t* limit, int64_t* offset, int64_t def, int64_t max) {
  DH_ASSIGN_OR_RETURN(auto l, QueryInt(r, "limit"));
  DH_ASSIGN_OR_RETURN(auto o, QueryInt(r, "offset"));
  *limit = l.value_or(def);
  *offset = o.value_or(0);
  if (*limit < 1 || *limit > max)
    return Status::InvalidInput("limit",
                                "Tham số limit phải từ 1 đến " + std::to_string(max) + ".");
  if (*offset < 0) return Status::InvalidInput("offset", "Tham số offset không được âm.");
  return Status::Ok();
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
        return Status::InvalidInput(name, std::string(f.label) + " (" + name +
                                              ") phải là một ngày theo dạng YYYY-MM-DD, ví dụ "
                                              "2025-07-01.");
      q.dates_.emplace(name, *day);
      continue;
    }
    auto id = QueryInt(req, name);
    if (!id.ok())
      return Status::InvalidInput(name,
                                  std::string(f.label) + " (" + name + ") phải là một số nguyên.");
    q.ids_.emplace(name, **id);
  }
  DH_RETURN_IF_ERROR(Paging(req, &q.limit_, &q.offset_, spec.default_limit, spec.max_limit));
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
