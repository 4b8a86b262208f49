// Reading result rows into structs. A store states its SQL, its parameters and which field
// each column goes to, and nothing else:
//
//   void Fields(db::RowCursor& row, Attachment& a) {
//     row(a.id, a.owner_kind, a.owner_id, a.sha256, a.filename, a.size, a.mime, a.uploaded_by,
//         a.created_at);
//   }
//   return db::ReadAll<Attachment>(c, kOfOwner, {owner_kind, owner_id}, Fields);
//
// The cursor reads the columns left to right, each by the type of its field: int64_t, int,
// bool, double, std::string, Date, and std::optional of each (NULL is nullopt; NULL into a
// plain field is 0, false, "" or Date(), as Rows::Int and Rows::Text read it). A text column
// that names an enum or a period goes through db::As(field, parse, fallback).
//
// Every cell must fit its field and every column must be read: a number column holding text,
// a date that is no date, a column too many or too few comes back as Status::Internal naming
// the column (the SELECT and its struct have drifted apart), never as a half-filled struct.
#pragma once

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/date.h"
#include "core/status.h"
#include "db/connection.h"
#include "db/sql_lists.h"

namespace dh::db {

// A text column read through `parse` (which returns an optional or a Result); what it cannot
// read becomes `fallback`, as the stores have always read an unknown name.
template <typename T, typename Parse>
struct Parsed {
  T* out;
  Parse parse;
  T fallback;
};
template <typename T, typename Parse>
Parsed<T, Parse> As(T& out, Parse parse, T fallback) {
  return {&out, std::move(parse), std::move(fallback)};
}

// Each returns nullptr when the cell fits, else what the field expected ("an integer").
const char* ReadCell(const Value& v, int64_t& out);
const char* ReadCell(const Value& v, int& out);
const char* ReadCell(const Value& v, bool& out);
const char* ReadCell(const Value& v, double& out);
const char* ReadCell(const Value& v, std::string& out);
const char* ReadCell(const Value& v, Date& out);
template <typename T>
const char* ReadCell(const Value& v, std::optional<T>& out) {
  if (std::holds_alternative<std::monostate>(v)) {
    out.reset();
    return nullptr;
  }
  T value{};
  const char* expected = ReadCell(v, value);
  out = std::move(value);
  return expected;
}

// One row of a result, read column by column: `row(a.id, a.name)` reads the next two.
class RowCursor {
 public:
  RowCursor(const Rows& rows, size_t row) : rows_(&rows), row_(row) {}

  template <typename... Out>
  RowCursor& operator()(Out&&... out) {
    (Next(out), ...);
    return *this;
  }
  // True when there is a next column and it is NULL.
  bool NextIsNull() const;
  // Ok when every cell fitted its field and every column was read.
  Status Finish() const;

 private:
  template <typename T>
  void Next(T& out) {
    const Value* v = Take();
    if (!v) return;
    if (const char* expected = ReadCell(*v, out)) Fail(expected);
  }
  template <typename T, typename Parse>
  void Next(Parsed<T, Parse>& p) {
    std::string text;
    Next(text);
    if (error_.empty()) *p.out = OrFallback(p.parse(text), std::move(p.fallback));
  }
  template <typename A, typename B>
  void Next(std::pair<A, B>& p) {
    Next(p.first);
    Next(p.second);
  }
  template <typename T, typename V>
  static T OrFallback(std::optional<V> v, T fallback) {
    return v ? T(std::move(*v)) : std::move(fallback);
  }
  template <typename T, typename V>
  static T OrFallback(Result<V> v, T fallback) {
    return v.ok() ? T(std::move(*v)) : std::move(fallback);
  }
  // The next cell; nullptr once a cell did not fit or past the last column (then kept as
  // the error).
  const Value* Take();
  void Fail(const char* expected);

  const Rows* rows_;
  size_t row_;
  size_t col_ = 0;
  std::string error_;
};

// Reads a lone value (`ReadAll<int64_t>`) or a pair of them.
template <typename T>
void ReadFields(RowCursor& row, T& out) {
  row(out);
}

// Every row of `rows`, each read into a default T by `read(row, t)`, in order.
template <typename T, typename Read = void (*)(RowCursor&, T&)>
Result<std::vector<T>> ReadAll(const Rows& rows, Read read = ReadFields<T>) {
  std::vector<T> out(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    RowCursor row(rows, i);
    read(row, out[i]);
    DH_RETURN_IF_ERROR(row.Finish());
  }
  return out;
}

// The rows of one statement.
template <typename T, typename Read = void (*)(RowCursor&, T&)>
Result<std::vector<T>> ReadAll(Connection& c, std::string_view sql, const Params& params,
                               Read read = ReadFields<T>) {
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  return ReadAll<T>(rows, read);
}

// The first row of one statement; nullopt when it has none.
template <typename T, typename Read = void (*)(RowCursor&, T&)>
Result<std::optional<T>> ReadOne(Connection& c, std::string_view sql, const Params& params,
                                 Read read = ReadFields<T>) {
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  if (rows.empty()) return std::optional<T>();
  T out{};
  RowCursor row(rows, 0);
  read(row, out);
  DH_RETURN_IF_ERROR(row.Finish());
  return std::optional<T>(std::move(out));
}

// The first of the rows a read returned; nullopt when there are none.
template <typename T>
Result<std::optional<T>> First(Result<std::vector<T>> rows) {
  if (!rows.ok()) return rows.status();
  if (rows->empty()) return std::optional<T>();
  return std::optional<T>(std::move(rows->front()));
}

// One page of a list and the total (CountAndPage, db/sql_lists.h), each row read by `read`.
template <typename T, typename Read>
Result<std::vector<T>> ReadPage(Connection& c, const PageSql& sql,
                                const std::optional<std::string>& where, Params params,
                                int64_t limit, int64_t offset, int64_t* total, Read read) {
  DH_ASSIGN_OR_RETURN(Rows rows,
                      CountAndPage(c, sql, where, std::move(params), limit, offset, total));
  return ReadAll<T>(rows, read);
}

// The rows of `sql` + an IN list over `values` (`sql` ends where the list goes), in batches of
// kInListBatch values, batch after batch.
inline constexpr size_t kInListBatch = 500;
template <typename T, typename V, typename Read = void (*)(RowCursor&, T&)>
Result<std::vector<T>> ReadAllIn(Connection& c, std::string_view sql, const std::vector<V>& values,
                                 Read read = ReadFields<T>) {
  std::vector<T> out;
  for (size_t from = 0; from < values.size(); from += kInListBatch) {
    const size_t n = std::min(kInListBatch, values.size() - from);
    const Params params(values.begin() + from, values.begin() + from + n);
    DH_ASSIGN_OR_RETURN(std::vector<T> part,
                        ReadAll<T>(c, std::string(sql) + InList(n), params, read));
    out.insert(out.end(), std::make_move_iterator(part.begin()),
               std::make_move_iterator(part.end()));
  }
  return out;
}

// Every row of `sql`, which takes the last id read and a batch size ("… WHERE id > ? ORDER BY
// id LIMIT ?"), `batch` rows at a time from id 0 on; `on_batch(std::vector<T>&&)` gets each
// batch that is not empty (T has an `id`) and returns a Status.
template <typename T, typename Read, typename OnBatch>
Status ForEachBatch(Connection& c, std::string_view sql, int64_t batch, Read read,
                    OnBatch on_batch) {
  for (int64_t after = 0;;) {
    DH_ASSIGN_OR_RETURN(std::vector<T> rows, ReadAll<T>(c, sql, {after, batch}, read));
    if (rows.empty()) return Status::Ok();
    const bool last = static_cast<int64_t>(rows.size()) < batch;
    after = rows.back().id;
    DH_RETURN_IF_ERROR(on_batch(std::move(rows)));
    if (last) return Status::Ok();
  }
}

// Child rows read as (parent id, child).
template <typename Child>
using ChildRows = std::vector<std::pair<int64_t, Child>>;

// Hands each parent the children that name it, in the children's order: add(parent, child).
template <typename Parent, typename Child, typename Add>
void AttachById(std::vector<Parent>& parents, const ChildRows<Child>& children, Add add) {
  std::unordered_map<int64_t, Parent*> by_id;
  for (Parent& p : parents) by_id[p.id] = &p;
  for (const auto& [id, child] : children)
    if (auto it = by_id.find(id); it != by_id.end()) add(*it->second, child);
}

// The same for parents sorted by id and children sorted by parent id, in one pass.
template <typename Parent, typename Child, typename Add>
void AttachSorted(std::vector<Parent>& parents, const ChildRows<Child>& children, Add add) {
  size_t j = 0;
  for (Parent& p : parents) {
    while (j < children.size() && children[j].first < p.id) ++j;
    while (j < children.size() && children[j].first == p.id) add(p, children[j++].second);
  }
}

// ForEachBatch, each batch with its children attached before its rows go to `visit(T&&)`:
// `children_sql` takes the batch's id range ("… WHERE parent_id > ? AND parent_id <= ?") and
// answers (parent id, child) sorted by parent id; `add(parent, child)` attaches one.
template <typename T, typename Child, typename Read, typename Add, typename Visit>
Status ForEachWithChildren(Connection& c, std::string_view sql, int64_t batch, Read read,
                           std::string_view children_sql, Add add, const Visit& visit) {
  return ForEachBatch<T>(c, sql, batch, read, [&](std::vector<T>&& rows) -> Status {
    using Row = std::pair<int64_t, Child>;
    DH_ASSIGN_OR_RETURN(ChildRows<Child> children,
                        ReadAll<Row>(c, children_sql, {rows.front().id - 1, rows.back().id}));
    AttachSorted(rows, children, add);
    for (T& row : rows) visit(std::move(row));
    return Status::Ok();
  });
}

// The one integer a statement answers (COUNT(*), RETURNING id); an error when it returns no
// row.
Result<int64_t> ReadInt(Connection& c, std::string_view sql, const Params& params = {});

// ForEachWithChildren over every row of a table by id, kIdBatch rows at a time: `select` is the
// statement's "SELECT … FROM table" part, the paging is added here.
inline constexpr int64_t kIdBatch = 20000;
template <typename T, typename Child, typename Read, typename Add, typename Visit>
Status ForEachById(Connection& c, std::string_view select, Read read, std::string_view children_sql,
                   Add add, const Visit& visit) {
  return ForEachWithChildren<T, Child>(c, std::string(select) + " WHERE id > ? ORDER BY id LIMIT ?",
                                       kIdBatch, read, children_sql, add, visit);
}

// `rows` (each T has an `id`, each named in `ids`) in the order of `ids`.
template <typename T>
std::vector<T> InOrderOf(const std::vector<int64_t>& ids, std::vector<T> rows) {
  std::unordered_map<int64_t, size_t> pos;
  for (size_t i = 0; i < ids.size(); ++i) pos.emplace(ids[i], i);
  std::sort(rows.begin(), rows.end(),
            [&](const T& a, const T& b) { return pos[a.id] < pos[b.id]; });
  return rows;
}

// The children of `parents` (each with an `id`) attached in place: `sql`, ending where the IN
// list goes, then the parents' ids, then `order` ("ORDER BY …") answers (parent id, child),
// each handed to add(parent, child).
template <typename Child, typename Parent, typename Add>
Status AttachChildrenIn(Connection& c, std::string_view sql, std::string_view order,
                        std::vector<Parent>& parents, Add add) {
  if (parents.empty()) return Status::Ok();
  Params ids;
  for (const Parent& p : parents) ids.push_back(p.id);
  using Row = std::pair<int64_t, Child>;
  DH_ASSIGN_OR_RETURN(
      ChildRows<Child> children,
      ReadAll<Row>(c, std::string(sql) + InList(ids.size()) + std::string(order), ids));
  AttachById(parents, children, add);
  return Status::Ok();
}

}  // namespace dh::db
