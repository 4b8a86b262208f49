#include "db/connection.h"

namespace dh::db {

bool Rows::IsNull(size_t r, size_t c) const {
  return std::holds_alternative<std::monostate>(rows_[r][c]);
}

int64_t Rows::Int(size_t r, size_t c) const {
  const Value& v = rows_[r][c];
  if (auto* i = std::get_if<int64_t>(&v)) return *i;
  if (auto* d = std::get_if<double>(&v)) return static_cast<int64_t>(*d);
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stoll(*s);
  return 0;
}

double Rows::Real(size_t r, size_t c) const {
  const Value& v = rows_[r][c];
  if (auto* d = std::get_if<double>(&v)) return *d;
  if (auto* i = std::get_if<int64_t>(&v)) return static_cast<double>(*i);
  if (auto* s = std::get_if<std::string>(&v)) return s->empty() ? 0 : std::stod(*s);
  return 0;
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
