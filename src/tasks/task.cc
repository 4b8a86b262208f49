#include "tasks/task.h"

#include <array>

#include "core/names.h"
#include "tasks/task_error_messages.h"

namespace dh::tasks {
namespace {

// Why a state machine step is refused (msg::kRefusedInState adds the current state).
constexpr MessageText kOnlyReportInProgress{
    "tasks.only_report_in_progress",
    "Chỉ báo cáo tiến độ cho nhiệm vụ đang thực hiện",
    "Progress is reported only on a task in progress",
};
constexpr MessageText kCannotSubmit{
    "tasks.cannot_submit",
    "Nhiệm vụ này không thể báo cáo hoàn thành",
    "This task cannot be reported complete",
};
constexpr MessageText kOnlyConfirmAwaiting{
    "tasks.only_confirm_awaiting",
    "Chỉ xác nhận nhiệm vụ đang chờ xác nhận hoàn thành",
    "Only a task awaiting confirmation of completion can be confirmed",
};
constexpr MessageText kOnlyReturnAwaiting{
    "tasks.only_return_awaiting",
    "Chỉ trả lại nhiệm vụ đang chờ xác nhận hoàn thành",
    "Only a task awaiting confirmation of completion can be returned",
};
constexpr MessageText kDoneOrSuspended{
    "tasks.done_or_suspended",
    "Nhiệm vụ đã hoàn thành hoặc đang tạm dừng",
    "The task is complete or suspended",
};
constexpr MessageText kNotSuspended{
    "tasks.not_suspended",
    "Nhiệm vụ không ở trạng thái tạm dừng",
    "The task is not suspended",
};
constexpr MessageText kOnlyRefuseUnfinished{
    "tasks.only_refuse_unfinished",
    "Chỉ từ chối nhiệm vụ chưa hoàn thành",
    "Only an unfinished task can be refused",
};
constexpr MessageText kOnlyReassignUnfinished{
    "tasks.only_reassign_unfinished",
    "Chỉ giao lại nhiệm vụ chưa hoàn thành",
    "Only an unfinished task can be reassigned",
};
constexpr MessageText kCannotCancelFinished{
    "tasks.cannot_cancel_finished",
    "Không hủy được nhiệm vụ đã hoàn thành hoặc đã hủy",
    "A task already complete or cancelled cannot be cancelled",
};
constexpr MessageText kCannotDeleteFinished{
    "tasks.cannot_delete_finished",
    "Không xóa được nhiệm vụ đã hoàn thành hoặc đã hủy",
    "A task already complete or cancelled cannot be deleted",
};
constexpr MessageText kInvalidAction{
    "tasks.invalid_action",
    "Thao tác không hợp lệ",
    "This action is not valid",
};

constexpr NameTable<TaskState, 9> kStates = {{
    {TaskState::kNotStarted, "not_started"},
    {TaskState::kInProgress, "in_progress"},
    {TaskState::kAwaitingConfirmation, "awaiting_confirmation"},
    {TaskState::kDone, "done"},
    {TaskState::kReturned, "returned"},
    {TaskState::kSuspended, "suspended"},
    {TaskState::kRefused, "refused"},
    {TaskState::kCancelled, "cancelled"},
    {TaskState::kDeleted, "deleted"},
}};

}  // namespace

std::string_view StateName(TaskState s) { return NameIn(kStates, s); }

std::optional<TaskState> ParseState(std::string_view s) { return ValueIn(kStates, s); }

std::string_view TimelinessName(Timeliness t) { return calendar::DueStatusName(t); }

std::optional<Timeliness> ParseTimeliness(std::string_view s) {
  return calendar::ParseDueStatus(s);
}

bool IsOpen(TaskState s) {
  return s != TaskState::kDone && s != TaskState::kSuspended && !IsWithdrawn(s);
}

bool IsWithdrawn(TaskState s) { return s == TaskState::kCancelled || s == TaskState::kDeleted; }

Timeliness TimelinessOf(TaskState state, std::optional<Date> deadline,
                        std::optional<Date> finished_on, Date today,
                        const calendar::WorkCalendar& cal, int due_soon_days) {
  const bool finished = state == TaskState::kDone || state == TaskState::kAwaitingConfirmation;
  if (state == TaskState::kSuspended || IsWithdrawn(state)) return Timeliness::kNoDeadline;
  if (finished && finished_on) return calendar::FinishedDueStatus(deadline, *finished_on, cal);
  return calendar::OpenDueStatus(deadline, today, cal, due_soon_days);
}

namespace {

// "15/06/2024", and where a deadline on a day off really falls.
std::string DueText(Date deadline, const calendar::WorkCalendar& cal) {
  const Date effective = EffectiveDeadline(deadline, cal);
  std::string s = deadline.ToVietnamese();
  if (effective != deadline) s += " (ngày nghỉ, tính đến " + effective.ToVietnamese() + ")";
  return s;
}

}  // namespace

std::string TimelinessReason(Timeliness t, std::optional<Date> deadline,
                             std::optional<Date> finished_on, int extensions, Date today,
                             const calendar::WorkCalendar& cal) {
  std::string s;
  const std::string due = deadline ? DueText(*deadline, cal) : "";
  auto late_by = [&](Date day) { return calendar::WorkingDaysLate(*deadline, day, cal); };
  switch (t) {
    case Timeliness::kNoDeadline:
      // Only a suspended task has a deadline that does not count.
      s = deadline ? "Tạm dừng thực hiện, không tính hạn " + due
                   : "Nhiệm vụ thường xuyên, không có thời hạn";
      break;
    case Timeliness::kOverdue:
      if (const int n = late_by(today); n > 0)
        s = "Quá hạn " + std::to_string(n) + " ngày làm việc so với hạn " + due;
      else
        s = "Đã quá hạn " + due;
      break;
    case Timeliness::kDueSoon:
      if (const int n = calendar::WorkingDaysLeft(*deadline, today, cal); n > 0)
        s = "Còn " + std::to_string(n) + " ngày làm việc đến hạn " + due;
      else
        s = "Đến hạn hôm nay, " + due;
      break;
    case Timeliness::kInTime:
      s = "Trong hạn, hạn " + due;
      break;
    case Timeliness::kDoneOnTime:
      s = "Hoàn thành đúng hạn" + (finished_on ? " ngày " + finished_on->ToVietnamese() : "");
      break;
    case Timeliness::kDoneLate:
      s = "Hoàn thành ngày " + finished_on->ToVietnamese();
      if (const int n = late_by(*finished_on); n > 0)
        s += ", trễ " + std::to_string(n) + " ngày làm việc so với hạn " + due;
      else
        s += ", sau hạn " + due;
      break;
  }
  if (extensions > 0) s += ", đã gia hạn " + std::to_string(extensions) + " lần";
  return s;
}

namespace {

using S = TaskState;
using E = TaskEvent;

// The state machine, one row an event: the states it may start from, the state it leads
// to, and why it is refused from any other.
struct Move {
  TaskEvent event;
  bool (*from)(TaskState);
  TaskState to;
  const MessageText& refused;
};
bool Underway(S s) { return s == S::kNotStarted || s == S::kInProgress || s == S::kReturned; }
bool Awaiting(S s) { return s == S::kAwaitingConfirmation; }
bool Suspended(S s) { return s == S::kSuspended; }
bool Unfinished(S s) { return s == S::kNotStarted || s == S::kInProgress; }
bool UnfinishedOrRefused(S s) { return Unfinished(s) || s == S::kRefused; }
bool NotDoneNorWithdrawn(S s) { return s != S::kDone && !IsWithdrawn(s); }

const std::array<Move, 10> kMoves = {{
    {E::kReport, Underway, S::kInProgress, kOnlyReportInProgress},
    {E::kSubmit, Underway, S::kAwaitingConfirmation, kCannotSubmit},
    {E::kConfirm, Awaiting, S::kDone, kOnlyConfirmAwaiting},
    {E::kReturn, Awaiting, S::kReturned, kOnlyReturnAwaiting},
    {E::kSuspend, IsOpen, S::kSuspended, kDoneOrSuspended},
    {E::kResume, Suspended, S::kInProgress, kNotSuspended},
    {E::kRefuse, Unfinished, S::kRefused, kOnlyRefuseUnfinished},
    {E::kReassign, UnfinishedOrRefused, S::kNotStarted, kOnlyReassignUnfinished},
    {E::kCancel, NotDoneNorWithdrawn, S::kCancelled, kCannotCancelFinished},
    {E::kDelete, NotDoneNorWithdrawn, S::kDeleted, kCannotDeleteFinished},
}};

}  // namespace

Result<TaskState> Transition(TaskState from, TaskEvent ev) {
  const MessageText* why = &kInvalidAction;
  for (const Move& m : kMoves) {
    if (m.event != ev) continue;
    if (m.from(from)) return m.to;
    why = &m.refused;
  }
  return Status::Conflict(
      Say(msg::kRefusedInState, {{"why", why}, {"state", std::string(StateName(from))}}),
      "invalid_state");
}

std::optional<Recurrence> ParseRecurrence(std::string_view text) {
  if (text.empty()) return Recurrence{};
  const auto colon = text.find(':');
  if (colon == std::string_view::npos) return std::nullopt;
  const auto kind = text.substr(0, colon);
  int day = 0;
  for (char c : text.substr(colon + 1)) {
    if (c < '0' || c > '9') return std::nullopt;
    day = day * 10 + (c - '0');
    if (day > 31) return std::nullopt;
  }
  if (day < 1) return std::nullopt;
  if (kind == "monthly") return Recurrence{Recurrence::kMonthly, day};
  if (kind == "quarterly") return Recurrence{Recurrence::kQuarterly, day};
  return std::nullopt;
}

std::string RecurrenceText(const Recurrence& r) {
  switch (r.kind) {
    case Recurrence::kMonthly:
      return "monthly:" + std::to_string(r.day);
    case Recurrence::kQuarterly:
      return "quarterly:" + std::to_string(r.day);
    default:
      return "";
  }
}

Date NextOccurrence(const Recurrence& r, Date after) {
  int y = after.year(), m = after.month();
  for (int guard = 0; guard < 30; ++guard) {
    const bool due_month = r.kind == Recurrence::kMonthly || m % 3 == 0;
    if (due_month) {
      const Date d = *Date::FromYmd(y, m, std::min(r.day, DaysInMonth(y, m)));
      if (d > after) return d;
    }
    if (++m > 12) m = 1, ++y;
  }
  return after;
}

int RollUpProgress(int own_progress, const std::vector<Part>& parts) {
  int given = 0;
  int64_t weighted = 0;
  for (const Part& p : parts) {
    given += p.share_percent;
    weighted += int64_t{p.share_percent} * p.progress_percent;
  }
  const int kept = std::max(0, 100 - given);
  weighted += int64_t{kept} * own_progress;
  const int total = std::max(100, given);
  return static_cast<int>(weighted / total);
}

}  // namespace dh::tasks
