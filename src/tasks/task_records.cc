#include "tasks/task_records.h"

#include <algorithm>
#include <iterator>

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

// By ExtensionStatus, in its order.
constexpr std::string_view kExtensionStatusNames[] = {"pending", "approved", "rejected", "closed"};

std::string_view ExtensionStatusName(ExtensionStatus s) {
  return kExtensionStatusNames[static_cast<size_t>(s)];
}

std::optional<ExtensionStatus> ParseExtensionStatus(std::string_view s) {
  const auto* end = std::end(kExtensionStatusNames);
  const auto* it = std::find(std::begin(kExtensionStatusNames), end, s);
  if (it == end) return std::nullopt;
  return static_cast<ExtensionStatus>(it - std::begin(kExtensionStatusNames));
}

}  // namespace dh::tasks
