// db::BulkWriter on both databases (PostgreSQL: COPY … FROM STDIN; SQLite: multi-row
// INSERTs): every kind of value comes back exactly as it went in, whatever characters COPY's
// text format has to escape, and a failure anywhere leaves no row behind.
#include "db/bulk_insert.h"

#include <gtest/gtest.h>

#include <limits>

#include "db/migrations.h"
#include "support/store_test.h"

namespace dh::db {
namespace {

STORE_TEST_SUITE(BulkInsertTest);

constexpr const char* kSchema =
    "CREATE TABLE bulk_things (id {{ID}}, n BIGINT, t TEXT, x DOUBLE PRECISION, b {{BLOB}}, "
    "u TEXT NOT NULL UNIQUE)";
constexpr BulkTarget kThings{"bulk_things", "n, t, x, b, u"};
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
constexpr int64_t kMin = std::numeric_limits<int64_t>::min();

struct Thing {
  Value n, t, x, b;
};

Blob AllBytes() {
  Blob b;
  for (int i = 0; i < 256; ++i) b.bytes.push_back(static_cast<char>(i));
  return b;
}

// Each value COPY's text format could get wrong, beside plain ones.
const std::vector<Thing>& Cases() {
  static const std::vector<Thing> kCases = {
      {int64_t{1}, std::string("plain"), 1.5, Blob{"abc"}},
      {kMax, std::string("tab\there\t"), 0.1, AllBytes()},
      {kMin, std::string("line\nbreak\r\nend\n"), -2.5e-300, Blob{""}},
      {int64_t{0}, std::string("back\\slash \\N \\t \\\\"), 1e300, Value()},
      {int64_t{-1}, std::string("\\N"), Value(), Blob{"\\\t\n"}},
      {Value(), std::string("'single' \"double\" `back`; --"), 0.0, Blob{"\\x00"}},
      {int64_t{42}, std::string(""), 3.141592653589793, Value()},
      {int64_t{7}, Value(), -0.000001, Blob{std::string("\0\0", 2)}},
      {int64_t{9}, std::string("Đường Nguyễn Huệ, Phường Bến Nghé — Quận 1 ✓ 漢字 😀"), 1e-5,
       Blob{"Việt"}},
      {int64_t{1} << 53, std::string(" leading and trailing spaces "), 123456789.125, Value()},
  };
  return kCases;
}

void Bind(const Thing& t, size_t i, Params& out) {
  out.insert(out.end(), {t.n, t.t, t.x, t.b, "u" + std::to_string(i)});
}

void ExpectSame(const Value& got, const Value& want, const std::string& where) {
  ASSERT_EQ(got.index(), want.index()) << where;
  if (const auto* b = std::get_if<Blob>(&want)) {
    EXPECT_EQ(std::get<Blob>(got).bytes, b->bytes) << where;
  } else if (const auto* s = std::get_if<std::string>(&want)) {
    EXPECT_EQ(std::get<std::string>(got), *s) << where;
  } else if (const auto* n = std::get_if<int64_t>(&want)) {
    EXPECT_EQ(std::get<int64_t>(got), *n) << where;
  } else if (const auto* d = std::get_if<double>(&want)) {
    EXPECT_EQ(std::get<double>(got), *d) << where;
  }
}

class Things {
 public:
  explicit Things(size_t count) : count_(count) {}
  const Thing& operator[](size_t i) const { return Cases()[i % Cases().size()]; }
  size_t size() const { return count_; }

 private:
  size_t count_;
};

// `count` rows cycling over the cases through one writer; row `bad` (if any) has a NULL where
// NOT NULL is required.
Status WriteThings(Connection& c, size_t count, size_t bad = SIZE_MAX) {
  DH_ASSIGN_OR_RETURN(std::unique_ptr<BulkWriter> w, OpenBulkWriter(c, kThings));
  const Things things(count);
  Params row;
  for (size_t i = 0; i < count; ++i) {
    row.clear();
    Bind(things[i], i, row);
    if (i == bad) row.back() = Value();
    DH_RETURN_IF_ERROR(w->Add(row));
  }
  return w->Finish();
}

Status CreateThings(Connection& c) { return c.ExecScript(ForDialect(kSchema, c.dialect())); }

TEST_P(BulkInsertTest, EveryValueRoundTripsExactly) {
  ASSERT_TRUE(Write(CreateThings).ok());
  // Full multi-row INSERTs, the rows left over, and several COPY batches.
  const size_t count = 3 * kRowsPerInsert + 7;
  const Status wrote = Write([&](Connection& c) { return WriteThings(c, count); });
  ASSERT_TRUE(wrote.ok()) << wrote.ToString();
  const Rows rows = MustRead<Rows>(
      [](Connection& c) { return c.Query("SELECT n, t, x, b, u FROM bulk_things ORDER BY id"); });
  ASSERT_EQ(rows.size(), count);
  const Things things(count);
  for (size_t i = 0; i < count; ++i) {
    const std::string where = "row " + std::to_string(i);
    ExpectSame(rows.At(i, 0), things[i].n, where + " n");
    ExpectSame(rows.At(i, 1), things[i].t, where + " t");
    ExpectSame(rows.At(i, 2), things[i].x, where + " x");
    ExpectSame(rows.At(i, 3), things[i].b, where + " b");
    EXPECT_EQ(rows.Text(i, 4), "u" + std::to_string(i));
  }
}

TEST_P(BulkInsertTest, ManyRowsGoInWholeThroughOneWriter) {
  ASSERT_TRUE(Write(CreateThings).ok());
  const size_t count = 20011;  // several COPY batches of 256 KiB; 200 INSERTs and 11 left
  ASSERT_TRUE(Write([&](Connection& c) { return WriteThings(c, count); }).ok());
  const Rows rows = MustRead<Rows>(
      [](Connection& c) { return c.Query("SELECT COUNT(*), COUNT(DISTINCT u) FROM bulk_things"); });
  EXPECT_EQ(rows.Int(0, 0), static_cast<int64_t>(count));
  EXPECT_EQ(rows.Int(0, 1), static_cast<int64_t>(count));
}

// A failing row anywhere — in the first batch, mid-way, the last row — fails the write, and
// the transaction it was in keeps nothing: not the rows before it, not the other statements.
TEST_P(BulkInsertTest, AFailingRowLeavesNoRows) {
  ASSERT_TRUE(Write(CreateThings).ok());
  for (size_t bad : {size_t{0}, size_t{5000}, size_t{9999}}) {
    const Status s = Write([&](Connection& c) -> Status {
      DH_RETURN_IF_ERROR(c.Exec("INSERT INTO bulk_things (u) VALUES ('before')").status());
      return WriteThings(c, 10000, bad);
    });
    EXPECT_FALSE(s.ok()) << "bad row " << bad;
    const Rows n =
        MustRead<Rows>([](Connection& c) { return c.Query("SELECT COUNT(*) FROM bulk_things"); });
    EXPECT_EQ(n.Int(0, 0), 0) << "bad row " << bad;
  }
  // The connection is fine afterwards.
  ASSERT_TRUE(Write([&](Connection& c) { return WriteThings(c, 3); }).ok());
}

TEST_P(BulkInsertTest, AWriterDroppedUnfinishedOrARowOfTheWrongWidthKeepsNothing) {
  ASSERT_TRUE(Write(CreateThings).ok());
  const Status dropped = Write([&](Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(std::unique_ptr<BulkWriter> w, OpenBulkWriter(c, kThings));
    Params row;
    for (size_t i = 0; i < 2 * kRowsPerInsert + 1; ++i) {
      row.clear();
      Bind(Cases()[0], i, row);
      DH_RETURN_IF_ERROR(w->Add(row));
    }
    return Status::Internal("the caller found something wrong");
  });
  EXPECT_FALSE(dropped.ok());
  const Status narrow = Write([&](Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(std::unique_ptr<BulkWriter> w, OpenBulkWriter(c, kThings));
    DH_RETURN_IF_ERROR(w->Add({int64_t{1}, std::string("u1")}));
    return w->Finish();
  });
  EXPECT_FALSE(narrow.ok());
  const Rows n =
      MustRead<Rows>([](Connection& c) { return c.Query("SELECT COUNT(*) FROM bulk_things"); });
  EXPECT_EQ(n.Int(0, 0), 0);
}

TEST(CopyTextTest, EscapesWhatWouldEndOrChangeAValue) {
  std::string out;
  AppendCopyRow({int64_t{-5}, Value(), std::string("a\tb\nc\\d\re"), Blob{"\x01\xff"}, 0.5}, out);
  EXPECT_EQ(out, "-5\t\\N\ta\\tb\\nc\\\\d\\re\t\\\\x01ff\t0.5\n");
  EXPECT_EQ(ColumnCount("a, b,c"), 3u);
  EXPECT_EQ(ColumnCount(""), 0u);
  EXPECT_EQ(CopySql(kThings), "COPY bulk_things (n, t, x, b, u) FROM STDIN");
}

}  // namespace
}  // namespace dh::db
