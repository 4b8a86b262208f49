#include "db/connection.h"

#include <charconv>

#include "db/row_stream.h"

namespace dh::db {

bool Rows::IsNull(size_t r, size_t c) const {
  return std::holds_alternative<std::monostate>(rows_[r][c]);
}

namespace {

// A number column as T, whichever way the driver handed it over; `parse` reads a text one.
template <typename T, typename Parse>
T NumberOf(const Value& v, Parse parse) {
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<T>(*i);
  if (auto* d = std::get_if<double>(&v)) return static_cast<T>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : parse(*s);
  return 0;
}

}  // namespace

int64_t Rows::Int(size_t r, size_t c) const {
  return NumberOf<int64_t>(rows_[r][c], [](const std::string& s) { return std::stoll(s); });
}

double Rows::Real(size_t r, size_t c) const {
  return NumberOf<double>(rows_[r][c], [](const std::string& s) { return std::stod(s); });
}

std::string Rows::Text(size_t r, size_t c) const {
  const Value& v = rows_[r][c];
  if (auto* s = std::get_if<std::string>(&v)) return *s;
  if (auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
  if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
  if (auto* d = std::get_if<double>(&v)) return std::to_string(*d);
  return "";
}

std::optional<int64_t> Rows::OptInt(size_t r, size_t c) const {
  if (IsNull(r, c)) return std::nullopt;
  return Int(r, c);
}

std::optional<std::string> Rows::OptText(size_t r, size_t c) const {
  if (IsNull(r, c)) return std::nullopt;
  return Text(r, c);
}

namespace {

// A row of Rows seen through RowView (QueryEach on a Connection that does not stream).
class RowsRowView final : public RowView {
 public:
  explicit RowsRowView(const Rows& rows) : rows_(rows) {}
  void At(size_t row) { row_ = row; }
  bool IsNull(int col) const override { return rows_.IsNull(row_, col); }
  int64_t Int(int col) const override {
    const Value& v = rows_.At(row_, col);
    if (auto* s = std::get_if<std::string>(&v)) {
      int64_t n = 0;
      std::from_chars(s->data(), s->data() + s->size(), n);
      return n;
    }
    return rows_.Int(row_, col);
  }
  std::string_view Text(int col) const override {
    const Value& v = rows_.At(row_, col);
    if (auto* s = std::get_if<std::string>(&v)) return *s;
    if (auto* b = std::get_if<Blob>(&v)) return b->bytes;
    text_ = rows_.Text(row_, col);
    return text_;
  }

 private:
  const Rows& rows_;
  size_t row_ = 0;
  mutable std::string text_;
};

}  // namespace

Status QueryEach(Connection& c, std::string_view sql, const Params& params,
                 const RowVisitor& visit) {
  if (auto* streaming = dynamic_cast<RowStreaming*>(&c))
    return streaming->QueryEach(sql, params, visit);
  DH_ASSIGN_OR_RETURN(Rows rows, c.Query(sql, params));
  RowsRowView view(rows);
  for (size_t i = 0; i < rows.size(); ++i) {
    view.At(i);
    DH_RETURN_IF_ERROR(visit(view));
  }
  return Status::Ok();
}

std::string ToPostgresPlaceholders(std::string_view sql) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  char quote = 0;
  for (char c : sql) {
    if (quote) {
      if (c == quote) quote = 0;
      out.push_back(c);
    } else if (c == '\'' || c == '"') {
      quote = c;
      out.push_back(c);
    } else if (c == '?') {
      out += "$" + std::to_string(++n);
    } else {
      out.push_back(c);
    }
  }
  return out;
}

}  // namespace dh::db
