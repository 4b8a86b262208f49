#include "calendar/calendar_service.h"

#include <boost/json.hpp>

#include "audit/recorder.h"
#include "calendar/calendar_messages.h"
#include "calendar/calendar_store.h"
#include "db/read_value.h"

namespace dh::calendar {

namespace bj = boost::json;

Status CalendarService::Load() {
  DH_ASSIGN_OR_RETURN(std::vector<DaySwap> swaps,
                      db::ReadValue(db_, [&](db::Connection& c) { return LoadSwaps(c); }));
  auto cal = std::make_shared<const WorkCalendar>(std::move(swaps));
  holder_.Set(cal);
  std::vector<Listener> listeners;
  {
    std::lock_guard lock(listeners_mu_);
    listeners = listeners_;
  }
  for (const Listener& l : listeners) l(*cal);
  return Status::Ok();
}

void CalendarService::OnChange(Listener listener) {
  std::lock_guard lock(listeners_mu_);
  listeners_.push_back(std::move(listener));
}

Result<DaySwap> CalendarService::AddSwap(const auth::Principal& who, const DaySwap& swap) {
  if (!who.Can(auth::Permission::kCalendarWrite))
    return Status::Forbidden(Say(msg::kOnlySystemAdministratorEnterSwapped));
  const int wd = swap.date.weekday();
  const bool weekend = wd == 0 || wd == 6;
  if (swap.working && !weekend)
    return Status::InvalidInput("working", Say(msg::kMakeUpWorkingDayMust));
  if (!swap.working && weekend)
    return Status::InvalidInput("working", Say(msg::kSwappedDayOffMustWeekday));
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(InsertSwap(c, swap, who.user_id, clock_.NowSeconds()));
    return audit::Record(
        c, &who,
        {"calendar.swap", "calendar", std::nullopt, std::nullopt, nullptr,
         bj::object{
             {"date", swap.date.ToString()}, {"working", swap.working}, {"name", swap.name}}},
        clock_.NowSeconds());
  }));
  DH_RETURN_IF_ERROR(Load());
  return swap;
}

}  // namespace dh::calendar
