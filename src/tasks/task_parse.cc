#include "tasks/task_parse.h"

#include "tasks/task_error_messages.h"
#include "tasks/task_messages.h"

namespace dh::tasks {

namespace bj = boost::json;

// Every field each body may carry: its type, range and length, and the label its form
// shows. A key not listed is refused (json::OnlyFields), so nothing is silently dropped.
Result<DirectiveInput> ParseDirective(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"kind", "number", "title", "body", "issued_on", "issuer_unit_id"}));
  DirectiveInput in;
  DH_ASSIGN_OR_RETURN(in.kind, json::OptionalString(o, {"kind", "Loại văn bản"}, 20));
  DH_ASSIGN_OR_RETURN(in.number, json::OptionalString(o, {"number", "Số hiệu"}, 100));
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Trích yếu"}, 1000));
  DH_ASSIGN_OR_RETURN(in.body, json::OptionalString(o, {"body", "Nội dung"}, 200000));
  DH_ASSIGN_OR_RETURN(in.issued_on, json::OptionalDate(o, {"issued_on", "Ngày ban hành"}));
  DH_ASSIGN_OR_RETURN(in.issuer_unit_id,
                      json::OptionalId(o, {"issuer_unit_id", "Cơ quan ban hành"}));
  return in;
}

namespace {

// "milestones[2].label", as the form names the field.
std::string ItemKey(const char* list, size_t i, const char* key) {
  return std::string(list) + "[" + std::to_string(i) + "]." + key;
}

}  // namespace

Result<Milestone> ParseMilestone(const bj::value& v, size_t i) {
  if (!v.is_object())
    return Status::InvalidInput("milestones", Say(msg::kMilestonesAreListLabelDue));
  const bj::object& m = v.as_object();
  const std::string at = "milestones[" + std::to_string(i) + "].";
  DH_RETURN_IF_ERROR(json::OnlyFields(m, {"label", "due_on", "planned_percent"}, at));
  const std::string label = ItemKey("milestones", i, "label");
  const std::string due = ItemKey("milestones", i, "due_on");
  const std::string planned = ItemKey("milestones", i, "planned_percent");
  Milestone out;
  DH_ASSIGN_OR_RETURN(out.label, json::RequiredString(m, {"label", "Mốc", label}, 100));
  DH_ASSIGN_OR_RETURN(out.due_on, json::RequiredDate(m, {"due_on", "Đến ngày", due}));
  DH_ASSIGN_OR_RETURN(
      auto p, json::RequiredInt(m, {"planned_percent", "Kế hoạch lũy kế (%)", planned}, 0, 100));
  out.planned_percent = static_cast<int>(p);
  return out;
}

Result<TaskInput> ParseTask(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"directive_id", "group_id", "lead_unit_id", "assignee_id", "title",
                           "description", "output_kind", "recurrence", "deadline", "start_on",
                           "is_key", "coordinator_ids", "milestones"}));
  TaskInput in;
  DH_ASSIGN_OR_RETURN(in.directive_id, json::OptionalId(o, {"directive_id", "Văn bản chỉ đạo"}));
  DH_ASSIGN_OR_RETURN(in.group_id, json::OptionalId(o, {"group_id", "Nhóm nhiệm vụ"}));
  DH_ASSIGN_OR_RETURN(in.lead_unit_id, json::OptionalId(o, {"lead_unit_id", "Đơn vị chủ trì"}));
  DH_ASSIGN_OR_RETURN(in.assignee_id, json::OptionalId(o, {"assignee_id", "Cán bộ thực hiện"}));
  DH_ASSIGN_OR_RETURN(in.title, json::OptionalString(o, {"title", "Tên nhiệm vụ"}, 1000));
  DH_ASSIGN_OR_RETURN(in.description, json::OptionalString(o, {"description", "Nội dung"}, 20000));
  DH_ASSIGN_OR_RETURN(in.output_kind, json::OptionalString(o, {"output_kind", "Sản phẩm"}, 100));
  DH_ASSIGN_OR_RETURN(in.recurrence, json::OptionalString(o, {"recurrence", "Loại thời hạn"}, 20));
  DH_ASSIGN_OR_RETURN(in.deadline, json::OptionalDate(o, {"deadline", "Hạn hoàn thành"}));
  DH_ASSIGN_OR_RETURN(in.start_on, json::OptionalDate(o, {"start_on", "Ngày giao"}));
  DH_ASSIGN_OR_RETURN(in.is_key, json::OptionalBool(o, {"is_key", "Nhiệm vụ trọng tâm"}));
  if (json::Has(o, "coordinator_ids")) {
    DH_ASSIGN_OR_RETURN(auto ids, json::IdArray(o, {"coordinator_ids", "Đơn vị phối hợp"}));
    in.coordinator_ids = std::move(ids);
  }
  if (json::Has(o, "milestones")) {
    if (!o.at("milestones").is_array() || o.at("milestones").as_array().size() > 100)
      return Status::InvalidInput("milestones", Say(msg::kMilestonesAreListAtMost));
    const bj::array& list = o.at("milestones").as_array();
    in.milestones_given = true;
    for (size_t i = 0; i < list.size(); ++i) {
      DH_ASSIGN_OR_RETURN(Milestone m, ParseMilestone(list[i], i));
      in.milestones.push_back(std::move(m));
    }
  }
  return in;
}

Result<DelegationPart> ParsePart(const bj::value& v, size_t i) {
  if (!v.is_object()) return Status::InvalidInput("parts", Say(msg::kEachPartObject));
  const bj::object& p = v.as_object();
  DH_RETURN_IF_ERROR(
      json::OnlyFields(p, {"unit_id", "assignee_id", "share_percent", "deadline", "title"},
                       "parts[" + std::to_string(i) + "]."));
  const std::string unit = ItemKey("parts", i, "unit_id");
  const std::string assignee = ItemKey("parts", i, "assignee_id");
  const std::string share = ItemKey("parts", i, "share_percent");
  const std::string deadline = ItemKey("parts", i, "deadline");
  const std::string title = ItemKey("parts", i, "title");
  DelegationPart part;
  DH_ASSIGN_OR_RETURN(part.unit_id, json::OptionalId(p, {"unit_id", "Giao cho (đơn vị)", unit}));
  DH_ASSIGN_OR_RETURN(part.assignee_id,
                      json::OptionalId(p, {"assignee_id", "Giao cho (cán bộ)", assignee}));
  DH_ASSIGN_OR_RETURN(auto pct,
                      json::RequiredInt(p, {"share_percent", "Tỷ trọng (%)", share}, 1, 100));
  part.share_percent = static_cast<int>(pct);
  DH_ASSIGN_OR_RETURN(part.deadline, json::OptionalDate(p, {"deadline", "Thời hạn", deadline}));
  DH_ASSIGN_OR_RETURN(auto name, json::OptionalString(p, {"title", "Tên phần việc", title}, 1000));
  part.title = name.value_or("");
  return part;
}

Result<std::vector<DelegationPart>> ParseParts(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"parts"}));
  if (!json::Has(o, "parts") || !o.at("parts").is_array() || o.at("parts").as_array().size() > 100)
    return Status::InvalidInput("parts", Say(msg::kPartsListAtMostParts));
  std::vector<DelegationPart> out;
  const bj::array& list = o.at("parts").as_array();
  for (size_t i = 0; i < list.size(); ++i) {
    DH_ASSIGN_OR_RETURN(DelegationPart part, ParsePart(list[i], i));
    out.push_back(std::move(part));
  }
  return out;
}

Result<TaskGroup> ParseGroup(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"directive_id", "parent_id", "title", "position"}));
  TaskGroup g;
  DH_ASSIGN_OR_RETURN(g.directive_id, json::RequiredId(o, {"directive_id", "Văn bản chỉ đạo"}));
  DH_ASSIGN_OR_RETURN(g.parent_id, json::OptionalId(o, {"parent_id", "Thuộc nhóm"}));
  DH_ASSIGN_OR_RETURN(g.title, json::RequiredString(o, {"title", "Tên nhóm"}, 1000));
  // The position is an INTEGER column: a number past it would be stored as something else.
  DH_ASSIGN_OR_RETURN(auto position, json::OptionalInt(o, {"position", "Thứ tự"}, 0, 99999));
  g.position = static_cast<int>(position.value_or(0));
  return g;
}

// A free text of an action (a reason, a note, an answer): optional, at most 20.000 letters.
Result<std::string> Text(const bj::object& o, json::Field f) {
  DH_ASSIGN_OR_RETURN(auto s, json::OptionalString(o, f, 20000));
  return s.value_or("");
}

}  // namespace dh::tasks

namespace dh::tasks {

// tasksa: {task: {TaskInput without lead_unit_id}, unit_kind: "ward" | "department", or
// unit_ids: [...], heading?}.
Result<ManyUnitsInput> ParseManyUnits(const bj::object& o, std::string* unit_kind) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"task", "unit_kind", "unit_ids", "heading"}));
  if (!json::Has(o, "task") || !o.at("task").is_object())
    return Status::InvalidInput("task", Say(msg::kEnterTaskToAssign));
  ManyUnitsInput in;
  DH_ASSIGN_OR_RETURN(in.task, ParseTask(o.at("task").as_object()));
  if (in.task.lead_unit_id) return Status::InvalidInput("lead_unit_id", Say(msg::kManyNoLeadUnit));
  DH_ASSIGN_OR_RETURN(auto kind, json::OptionalString(o, {"unit_kind", "Giao cho"}, 20));
  *unit_kind = kind.value_or("");
  if (!unit_kind->empty() && *unit_kind != "ward" && *unit_kind != "department")
    return Status::InvalidInput("unit_kind", Say(msg::kUnitKindWardDepartment));
  if (json::Has(o, "unit_ids")) {
    DH_ASSIGN_OR_RETURN(in.unit_ids, json::IdArray(o, {"unit_ids", "Đơn vị được giao"}));
  }
  if (unit_kind->empty() == in.unit_ids.empty())
    return Status::InvalidInput("unit_ids", Say(msg::kChooseAssignedUnits));
  DH_ASSIGN_OR_RETURN(auto heading, json::OptionalString(o, {"heading", "Tên nhóm"}, 1000));
  in.heading = heading.value_or("");
  return in;
}

}  // namespace dh::tasks
