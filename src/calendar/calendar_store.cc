#include "calendar/calendar_store.h"

#include "db/row_reader.h"
#include "db/table_sql.h"

namespace dh::calendar {
namespace {

constexpr const char* kSelectSwaps = "SELECT day, working, name FROM calendar_swaps ORDER BY day";
const std::string kInsertSwap =
    db::InsertSql("calendar_swaps", "day, working, name, created_by, created_at");

}  // namespace

Result<std::vector<DaySwap>> LoadSwaps(db::Connection& c) {
  return db::ReadAll<DaySwap>(
      c, kSelectSwaps, {}, [](db::RowCursor& row, DaySwap& s) { row(s.date, s.working, s.name); });
}

Status InsertSwap(db::Connection& c, const DaySwap& swap, int64_t created_by, int64_t now) {
  auto r = c.Exec(kInsertSwap,
                  {swap.date.ToString(), int64_t{swap.working}, swap.name, created_by, now});
  if (!r.ok() && r.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation(
        "date", "Ngày " + swap.date.ToVietnamese() + " đã có trong lịch hoán đổi.");
  return r.status();
}

}  // namespace dh::calendar
