#include "tasks/task_checks.h"

#include <algorithm>
#include <string>

#include "calendar/deadline.h"

namespace dh::tasks {

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
      return Status::InvalidInput("milestones",
                                  "Mốc " + name(*m) + " (" + m->due_on.ToVietnamese() +
                                      ") sau hạn hoàn thành " + deadline->ToVietnamese() +
                                      "; đặt mốc không muộn hơn hạn.");
    if (m->planned_percent < before)
      return Status::InvalidInput(
          "milestones", "Kế hoạch lũy kế (%) của mốc " + name(*m) + " (" +
                            std::to_string(m->planned_percent) + " %) thấp hơn mốc trước (" +
                            std::to_string(before) + " %); kế hoạch lũy kế chỉ tăng dần.");
    before = m->planned_percent;
  }
  if (before != 100)
    return Status::InvalidInput("milestones", "Mốc cuối cùng " + name(*by_date.back()) +
                                                  " phải có kế hoạch lũy kế 100 % (đang là " +
                                                  std::to_string(before) + " %).");
  return Status::Ok();
}

Status CheckStartDate(Date start_on, std::optional<Date> deadline) {
  if (!deadline || !(*deadline < start_on)) return Status::Ok();
  return Status::InvalidInput("start_on", "Ngày giao " + start_on.ToVietnamese() +
                                              " sau Hạn hoàn thành " + deadline->ToVietnamese() +
                                              "; chọn ngày giao không muộn hơn hạn.");
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
