#include "tasks/task_checks.h"

#include <algorithm>
#include <string>

#include "calendar/deadline.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"

namespace dh::tasks {
namespace msg {
namespace {

constexpr MessageText kMilestoneAfterDeadline{
    "tasks.milestone_after_deadline",
    "Mốc {label} ({due}) sau hạn hoàn thành {deadline}; đặt mốc không muộn hơn hạn.",
    "The milestone {label} ({due}) falls after the deadline {deadline}; set it no later than the "
    "deadline.",
};
constexpr MessageText kMilestoneGoesDown{
    "tasks.milestone_goes_down",
    "Kế hoạch lũy kế (%) của mốc {label} ({percent} %) thấp hơn mốc trước ({before} %); kế hoạch "
    "lũy kế chỉ tăng dần.",
    "The cumulative plan (%) of the milestone {label} ({percent} %) is below the one before "
    "({before} %); a cumulative plan only goes up.",
};
constexpr MessageText kLastMilestone100{
    "tasks.last_milestone_100",
    "Mốc cuối cùng {label} phải có kế hoạch lũy kế 100 % (đang là {percent} %).",
    "The last milestone {label} must plan 100 % cumulatively (it is {percent} %).",
};

}  // namespace
}  // namespace msg

Status CheckMilestones(const std::vector<Milestone>& milestones, std::optional<Date> deadline) {
  if (milestones.empty()) return Status::Ok();
  std::vector<const Milestone*> by_date;
  for (const Milestone& m : milestones) by_date.push_back(&m);
  std::stable_sort(by_date.begin(), by_date.end(),
                   [](const Milestone* a, const Milestone* b) { return a->due_on < b->due_on; });
  const auto name = [](const Milestone& m) { return "“" + m.label + "”"; };
  int before = 0;
  for (const Milestone* m : by_date) {
    if (deadline && *deadline < m->due_on)
      return Status::InvalidInput("milestones", Say(msg::kMilestoneAfterDeadline,
                                                    {{"label", name(*m)},
                                                     {"due", m->due_on.ToVietnamese()},
                                                     {"deadline", deadline->ToVietnamese()}}));
    if (m->planned_percent < before)
      return Status::InvalidInput(
          "milestones", Say(msg::kMilestoneGoesDown, {{"label", name(*m)},
                                                      {"percent", int64_t{m->planned_percent}},
                                                      {"before", int64_t{before}}}));
    before = m->planned_percent;
  }
  if (before != 100)
    return Status::InvalidInput(
        "milestones", Say(msg::kLastMilestone100,
                          {{"label", name(*by_date.back())}, {"percent", int64_t{before}}}));
  return Status::Ok();
}

Status CheckStartDate(Date start_on, std::optional<Date> deadline) {
  if (!deadline || !(*deadline < start_on)) return Status::Ok();
  return Status::InvalidInput(
      "start_on", Say(msg::kStartAfterDeadline, {{"start", start_on.ToVietnamese()},
                                                 {"deadline", deadline->ToVietnamese()}}));
}

DeadlineCheck CheckDeadline(Date date, Date today, const calendar::WorkCalendar& cal) {
  DeadlineCheck out;
  out.date = date;
  out.effective = calendar::EffectiveDeadline(date, cal);
  out.day_off = out.effective != date;
  out.past = out.effective < today;
  out.working_days_left = calendar::WorkingDaysLeft(date, today, cal);
  return out;
}

Date WorkingWeekEnd(Date today, const calendar::WorkCalendar& cal) {
  // The first working day on or after today, and four more.
  return cal.AddWorkingDays(cal.NextWorkingDayOnOrAfter(today), 4);
}

}  // namespace dh::tasks
