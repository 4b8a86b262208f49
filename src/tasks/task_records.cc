#include "tasks/task_records.h"

namespace dh::tasks {

bool IsDirectiveKind(const std::string& kind) {
  return kind == "resolution" || kind == "conclusion" || kind == "plan" || kind == "decision" ||
         kind == "notice";
}

AnswerStatus AnswerStatusOf(const CoordinationRequest& r, Date today,
                            const calendar::WorkCalendar& cal) {
  using calendar::DueStatus;
  if (r.answered_on)
    return calendar::FinishedDueStatus(r.due_on, *r.answered_on, cal) == DueStatus::kDoneOnTime
               ? AnswerStatus::kAnsweredOnTime
               : AnswerStatus::kAnsweredLate;
  return calendar::OpenDueStatus(r.due_on, today, cal, 0) == DueStatus::kOverdue
             ? AnswerStatus::kOverdue
             : AnswerStatus::kPending;
}

std::optional<AnswerStatus> ParseAnswerStatus(std::string_view s) {
  for (AnswerStatus a : {AnswerStatus::kPending, AnswerStatus::kAnsweredOnTime,
                         AnswerStatus::kAnsweredLate, AnswerStatus::kOverdue})
    if (AnswerStatusName(a) == s) return a;
  return std::nullopt;
}

std::string_view AnswerStatusName(AnswerStatus s) {
  switch (s) {
    case AnswerStatus::kPending:
      return "pending";
    case AnswerStatus::kAnsweredOnTime:
      return "answered_on_time";
    case AnswerStatus::kAnsweredLate:
      return "answered_late";
    case AnswerStatus::kOverdue:
      return "overdue";
  }
  return "";
}

}  // namespace dh::tasks
