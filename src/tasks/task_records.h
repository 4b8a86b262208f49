// Rows of the tasks room, as the store reads and writes them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/date.h"
#include "tasks/task.h"

namespace dh::tasks {

struct Directive {
  int64_t id = 0;
  std::string kind;  // resolution | conclusion | plan | decision | notice
  std::string number;
  Date issued_on;
  int64_t issuer_unit_id = 0;
  std::string title;
  std::string body;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};
bool IsDirectiveKind(const std::string& kind);

struct TaskGroup {
  int64_t id = 0;
  int64_t directive_id = 0;
  std::optional<int64_t> parent_id;
  std::string title;
  int position = 0;
};

struct Milestone {
  std::string label;  // "Quý I"
  Date due_on;
  int planned_percent = 0;
};

struct TaskRecord {
  int64_t id = 0;
  std::optional<int64_t> directive_id, group_id, parent_task_id;
  int share_percent = 100;
  std::string title, description;
  int64_t lead_unit_id = 0;
  std::optional<int64_t> assignee_id;
  std::string output_kind;
  std::optional<Date> original_deadline, deadline;
  std::optional<Date> start_on;  // ngày giao; read as the creation day when never set
  Recurrence recurrence;
  bool is_key = false;
  TaskState state = TaskState::kNotStarted;
  int progress_percent = 0, own_progress_percent = 0;
  std::optional<Date> finished_on;
  std::string output_text;
  std::optional<Date> last_report_on;
  std::optional<int64_t> created_by;
  int64_t created_at = 0, updated_at = 0;
  std::vector<int64_t> coordinator_ids;
  std::vector<Milestone> milestones;
  bool extension_pending = false;  // derived: an extension request awaits the office's decision
};

struct Report {
  int64_t id = 0, task_id = 0;
  Date reported_on;
  int percent = 0;
  std::string body;
  std::optional<int64_t> user_id;
  int64_t created_at = 0;
};

// closed: the task was finished while the request was pending (nobody decided it).
enum class ExtensionStatus { kPending, kApproved, kRejected, kClosed };
std::string_view ExtensionStatusName(ExtensionStatus s);
std::optional<ExtensionStatus> ParseExtensionStatus(std::string_view s);

struct Extension {
  int64_t id = 0, task_id = 0;
  std::optional<Date> previous_deadline;
  Date requested_deadline;
  std::string reason;
  ExtensionStatus status = ExtensionStatus::kPending;
  std::optional<int64_t> requested_by;
  int64_t requested_at = 0;
  std::optional<int64_t> decided_by, decided_at;
  std::string decision_note;
};

struct CoordinationRequest {
  int64_t id = 0, task_id = 0, from_unit_id = 0, to_unit_id = 0;
  std::string body;
  Date due_on;
  std::optional<Date> answered_on;
  std::string answer;
  std::optional<int64_t> created_by;
  int64_t created_at = 0;
};

// Coordination answers have their own timeliness: answered on time, answered late,
// overdue and unanswered, or pending within time.
enum class AnswerStatus { kPending, kAnsweredOnTime, kAnsweredLate, kOverdue };
AnswerStatus AnswerStatusOf(const CoordinationRequest& r, Date today,
                            const calendar::WorkCalendar& cal);
std::string_view AnswerStatusName(AnswerStatus s);
std::optional<AnswerStatus> ParseAnswerStatus(std::string_view s);

// Which coordination requests a list shows (each field unset: any).
struct CoordinationFilter {
  std::optional<int64_t> to_unit_id, from_unit_id, task_id;
  std::optional<AnswerStatus> status;
};

struct TaskEventRecord {
  int64_t id = 0, task_id = 0;
  std::string kind;  // submitted | confirmed | returned | refused | reassigned | transferred |
                     // suspended | resumed | occurrence_done
  Date happened_on;
  std::string note;
  std::optional<int64_t> from_unit_id, to_unit_id, user_id;
  int64_t created_at = 0;
};

struct Occurrence {
  int64_t id = 0, task_id = 0;
  Date deadline, finished_on;
  std::string note;
};

}  // namespace dh::tasks
