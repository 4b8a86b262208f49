// The working-day calendar as the admins keep it: the swaps they enter (work a Saturday,
// rest a weekday) over the statutory holidays. Holds the current WorkCalendar for every
// feature that counts working days, and tells those that keep derived state (a read
// model's effective deadlines) when it changes.
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <vector>

#include "calendar/work_calendar.h"
#include "core/date.h"
#include "db/database.h"
#include "http/principal.h"

namespace dh::calendar {

class CalendarService {
 public:
  using Listener = std::function<void(const WorkCalendar&)>;

  CalendarService(db::Database& db, const Clock& clock, CalendarHolder& holder)
      : db_(db), clock_(clock), holder_(holder) {}

  // The current calendar; cheap, safe from any thread.
  std::shared_ptr<const WorkCalendar> Get() const { return holder_.Get(); }
  Date Today() const { return clock_.Today(); }
  // Reads the swaps again and replaces the current calendar, then tells the listeners. A
  // change feed calls it when another process has entered a swap.
  Status Load();
  // Called with the new calendar after every Load, on the loading thread. Register before
  // serving; the listener must outlive this service's use.
  void OnChange(Listener listener);

  // Admins only. A working swap must be a Saturday or a Sunday; a day off, a weekday.
  Result<DaySwap> AddSwap(const auth::Principal& who, const DaySwap& swap);

 private:
  db::Database& db_;
  const Clock& clock_;
  CalendarHolder& holder_;
  std::mutex listeners_mu_;
  std::vector<Listener> listeners_;  // GUARDED_BY(listeners_mu_)
};

}  // namespace dh::calendar
