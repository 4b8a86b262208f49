#include "calendar/calendar_store.h"

namespace dh::calendar {
namespace {

constexpr const char* kSelectSwaps = "SELECT day, working, name FROM calendar_swaps ORDER BY day";
constexpr const char* kInsertSwap =
    "INSERT INTO calendar_swaps (day, working, name, created_by, created_at) VALUES (?, ?, ?, ?, "
    "?)";

}  // namespace

Result<std::vector<DaySwap>> LoadSwaps(db::Connection& c) {
  std::vector<DaySwap> swaps;
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectSwaps));
  for (size_t i = 0; i < r.size(); ++i)
    if (auto d = Date::Parse(r.Text(i, 0))) swaps.push_back({*d, r.Int(i, 1) != 0, r.Text(i, 2)});
  return swaps;
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
