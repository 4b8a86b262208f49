#include "db/bulk_insert.h"

#include <charconv>

#include "db/table_sql.h"

namespace dh::db {
namespace {

// Text as COPY's text format takes it: the four characters that would end or change a
// value escaped with a backslash, every other byte as it is (UTF-8 passes through).
void AppendEscaped(std::string_view s, std::string& out) {
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    const char* escape = nullptr;
    switch (s[i]) {
      case '\\':
        escape = "\\\\";
        break;
      case '\t':
        escape = "\\t";
        break;
      case '\n':
        escape = "\\n";
        break;
      case '\r':
        escape = "\\r";
        break;
      default:
        continue;
    }
    out.append(s.data() + run, i - run);
    out += escape;
    run = i + 1;
  }
  out.append(s.data() + run, s.size() - run);
}

void AppendValue(const Value& v, std::string& out) {
  char buf[32];
  if (const auto* n = std::get_if<int64_t>(&v)) {
    out.append(buf, std::to_chars(buf, buf + sizeof buf, *n).ptr);
  } else if (const auto* d = std::get_if<double>(&v)) {
    out.append(buf, std::to_chars(buf, buf + sizeof buf, *d).ptr);  // shortest exact text
  } else if (const auto* s = std::get_if<std::string>(&v)) {
    AppendEscaped(*s, out);
  } else if (const auto* b = std::get_if<Blob>(&v)) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += "\\\\x";  // bytea's "\x…", its backslash escaped
    for (unsigned char ch : b->bytes) {
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  } else {
    out += "\\N";
  }
}

Status WrongWidth(size_t got, size_t want) {
  return Status::Internal("bulk insert: a row of " + std::to_string(got) + " values for " +
                          std::to_string(want) + " columns");
}

// Any backend without a bulk path of its own (SQLite): rows gathered kRowsPerInsert at a
// time into one multi-row INSERT, prepared once (the connection's statement cache) and
// bound from one reused parameter vector; the rows left at the end one INSERT each. Per row,
// a statement of many rows runs SQLite's per-statement work (the AUTOINCREMENT counter read
// and written back, the statement's end) once for all of them.
class InsertWriter final : public BulkWriter {
 public:
  InsertWriter(Connection& c, const BulkTarget& target)
      : c_(c),
        columns_(ColumnCount(target.columns)),
        one_(InsertSql(target.table, target.columns)) {
    const std::string row = one_.substr(one_.find(" VALUES ") + 8);
    full_ = one_;
    for (size_t i = 1; i < kRowsPerInsert; ++i) (full_ += ", ") += row;
    pending_.reserve(columns_ * kRowsPerInsert);
  }
  Status Add(const Params& row) override {
    if (row.size() != columns_) return WrongWidth(row.size(), columns_);
    pending_.insert(pending_.end(), row.begin(), row.end());
    ++added_;
    if (pending_.size() < columns_ * kRowsPerInsert) return Status::Ok();
    Status s = c_.Exec(full_, pending_).status();
    pending_.clear();
    return s;
  }
  Status Finish() override {
    Params one;
    for (size_t from = 0; from < pending_.size(); from += columns_) {
      one.assign(pending_.begin() + from, pending_.begin() + from + columns_);
      DH_RETURN_IF_ERROR(c_.Exec(one_, one).status());
    }
    pending_.clear();
    return Status::Ok();
  }
  size_t added() const override { return added_; }

 private:
  Connection& c_;
  const size_t columns_;
  const std::string one_;
  std::string full_;
  Params pending_;
  size_t added_ = 0;
};

}  // namespace

void AppendCopyRow(const Params& row, std::string& out) {
  for (size_t i = 0; i < row.size(); ++i) {
    if (i) out += '\t';
    AppendValue(row[i], out);
  }
  out += '\n';
}

size_t ColumnCount(std::string_view columns) {
  size_t n = 0;
  for (char ch : columns) n += ch == ',';
  return columns.find_first_not_of(' ') == std::string_view::npos ? 0 : n + 1;
}

std::string CopySql(const BulkTarget& target) {
  return "COPY " + std::string(target.table) + " (" + std::string(target.columns) + ") FROM STDIN";
}

Result<std::unique_ptr<BulkWriter>> OpenBulkWriter(Connection& c, const BulkTarget& target) {
  if (auto* copying = dynamic_cast<BulkCopying*>(&c))
    return copying->CopyIn(CopySql(target), ColumnCount(target.columns));
  return std::unique_ptr<BulkWriter>(std::make_unique<InsertWriter>(c, target));
}

}  // namespace dh::db
