#include "tasks/task_service.h"

#include <algorithm>
#include <boost/json.hpp>
#include <limits>
#include <map>
#include <set>

#include "audit/recorder.h"
#include "core/text.h"
#include "notifications/outbox.h"
#include "tasks/task_import_store.h"
#include "tasks/task_store.h"
#include "units/unit_rules.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;

Status TaskNotFound() { return Status::NotFound("Không tìm thấy nhiệm vụ."); }

bj::value OptDate(const std::optional<Date>& d) {
  return d ? bj::value(d->ToString()) : bj::value(nullptr);
}

// What the audit log keeps of a task.
bj::object AuditJson(const TaskRecord& t) {
  return {{"title", t.title},
          {"lead_unit_id", t.lead_unit_id},
          {"assignee_id", t.assignee_id ? bj::value(*t.assignee_id) : bj::value(nullptr)},
          {"deadline", OptDate(t.deadline)},
          {"state", StateName(t.state)},
          {"progress_percent", t.progress_percent},
          {"finished_on", OptDate(t.finished_on)},
          {"coordinator_ids", bj::value_from(t.coordinator_ids)}};
}

bj::object DirectiveAudit(const Directive& d) {
  return {{"kind", d.kind},
          {"number", d.number},
          {"issued_on", d.issued_on.ToString()},
          {"issuer_unit_id", d.issuer_unit_id},
          {"title", d.title}};
}

Status Record(db::Connection& c, const auth::Principal* who, std::string action,
              const TaskRecord& before, const TaskRecord& after, int64_t now) {
  return audit::Record(
      c, who,
      {std::move(action), "task", after.id, after.lead_unit_id,
       before.id ? bj::value(AuditJson(before)) : bj::value(nullptr), AuditJson(after)},
      now);
}

std::string Short(const std::string& title) {
  return text::CodePointCount(title) > 80 ? title.substr(0, title.find(' ', 70)) + "…" : title;
}

// Who decides for a task led by `unit` (extensions, confirming completion): the active office
// users whose grant covers that unit — the scope the permission check itself uses.
Result<std::vector<int64_t>> Deciders(db::Connection& c, const units::UnitGraph& g, int64_t unit) {
  DH_ASSIGN_OR_RETURN(auto holders, notifications::ActiveRoleHolders(c));
  std::vector<int64_t> out;
  for (const auto& h : holders)
    if (h.role == "office" && h.unit_id && g.SharedScopeOf(*h.unit_id)->count(unit) &&
        (out.empty() || out.back() != h.user_id))
      out.push_back(h.user_id);
  return out;
}

// The units a write gives work to, checked on the database inside the write's transaction:
// the in-memory graph the first checks read may be a moment old (a restructuring that
// committed since would otherwise leave new work with a unit that ends).
Status CheckTaskUnits(db::Connection& c, Date day, std::optional<int64_t> lead,
                      const std::vector<int64_t>& coordinators) {
  if (lead)
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, *lead, day, "lead_unit_id", "Đơn vị chủ trì"));
  for (int64_t id : coordinators)
    DH_RETURN_IF_ERROR(units::CheckTakesWork(c, id, day, "coordinator_ids", "Đơn vị phối hợp"));
  return Status::Ok();
}

// A pending extension closes when the work it was asked for is finished (completion
// submitted, a recurring task's period done, completion confirmed): decided afterwards it
// would move a deadline already met or missed, and turn "done late" into "done on time".
// The request stays in the task's history, closed, with why; the audit log keeps each.
Status ClosePendingExtensions(db::Connection& c, const auth::Principal& who, const TaskRecord& t,
                              const std::string& why, int64_t now) {
  DH_ASSIGN_OR_RETURN(auto all, ExtensionsOf(c, t.id));
  for (Extension e : all) {
    if (e.status != "pending") continue;
    e.status = "closed";
    e.decided_by.reset();  // nobody decided it
    e.decided_at = now;
    e.decision_note = why;
    DH_RETURN_IF_ERROR(UpdateExtension(c, e));
    DH_RETURN_IF_ERROR(
        audit::Record(c, &who,
                      {"task.extension_closed", "task", t.id, t.lead_unit_id,
                       bj::object{{"extension_id", e.id}, {"status", "pending"}},
                       bj::object{{"extension_id", e.id}, {"status", "closed"}, {"note", why}}},
                      now));
  }
  return Status::Ok();
}

}  // namespace

TaskService::Access TaskService::AccessOf(const auth::Principal& who) const {
  return AccessFor(who, *units_.Get());
}

bool TaskService::SeesATaskOf(const Access& a, const auth::Principal& who,
                              int64_t directive_id) const {
  auto bits = ScopeBitmap(a.read);
  TaskFilter f;
  f.directive_id = directive_id;
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  return index_.Any(f);
}

Result<Directive> TaskService::VisibleDirective(db::Connection& c, const Access& a,
                                                const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, id));
  if (!d || !who.Can(auth::Permission::kTasksRead) ||
      !CanSeeDirective(a, *d, !a.read.Contains(d->issuer_unit_id) && SeesATaskOf(a, who, id)))
    return Status::NotFound("Không tìm thấy văn bản.");
  return *d;
}

Result<Directive> TaskService::NamedDirective(db::Connection& c, const Access& a,
                                              const auth::Principal& who, int64_t id) const {
  auto d = VisibleDirective(c, a, who, id);
  if (!d.ok() && d.status().code() == StatusCode::kNotFound)
    return Status::InvalidInput("directive_id", "Không có văn bản chỉ đạo này.");
  return d;
}

Result<TaskRecord> TaskService::ForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                                         bool manage) const {
  DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
  const Access a = AccessOf(who);
  if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
  if (manage ? !a.manage.Contains(t->lead_unit_id) : !CanWorkTask(a, who, *t))
    return Status::Forbidden(manage ? "Chỉ văn phòng (đơn vị giao việc) được làm việc này."
                                    : "Nhiệm vụ này không do đơn vị của bạn chủ trì.");
  return *t;
}

TaskView TaskService::View(const TaskRecord& t, int extensions, const Access* a,
                           const auth::Principal* who) const {
  auto cal = calendar_.Get();
  const Date today = clock_.Today();
  TaskView v;
  v.task = t;
  v.timeliness =
      TimelinessOf(t.state, t.deadline, t.finished_on, today, *cal, settings_.due_soon_days);
  v.timeliness_reason =
      TimelinessReason(v.timeliness, t.deadline, t.finished_on, extensions, today, *cal);
  if (t.deadline) {
    const bool finished =
        v.timeliness == Timeliness::kDoneOnTime || v.timeliness == Timeliness::kDoneLate;
    v.effective_deadline = calendar::EffectiveDeadline(*t.deadline, *cal);
    v.working_days_left = calendar::WorkingDaysLeft(*t.deadline, today, *cal);
    v.working_days_late = calendar::WorkingDaysLate(
        *t.deadline, finished && t.finished_on ? *t.finished_on : today, *cal);
  }
  v.extensions_approved = extensions;
  if (a && who) {
    v.can_work = CanWorkTask(*a, *who, t);
    v.can_manage = a->manage.Contains(t.lead_unit_id);
  }
  return v;
}

// ---- Directives -------------------------------------------------------------------------

Result<Directive> TaskService::CreateDirective(const auth::Principal& who,
                                               const DirectiveInput& in) {
  Directive d;
  d.kind = in.kind.value_or("");
  if (!IsDirectiveKind(d.kind))
    return Status::InvalidInput(
        "kind",
        "Chọn loại văn bản: resolution (nghị quyết), conclusion (thông báo kết "
        "luận), plan (kế hoạch), decision (quyết định) hoặc notice (thông báo).");
  d.number = in.number.value_or("");
  if (text::Trim(d.number).empty())
    return Status::InvalidInput("number", "Nhập số hiệu văn bản, ví dụ 45/TB-UBND.");
  if (!in.issued_on)
    return Status::InvalidInput("issued_on", "Nhập ngày ban hành, ví dụ 2025-07-15.");
  d.issued_on = *in.issued_on;
  d.title = in.title.value_or("");
  if (text::Trim(d.title).empty()) return Status::InvalidInput("title", "Nhập trích yếu văn bản.");
  d.body = in.body.value_or("");
  if (!in.issuer_unit_id) return Status::InvalidInput("issuer_unit_id", "Chọn cơ quan ban hành.");
  auto g = units_.Get();
  const units::Unit* issuer = g->Find(*in.issuer_unit_id);
  if (!issuer) return Status::InvalidInput("issuer_unit_id", "Không có cơ quan ban hành này.");
  if (!who.Can(auth::Permission::kTasksManage))
    return Status::Forbidden("Chỉ văn phòng được nhập văn bản chỉ đạo.");
  if (!AccessOf(who).manage.Contains(issuer->id))
    return Status::Forbidden("Cơ quan ban hành nằm ngoài phạm vi bạn được giao.");
  d.issuer_unit_id = issuer->id;
  d.created_by = who.user_id;
  d.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(d.id, InsertDirective(c, d));
    return audit::Record(
        c, &who,
        {"directive.create", "directive", d.id, d.issuer_unit_id, nullptr, DirectiveAudit(d)},
        d.created_at);
  }));
  return d;
}

Result<Directive> TaskService::UpdateDirective(const auth::Principal& who, int64_t id,
                                               const DirectiveInput& in) {
  Directive d;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    const Access a = AccessOf(who);
    DH_ASSIGN_OR_RETURN(auto found, VisibleDirective(c, a, who, id));
    if (!a.manage.Contains(found.issuer_unit_id))
      return Status::Forbidden("Chỉ văn phòng của cơ quan ban hành được sửa văn bản.");
    d = found;
    if (in.kind) {
      if (!IsDirectiveKind(*in.kind))
        return Status::InvalidInput("kind", "Loại văn bản không hợp lệ.");
      d.kind = *in.kind;
    }
    if (in.number) {
      if (in.number->empty())
        return Status::InvalidInput("number", "Số hiệu văn bản không được để trống.");
      d.number = *in.number;
    }
    if (in.title) {
      if (text::Trim(*in.title).empty())
        return Status::InvalidInput("title", "Trích yếu không được để trống.");
      d.title = *in.title;
    }
    if (in.body) d.body = *in.body;
    if (in.issued_on) d.issued_on = *in.issued_on;
    DH_RETURN_IF_ERROR(tasks::UpdateDirective(c, d));
    return audit::Record(c, &who,
                         {"directive.update", "directive", d.id, d.issuer_unit_id,
                          DirectiveAudit(found), DirectiveAudit(d)},
                         clock_.NowSeconds());
  }));
  return d;
}

Result<Directive> TaskService::GetDirective(const auth::Principal& who, int64_t id) const {
  const Access a = AccessOf(who);
  std::optional<Directive> d;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(d, VisibleDirective(c, a, who, id));
    return Status::Ok();
  }));
  return *d;
}

Result<std::vector<Directive>> TaskService::ListDirectives(const auth::Principal& who,
                                                           const std::string& q, int64_t limit,
                                                           int64_t offset, int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được văn bản chỉ đạo.");
  const Access a = AccessOf(who);
  DirectiveScope scope;
  if (!a.read.all()) {
    // CanSeeDirective over the whole list: issued in scope, or one of its tasks seen.
    auto bits = ScopeBitmap(a.read);
    TaskFilter f;
    f.visible_units = bits.get();
    f.viewer_id = who.user_id;
    scope.issuers = a.read.ids();
    scope.directives = index_.DirectivesOf(f);
  }
  std::vector<Directive> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(
        out, tasks::ListDirectives(c, text::FoldForSearch(q), a.read.all() ? nullptr : &scope,
                                   limit, offset, total));
    return Status::Ok();
  }));
  return out;
}

Result<TaskGroup> TaskService::CreateGroup(const auth::Principal& who, const TaskGroup& in) {
  TaskGroup g = in;
  g.title = text::Trim(g.title);
  if (g.title.empty()) return Status::InvalidInput("title", "Nhập tên nhóm nhiệm vụ.");
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    const Access a = AccessOf(who);
    DH_ASSIGN_OR_RETURN(const Directive d, NamedDirective(c, a, who, g.directive_id));
    if (!a.manage.Contains(d.issuer_unit_id))
      return Status::Forbidden("Chỉ văn phòng của cơ quan ban hành được thêm nhóm nhiệm vụ.");
    if (g.parent_id) {
      DH_ASSIGN_OR_RETURN(auto p, FindGroup(c, *g.parent_id));
      if (!p || p->directive_id != g.directive_id)
        return Status::InvalidInput("parent_id", "Nhóm cha phải thuộc cùng văn bản.");
    }
    DH_ASSIGN_OR_RETURN(g.id, InsertGroup(c, g));
    return audit::Record(
        c, &who,
        {"task_group.create", "task_group", g.id, d.issuer_unit_id, nullptr,
         bj::object{
             {"directive_id", g.directive_id}, {"title", g.title}, {"position", g.position}}},
        clock_.NowSeconds());
  }));
  return g;
}

Result<std::vector<TaskGroup>> TaskService::Groups(const auth::Principal& who,
                                                   int64_t directive_id) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  const Access a = AccessOf(who);
  std::vector<TaskGroup> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(VisibleDirective(c, a, who, directive_id).status());
    DH_ASSIGN_OR_RETURN(out, GroupsOf(c, directive_id));
    return Status::Ok();
  }));
  return out;
}

// ---- Tasks ------------------------------------------------------------------------------

Status TaskService::Validate(const TaskInput& in, bool creating, const units::UnitGraph& g) const {
  // A title of spaces is no title.
  if (creating && (!in.title || text::Trim(*in.title).empty()))
    return Status::InvalidInput("title", "Nhập tên nhiệm vụ.");
  if (in.title && text::Trim(*in.title).empty())
    return Status::InvalidInput("title", "Tên nhiệm vụ không được để trống.");
  if (creating && !in.lead_unit_id)
    return Status::InvalidInput("lead_unit_id", "Chọn đơn vị chủ trì.");
  const Date today = clock_.Today();
  // A first answer on the in-memory graph; the write checks again on the database.
  if (in.lead_unit_id)
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(g, *in.lead_unit_id, today, "lead_unit_id", "Đơn vị chủ trì"));
  if (in.coordinator_ids) {
    std::set<int64_t> seen;
    for (int64_t id : *in.coordinator_ids) {
      DH_RETURN_IF_ERROR(units::CheckTakesWork(g, id, today, "coordinator_ids", "Đơn vị phối hợp"));
      if (!seen.insert(id).second || (in.lead_unit_id && id == *in.lead_unit_id))
        return Status::InvalidInput("coordinator_ids",
                                    "Đơn vị phối hợp bị trùng hoặc trùng đơn vị chủ trì.");
    }
  }
  if (in.recurrence && !ParseRecurrence(*in.recurrence))
    return Status::InvalidInput("recurrence",
                                "Chu kỳ phải là monthly:N (hằng tháng, ngày N) hoặc quarterly:N "
                                "(hằng quý, ngày N của tháng cuối quý), N từ 1 đến 31.");
  int planned = 0;
  for (const Milestone& m : in.milestones) {
    if (m.planned_percent < 0 || m.planned_percent > 100)
      return Status::InvalidInput("milestones", "Tỷ lệ kế hoạch của mỗi mốc từ 0 đến 100%.");
    planned = std::max(planned, m.planned_percent);
  }
  return Status::Ok();
}

Result<TaskView> TaskService::Create(const auth::Principal* who, const TaskInput& in) {
  auto g = units_.Get();
  DH_RETURN_IF_ERROR(Validate(in, true, *g));
  if (who && !AccessOf(*who).manage.Contains(*in.lead_unit_id))
    return Status::Forbidden("Bạn không được giao nhiệm vụ cho đơn vị này.");
  TaskRecord t;
  t.directive_id = in.directive_id;
  t.group_id = in.group_id;
  t.title = *in.title;
  t.description = in.description.value_or("");
  t.lead_unit_id = *in.lead_unit_id;
  t.assignee_id = in.assignee_id;
  t.output_kind = in.output_kind.value_or("report");
  t.deadline = t.original_deadline = in.deadline;
  t.recurrence = ParseRecurrence(in.recurrence.value_or("")).value_or(Recurrence{});
  if (t.recurrence.kind != Recurrence::kNone && !t.deadline)
    t.deadline = t.original_deadline = NextOccurrence(t.recurrence, clock_.Today().AddDays(-1));
  t.is_key = in.is_key.value_or(false);
  t.coordinator_ids = in.coordinator_ids.value_or(std::vector<int64_t>{});
  t.milestones = in.milestones;
  t.created_by = who ? std::optional(who->user_id) : std::nullopt;
  t.created_at = t.updated_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(CheckTaskUnits(c, clock_.Today(), t.lead_unit_id, t.coordinator_ids));
    if (t.directive_id) {
      DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, *t.directive_id));
      if (!d) return Status::InvalidInput("directive_id", "Không có văn bản chỉ đạo này.");
    }
    if (t.group_id) {
      DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *t.group_id));
      if (!grp || (t.directive_id && grp->directive_id != *t.directive_id))
        return Status::InvalidInput("group_id", "Nhóm nhiệm vụ không thuộc văn bản đã chọn.");
      t.directive_id = grp->directive_id;
    }
    if (t.directive_id && who) {
      DH_RETURN_IF_ERROR(NamedDirective(c, AccessOf(*who), *who, *t.directive_id).status());
    } else if (t.directive_id) {
      DH_ASSIGN_OR_RETURN(auto d, FindDirective(c, *t.directive_id));
      if (!d) return Status::InvalidInput("directive_id", "Không có văn bản chỉ đạo này.");
    }
    if (t.assignee_id) {
      DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
      if (std::find(people.begin(), people.end(), *t.assignee_id) == people.end())
        return Status::InvalidInput("assignee_id",
                                    "Cán bộ được giao phải là cán bộ của đơn vị chủ trì.");
    }
    DH_ASSIGN_OR_RETURN(t.id, InsertTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, who, "task.create", TaskRecord{}, t, t.created_at));
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
    if (t.assignee_id) people.push_back(*t.assignee_id);
    return notifications::Notify(
               c, people, "assigned", t.id, "Nhiệm vụ mới: " + Short(t.title),
               "Đơn vị được giao chủ trì nhiệm vụ" +
                   (t.deadline ? ", hạn " + t.deadline->ToVietnamese() : std::string()) + ".",
               "assigned/" + std::to_string(t.id), t.created_at)
        .status();
  }));
  DH_RETURN_IF_ERROR(Refresh({t.id}));
  return View(t, 0, nullptr, nullptr);
}

Result<TaskView> TaskService::Update(const auth::Principal& who, int64_t id, const TaskInput& in) {
  DH_RETURN_IF_ERROR(Validate(in, false, *units_.Get()));
  if (in.deadline)
    return Status::InvalidInput("deadline",
                                "Hạn xử lý chỉ đổi qua gia hạn (POST /tasks/{id}/extensions) để "
                                "giữ lịch sử.");
  TaskRecord t;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, true));
    t = before;
    if (in.title) t.title = *in.title;
    if (in.description) t.description = *in.description;
    if (in.output_kind) t.output_kind = *in.output_kind;
    if (in.is_key) t.is_key = *in.is_key;
    if (in.coordinator_ids) {
      if (std::find(in.coordinator_ids->begin(), in.coordinator_ids->end(), t.lead_unit_id) !=
          in.coordinator_ids->end())
        return Status::InvalidInput("coordinator_ids",
                                    "Đơn vị chủ trì không đồng thời là đơn vị phối hợp.");
      std::vector<int64_t> added;
      for (int64_t u : *in.coordinator_ids)
        if (std::find(t.coordinator_ids.begin(), t.coordinator_ids.end(), u) ==
            t.coordinator_ids.end())
          added.push_back(u);
      DH_RETURN_IF_ERROR(CheckTaskUnits(c, clock_.Today(), std::nullopt, added));
      t.coordinator_ids = *in.coordinator_ids;
    }
    if (in.group_id) {
      DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *in.group_id));
      if (!grp || grp->directive_id != t.directive_id)
        return Status::InvalidInput("group_id", "Nhóm nhiệm vụ không thuộc văn bản của nhiệm vụ.");
      t.group_id = in.group_id;
    }
    if (in.lead_unit_id && *in.lead_unit_id != t.lead_unit_id)
      return Status::InvalidInput("lead_unit_id",
                                  "Đổi đơn vị chủ trì bằng thao tác giao lại (reassignment).");
    t.updated_at = clock_.NowSeconds();
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    return Record(c, &who, "task.update", before, t, t.updated_at);
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return Load(who, id);
}

Result<TaskView> TaskService::Load(const auth::Principal& who, int64_t id) const {
  DH_ASSIGN_OR_RETURN(TaskDetail d, Get(who, id));
  return d.view;
}

Result<TaskDetail> TaskService::Get(const auth::Principal& who, int64_t id) const {
  TaskDetail d;
  const Access a = AccessOf(who);
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
    DH_ASSIGN_OR_RETURN(d.reports, ReportsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.extensions, ExtensionsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.coordination, CoordinationsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.events, EventsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.occurrences, OccurrencesOf(c, id));
    DH_ASSIGN_OR_RETURN(auto parts, ChildrenOf(c, id));
    // Only the parts `who` may see; the roll-up progress counts them all.
    for (const auto& p : parts)
      if (CanSeeTask(a, who, p)) d.parts.push_back(View(p, 0, &a, &who));
    const int approved =
        static_cast<int>(std::count_if(d.extensions.begin(), d.extensions.end(),
                                       [](const Extension& e) { return e.status == "approved"; }));
    d.view = View(*t, approved, &a, &who);
    return Status::Ok();
  }));
  return d;
}

Result<std::vector<TaskView>> TaskService::List(const auth::Principal& who, TaskFilter f,
                                                int64_t limit, int64_t offset,
                                                int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  const Access a = AccessOf(who);
  auto bits = ScopeBitmap(a.read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  const auto ids = index_.Find(
      f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days), limit, offset, total);
  std::vector<TaskRecord> rows;
  std::unordered_map<int64_t, int> extensions;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(rows, FindTasks(c, ids));
    DH_ASSIGN_OR_RETURN(extensions, ApprovedExtensionCounts(c, ids));
    return Status::Ok();
  }));
  std::vector<TaskView> out;
  for (const auto& t : rows) out.push_back(View(t, extensions[t.id], &a, &who));
  return out;
}

Result<std::unordered_map<int64_t, BoardCounts>> TaskService::Board(const auth::Principal& who,
                                                                    const std::string& by,
                                                                    TaskFilter f) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  if (by != "unit" && by != "directive" && by != "group")
    return Status::InvalidInput("by", "Chọn cách gộp: unit, directive hoặc group.");
  auto bits = ScopeBitmap(AccessOf(who).read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  return index_.Board(by, f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days));
}

Result<std::unordered_map<int64_t, CoordinationCounts>> TaskService::CoordinationBoard(
    const auth::Principal& who) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  auto bits = ScopeBitmap(AccessOf(who).read);
  return index_.CoordinationBoard(bits.get(), clock_.Today(), *calendar_.Get());
}

Result<std::vector<TaskService::CoordinationItem>> TaskService::ListCoordinations(
    const auth::Principal& who, const CoordinationFilter& f, int64_t limit, int64_t offset,
    int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  const Access a = AccessOf(who);
  auto bits = ScopeBitmap(a.read);
  size_t n = 0;
  const auto requests =
      index_.Coordinations(bits.get(), f, clock_.Today(), *calendar_.Get(),
                           static_cast<size_t>(limit), static_cast<size_t>(offset), &n);
  *total = static_cast<int64_t>(n);
  std::vector<int64_t> ids;
  for (const auto& r : requests) ids.push_back(r.task_id);
  std::vector<TaskRecord> tasks;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(tasks, FindTasks(c, ids));
    return Status::Ok();
  }));
  // The index keeps the requests asked of a unit in scope (CanSeeCoordination); the task's
  // title goes with them only when `who` sees the task too.
  std::unordered_map<int64_t, std::string> titles;
  for (const auto& t : tasks)
    if (CanSeeTask(a, who, t)) titles.emplace(t.id, t.title);
  std::vector<CoordinationItem> out;
  for (const auto& r : requests) {
    auto it = titles.find(r.task_id);
    if (!CanSeeCoordination(a, r, it != titles.end())) continue;
    out.push_back({r, it == titles.end() ? std::string() : it->second});
  }
  return out;
}

// ---- Many tasks at once (imports) -------------------------------------------------------

namespace {

Status InvalidRows(size_t n) {
  return Status::InvalidInput("",
                              std::to_string(n) +
                                  " lỗi trong tệp; chưa nhập nhiệm vụ nào. Sửa các dòng "
                                  "được nêu rồi gửi lại.",
                              "invalid_rows");
}

// Each row's units, checked again on the database inside the import's transaction (once
// per unit): a row whose unit a restructuring ended since the file was first checked is
// reported like any other wrong row.
Status CheckBatchUnits(db::Connection& c, Date day, const TaskBatch& batch,
                       std::vector<BatchError>* errors) {
  std::map<std::pair<int64_t, bool>, Status> verdicts;  // by (unit, as the lead)
  const auto check = [&](int64_t unit, bool lead, Status& verdict) -> Status {
    auto it = verdicts.find({unit, lead});
    if (it == verdicts.end()) {
      Status s = lead ? units::CheckTakesWork(c, unit, day, "lead_unit_id", "Đơn vị chủ trì")
                      : units::CheckTakesWork(c, unit, day, "coordinator_ids", "Đơn vị phối hợp");
      if (!s.ok() && s.code() != StatusCode::kInvalidInput) return s;  // the database failed
      it = verdicts.emplace(std::make_pair(unit, lead), s).first;
    }
    verdict = it->second;
    return Status::Ok();
  };
  for (const TaskBatch::Item& item : batch.items) {
    std::vector<std::pair<int64_t, bool>> asked = {{*item.input.lead_unit_id, true}};
    for (int64_t id : item.input.coordinator_ids.value_or(std::vector<int64_t>{}))
      asked.push_back({id, false});
    for (const auto& [unit, lead] : asked) {
      Status verdict;
      DH_RETURN_IF_ERROR(check(unit, lead, verdict));
      if (verdict.ok()) continue;
      errors->push_back({item.row, verdict.field(), verdict.message()});
      break;
    }
  }
  return errors->empty() ? Status::Ok() : InvalidRows(errors->size());
}

// What a dry run returns from its transaction so that everything it did is rolled back.
Status DryRunRollback() { return Status::Conflict("dry run", "dry_run_rollback"); }

}  // namespace

Result<BatchResult> TaskService::CreateBatch(const auth::Principal& who, const TaskBatch& batch,
                                             std::vector<BatchError>* errors) {
  errors->clear();
  if (!who.Can(auth::Permission::kTasksManage))
    return Status::Forbidden("Chỉ văn phòng được nhập nhiệm vụ từ tệp.");
  if (batch.items.empty())
    return Status::InvalidInput("file", "Tệp không có dòng nhiệm vụ nào để nhập.", "empty_import");
  auto g = units_.Get();
  const Access access = AccessOf(who);
  for (const TaskBatch::Item& item : batch.items) {
    if (Status s = Validate(item.input, true, *g); !s.ok()) {
      errors->push_back({item.row, s.field(), s.message()});
      continue;
    }
    if (!access.manage.Contains(*item.input.lead_unit_id))
      errors->push_back(
          {item.row, "lead_unit_id", "Đơn vị chủ trì nằm ngoài phạm vi bạn được giao việc."});
    if (item.progress_percent < 0 || item.progress_percent > 100)
      errors->push_back({item.row, "progress_percent", "Tiến độ là một số từ 0 đến 100 (%)."});
  }
  if (!errors->empty()) return InvalidRows(errors->size());

  const Date today = clock_.Today();
  const int64_t now = clock_.NowSeconds();
  BatchResult result;
  Status s = db::InTransaction(db_, [&](db::Connection& c) -> Status {
    std::optional<Directive> d;
    DH_ASSIGN_OR_RETURN(d, NamedDirective(c, access, who, batch.directive_id));
    if (!access.manage.Contains(d->issuer_unit_id))
      return Status::Forbidden(
          "Chỉ văn phòng của cơ quan ban hành được nhập nhiệm vụ cho văn bản này.");
    if (batch.group_id) {
      DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *batch.group_id));
      if (!grp || grp->directive_id != d->id)
        return Status::InvalidInput("group_id", "Nhóm nhiệm vụ không thuộc văn bản đã chọn.");
    }
    DH_RETURN_IF_ERROR(CheckBatchUnits(c, today, batch, errors));
    if (!batch.source_sha256.empty()) {
      DH_ASSIGN_OR_RETURN(auto prior, FindImport(c, d->id, batch.source_sha256));
      if (prior)
        return Status::Conflict("Tệp này đã được nhập vào văn bản " + d->number + " ngày " +
                                    VietnamDateOf(prior->created_at).ToVietnamese() + " (" +
                                    std::to_string(prior->tasks) +
                                    " nhiệm vụ). Không nhập lại để tránh trùng nhiệm vụ.",
                                "already_imported", "file");
    }

    // Headings: an existing group of the same title under the same parent, or a new one.
    DH_ASSIGN_OR_RETURN(auto groups, GroupsOf(c, d->id));
    std::vector<std::optional<int64_t>> heading_ids(batch.headings.size());
    for (size_t i = 0; i < batch.headings.size(); ++i) {
      const TaskBatch::Heading& h = batch.headings[i];
      const std::optional<int64_t> parent = h.parent < 0 ? batch.group_id : heading_ids[h.parent];
      const std::string folded = text::FoldForSearch(h.title);
      int position = 0;
      for (const TaskGroup& grp : groups) {
        if (grp.parent_id != parent) continue;
        position = std::max(position, grp.position + 1);
        if (!heading_ids[i] && text::FoldForSearch(grp.title) == folded) heading_ids[i] = grp.id;
      }
      if (heading_ids[i]) continue;
      TaskGroup grp{0, d->id, parent, text::Trim(h.title), position};
      DH_ASSIGN_OR_RETURN(grp.id, InsertGroup(c, grp));
      DH_RETURN_IF_ERROR(
          audit::Record(c, &who,
                        {"task_group.create", "task_group", grp.id, d->issuer_unit_id, nullptr,
                         bj::object{{"directive_id", grp.directive_id},
                                    {"title", grp.title},
                                    {"position", grp.position}}},
                        now));
      groups.push_back(grp);
      heading_ids[i] = grp.id;
      ++result.groups_created;
    }

    int64_t import_id = 0;
    if (!batch.source_sha256.empty()) {
      auto inserted = InsertImport(c, {0, d->id, batch.source_sha256, batch.source_name,
                                       static_cast<int64_t>(batch.items.size()), who.user_id, now});
      if (!inserted.ok() && inserted.status().code() == StatusCode::kUniqueViolation)
        return Status::Conflict("Tệp này vừa được nhập vào văn bản " + d->number + ".",
                                "already_imported", "file");
      DH_ASSIGN_OR_RETURN(import_id, std::move(inserted));
    }

    std::map<int64_t, std::vector<const TaskRecord*>> by_unit;  // for one notice per unit
    std::vector<TaskRecord> created;
    created.reserve(batch.items.size());
    for (const TaskBatch::Item& item : batch.items) {
      const TaskInput& in = item.input;
      TaskRecord t;
      t.directive_id = d->id;
      t.group_id = item.heading < 0 ? batch.group_id : heading_ids[item.heading];
      t.title = text::Trim(*in.title);
      t.description = in.description.value_or("");
      t.lead_unit_id = *in.lead_unit_id;
      t.output_kind = in.output_kind.value_or("report");
      t.deadline = t.original_deadline = in.deadline;
      t.recurrence = ParseRecurrence(in.recurrence.value_or("")).value_or(Recurrence{});
      if (t.recurrence.kind != Recurrence::kNone && !t.deadline)
        t.deadline = t.original_deadline = NextOccurrence(t.recurrence, today.AddDays(-1));
      t.is_key = in.is_key.value_or(false);
      t.coordinator_ids = in.coordinator_ids.value_or(std::vector<int64_t>{});
      t.milestones = in.milestones;
      t.created_by = who.user_id;
      t.created_at = t.updated_at = now;
      if (item.progress_percent > 0) {
        t.state = TaskState::kInProgress;
        t.progress_percent = t.own_progress_percent = item.progress_percent;
        t.last_report_on = today;
      }
      DH_ASSIGN_OR_RETURN(t.id, InsertTask(c, t));
      if (item.progress_percent > 0)
        DH_RETURN_IF_ERROR(
            InsertReport(
                c, {0, t.id, today, item.progress_percent,
                    "Tiến độ ghi trong tệp nhập (" + batch.source_name + ").", who.user_id, now})
                .status());
      DH_RETURN_IF_ERROR(Record(c, &who, "task.create", TaskRecord{}, t, now));
      created.push_back(std::move(t));
    }
    for (const TaskRecord& t : created) by_unit[t.lead_unit_id].push_back(&t);
    for (const auto& [unit, list] : by_unit) {
      DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, unit));
      const TaskRecord& first = *list.front();
      const std::string title = list.size() == 1 ? "Nhiệm vụ mới: " + Short(first.title)
                                                 : "Nhiệm vụ mới: " + std::to_string(list.size()) +
                                                       " nhiệm vụ theo văn bản " + d->number;
      DH_RETURN_IF_ERROR(
          notifications::Notify(c, people, "assigned", first.id, title,
                                "Đơn vị được giao chủ trì theo văn bản " + d->number + ".",
                                "import/" + std::to_string(import_id) + "/" +
                                    std::to_string(first.id) + "/u" + std::to_string(unit),
                                now)
              .status());
    }
    DH_RETURN_IF_ERROR(audit::Record(c, &who,
                                     {"task.import", "directive", d->id, d->issuer_unit_id, nullptr,
                                      bj::object{{"sha256", batch.source_sha256},
                                                 {"file_name", batch.source_name},
                                                 {"tasks", static_cast<int64_t>(created.size())},
                                                 {"groups_created", result.groups_created}}},
                                     now));
    result.created = static_cast<int64_t>(created.size());
    for (const TaskRecord& t : created) result.task_ids.push_back(t.id);
    return batch.dry_run ? DryRunRollback() : Status::Ok();
  });
  if (batch.dry_run && s.error_code() == "dry_run_rollback") {
    result.task_ids.clear();
    return result;
  }
  DH_RETURN_IF_ERROR(s);
  constexpr size_t kChunk = 1000;
  for (size_t i = 0; i < result.task_ids.size(); i += kChunk) {
    const auto end = result.task_ids.begin() +
                     static_cast<std::ptrdiff_t>(std::min(i + kChunk, result.task_ids.size()));
    DH_RETURN_IF_ERROR(Refresh(
        std::vector<int64_t>(result.task_ids.begin() + static_cast<std::ptrdiff_t>(i), end)));
  }
  return result;
}

Result<std::vector<int64_t>> TaskService::MatchingIds(const auth::Principal& who,
                                                      TaskFilter f) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  auto bits = ScopeBitmap(AccessOf(who).read);
  f.visible_units = bits.get();
  f.viewer_id = who.user_id;
  auto cal = calendar_.Get();
  int64_t total = 0;
  return index_.Find(f, MakeTimelinessClock(clock_.Today(), *cal, settings_.due_soon_days),
                     std::numeric_limits<int32_t>::max(), 0, &total);
}

Status TaskService::VisitTasks(const auth::Principal& who, const std::vector<int64_t>& ids,
                               const std::function<Status(const TaskView&)>& fn,
                               size_t batch) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden("Vai trò của bạn không xem được nhiệm vụ.");
  const Access a = AccessOf(who);
  batch = std::max<size_t>(batch, 1);
  for (size_t i = 0; i < ids.size(); i += batch) {
    const std::vector<int64_t> chunk(
        ids.begin() + static_cast<std::ptrdiff_t>(i),
        ids.begin() + static_cast<std::ptrdiff_t>(std::min(i + batch, ids.size())));
    std::vector<TaskRecord> rows;
    DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
      DH_ASSIGN_OR_RETURN(rows, FindTasks(c, chunk));
      return Status::Ok();
    }));
    for (const TaskRecord& t : rows)
      if (CanSeeTask(a, who, t)) DH_RETURN_IF_ERROR(fn(View(t, 0, &a, &who)));
  }
  return Status::Ok();
}

std::unordered_set<int64_t> TaskService::VisibleTasks(const auth::Principal& who,
                                                      const std::vector<int64_t>& ids) const {
  return SeenTasks(index_, AccessOf(who), who, ids);
}

// ---- The loop ---------------------------------------------------------------------------

Status TaskService::RollUp(db::Connection& c, std::optional<int64_t> parent_id, int64_t now,
                           std::vector<int64_t>& touched) {
  for (int guard = 0; parent_id && guard < 20; ++guard) {
    DH_ASSIGN_OR_RETURN(auto parent, FindTask(c, *parent_id));
    if (!parent) return Status::Ok();
    DH_ASSIGN_OR_RETURN(auto children, ChildrenOf(c, parent->id));
    std::vector<Part> parts;
    for (const auto& ch : children) parts.push_back({ch.share_percent, ch.progress_percent});
    const int rolled = RollUpProgress(parent->own_progress_percent, parts);
    if (rolled == parent->progress_percent) return Status::Ok();
    parent->progress_percent = rolled;
    parent->updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, *parent));
    touched.push_back(parent->id);
    parent_id = parent->parent_task_id;
  }
  return Status::Ok();
}

Result<TaskView> TaskService::Report(const auth::Principal& who, int64_t id, std::optional<Date> on,
                                     int percent, const std::string& body) {
  if (percent < 0 || percent > 100)
    return Status::InvalidInput("percent", "Tiến độ là một số từ 0 đến 100 (%).");
  if (body.empty()) return Status::InvalidInput("body", "Nêu nội dung đã thực hiện.");
  const Date today = clock_.Today();
  const Date day = on.value_or(today);
  if (day > today)
    return Status::InvalidInput("reported_on", "Ngày báo cáo không được sau hôm nay.");
  std::vector<int64_t> touched = {id};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, false));
    TaskRecord t = before;
    DH_ASSIGN_OR_RETURN(t.state, Transition(t.state, TaskEvent::kReport));
    if (before.state == TaskState::kNotStarted && percent == 0) t.state = TaskState::kNotStarted;
    const int64_t now = clock_.NowSeconds();
    // A report dated before the last one fills in the history; the latest report still
    // says where the work stands and when it last moved (which escalation reads).
    if (!before.last_report_on || day >= *before.last_report_on) {
      t.own_progress_percent = percent;
      DH_ASSIGN_OR_RETURN(auto children, ChildrenOf(c, id));
      std::vector<Part> parts;
      for (const auto& ch : children) parts.push_back({ch.share_percent, ch.progress_percent});
      t.progress_percent = RollUpProgress(percent, parts);
      t.last_report_on = day;
    }
    t.updated_at = now;
    DH_RETURN_IF_ERROR(InsertReport(c, {0, id, day, percent, body, who.user_id, now}).status());
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.report", before, t, now));
    return RollUp(c, t.parent_task_id, now, touched);
  }));
  DH_RETURN_IF_ERROR(Refresh(touched));
  return Load(who, id);
}

Result<Extension> TaskService::RequestExtension(const auth::Principal& who, int64_t id,
                                                Date new_deadline, const std::string& reason) {
  if (reason.empty()) return Status::InvalidInput("reason", "Nêu lý do xin gia hạn.");
  Extension e;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord t, ForWrite(c, who, id, false));
    if (!IsOpen(t.state) || t.state == TaskState::kAwaitingConfirmation)
      return Status::Conflict("Nhiệm vụ đã hoàn thành hoặc đang tạm dừng; không cần gia hạn.",
                              "invalid_state");
    if (!t.deadline)
      return Status::Conflict("Nhiệm vụ thường xuyên không có hạn để gia hạn.", "no_deadline");
    if (new_deadline <= *t.deadline)
      return Status::InvalidInput(
          "new_deadline", "Hạn mới phải sau hạn hiện tại " + t.deadline->ToVietnamese() + ".");
    // An overdue task asks for a date still to come: one already past would be overdue too.
    if (new_deadline < clock_.Today())
      return Status::InvalidInput("new_deadline", "Hạn mới không được trước hôm nay.");
    DH_ASSIGN_OR_RETURN(auto existing, ExtensionsOf(c, id));
    for (const auto& x : existing)
      if (x.status == "pending")
        return Status::Conflict("Nhiệm vụ đã có đề nghị gia hạn đang chờ quyết định.",
                                "extension_pending");
    const int64_t now = clock_.NowSeconds();
    e = {0,           id,  t.deadline,   new_deadline, reason, "pending",
         who.user_id, now, std::nullopt, std::nullopt, ""};
    DH_ASSIGN_OR_RETURN(e.id, InsertExtension(c, e));
    Status r = audit::Record(c, &who,
                             {"task.extension_request", "task", id, t.lead_unit_id, nullptr,
                              bj::object{{"extension_id", e.id},
                                         {"requested_deadline", new_deadline.ToString()},
                                         {"reason", reason}}},
                             now);
    DH_RETURN_IF_ERROR(r);
    // The office hears at once, not only in tomorrow's digest.
    DH_ASSIGN_OR_RETURN(auto office, Deciders(c, *units_.Get(), t.lead_unit_id));
    return notifications::Notify(
               c, office, "extension_requested", id, "Đề nghị gia hạn: " + Short(t.title),
               "Đề nghị hạn mới " + new_deadline.ToVietnamese() + ". Lý do: " + reason,
               "extension_request/" + std::to_string(e.id), now)
        .status();
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));  // the lists' "extension pending" flag
  return e;
}

Result<Extension> TaskService::DecideExtension(const auth::Principal& who, int64_t extension_id,
                                               bool approve, const std::string& note) {
  if (!approve && note.empty())
    return Status::InvalidInput("note", "Nêu lý do không đồng ý gia hạn.");
  Extension e;
  int64_t task_id = 0;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindExtension(c, extension_id));
    if (!found) return Status::NotFound("Không tìm thấy đề nghị gia hạn.");
    task_id = found->task_id;
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, found->task_id, true));
    // Every rule on the task's row as it stands inside this transaction.
    if (found->status == "closed")
      return Status::Conflict(
          "Đề nghị gia hạn này đã đóng khi nhiệm vụ báo cáo hoàn thành; không quyết định được "
          "nữa.",
          "extension_closed");
    if (found->status != "pending")
      return Status::Conflict("Đề nghị gia hạn này đã được quyết định.", "already_decided");
    if (before.state == TaskState::kDone || before.state == TaskState::kAwaitingConfirmation)
      return Status::Conflict(
          "Nhiệm vụ đã báo cáo hoàn thành" +
              (before.finished_on ? " ngày " + before.finished_on->ToVietnamese() : std::string()) +
              "; không gia hạn sau khi đã hoàn thành.",
          "task_finished");
    if (found->previous_deadline != before.deadline)
      return Status::Conflict(
          "Hạn của nhiệm vụ đã đổi" +
              (before.deadline ? " (nay là " + before.deadline->ToVietnamese() + ")"
                               : std::string()) +
              " từ khi có đề nghị này; hãy đề nghị gia hạn lại.",
          "deadline_changed");
    e = *found;
    const int64_t now = clock_.NowSeconds();
    e.status = approve ? "approved" : "rejected";
    e.decided_by = who.user_id;
    e.decided_at = now;
    e.decision_note = note;
    DH_RETURN_IF_ERROR(UpdateExtension(c, e));
    TaskRecord t = before;
    if (approve) {
      t.deadline = e.requested_deadline;
      t.updated_at = now;
      DH_RETURN_IF_ERROR(UpdateTask(c, t));
    }
    DH_RETURN_IF_ERROR(Record(
        c, &who, approve ? "task.extension_approved" : "task.extension_rejected", before, t, now));
    std::vector<int64_t> people;
    if (e.requested_by) people.push_back(*e.requested_by);
    return notifications::Notify(
               c, people, "extension_decided", t.id,
               (approve ? "Đồng ý gia hạn: " : "Không đồng ý gia hạn: ") + Short(t.title),
               approve ? "Hạn mới " + e.requested_deadline.ToVietnamese() + "." : "Lý do: " + note,
               "extension/" + std::to_string(e.id), now)
        .status();
  }));
  DH_RETURN_IF_ERROR(Refresh({task_id}));
  return e;
}

Result<std::vector<TaskView>> TaskService::Delegate(const auth::Principal& who, int64_t id,
                                                    const std::vector<DelegationPart>& parts) {
  if (parts.empty())
    return Status::InvalidInput("parts", "Chọn ít nhất một đơn vị hoặc cán bộ để giao.");
  const Date today = clock_.Today();
  std::vector<int64_t> created;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord parent, ForWrite(c, who, id, false));
    if (!IsOpen(parent.state) || parent.state == TaskState::kAwaitingConfirmation ||
        parent.state == TaskState::kRefused)
      return Status::Conflict("Chỉ giao tiếp nhiệm vụ đang thực hiện.", "invalid_state");
    DH_ASSIGN_OR_RETURN(auto existing, ChildrenOf(c, id));
    int shares = 0;
    for (const auto& ch : existing) shares += ch.share_percent;
    const int64_t now = clock_.NowSeconds();
    for (const DelegationPart& p : parts) {
      if (p.share_percent < 1 || p.share_percent > 100)
        return Status::InvalidInput("parts", "Tỷ trọng mỗi phần việc từ 1 đến 100%.");
      shares += p.share_percent;
      if (shares > 100)
        return Status::InvalidInput("parts", "Tổng tỷ trọng các phần việc đã giao vượt 100%.");
      TaskRecord ch;
      ch.parent_task_id = id;
      ch.directive_id = parent.directive_id;
      ch.group_id = parent.group_id;
      ch.share_percent = p.share_percent;
      ch.title = p.title.empty() ? parent.title : p.title;
      ch.description = parent.description;
      ch.output_kind = parent.output_kind;
      ch.is_key = parent.is_key;
      ch.deadline = ch.original_deadline = p.deadline ? p.deadline : parent.deadline;
      if (ch.deadline && parent.deadline && *ch.deadline > *parent.deadline)
        return Status::InvalidInput("parts", "Hạn của phần việc không được sau hạn của nhiệm vụ " +
                                                 parent.deadline->ToVietnamese() + ".");
      if (p.unit_id) {
        // The tree as the database holds it now, not as the in-memory graph last saw it.
        DH_ASSIGN_OR_RETURN(const bool under,
                            units::StoredIsUnder(c, *p.unit_id, parent.lead_unit_id, today));
        if (*p.unit_id == parent.lead_unit_id || !under)
          return Status::InvalidInput("parts", "Chỉ giao cho đơn vị trực thuộc đơn vị chủ trì.");
        DH_RETURN_IF_ERROR(
            units::CheckTakesWork(c, *p.unit_id, today, "parts", "Đơn vị được giao phần việc"));
        ch.lead_unit_id = *p.unit_id;
      } else if (p.assignee_id) {
        DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, parent.lead_unit_id));
        if (std::find(people.begin(), people.end(), *p.assignee_id) == people.end())
          return Status::InvalidInput("parts", "Chỉ giao cho cán bộ thuộc đơn vị chủ trì.");
        ch.lead_unit_id = parent.lead_unit_id;
        ch.assignee_id = p.assignee_id;
      } else {
        return Status::InvalidInput(
            "parts", "Mỗi phần việc cần unit_id (đơn vị) hoặc assignee_id (cán bộ).");
      }
      ch.created_by = who.user_id;
      ch.created_at = ch.updated_at = now;
      DH_ASSIGN_OR_RETURN(ch.id, InsertTask(c, ch));
      created.push_back(ch.id);
      DH_RETURN_IF_ERROR(Record(c, &who, "task.delegate", TaskRecord{}, ch, now));
      std::vector<int64_t> people;
      if (ch.assignee_id) {
        people.push_back(*ch.assignee_id);
      } else {
        DH_ASSIGN_OR_RETURN(people, notifications::UsersOfUnit(c, ch.lead_unit_id));
      }
      DH_RETURN_IF_ERROR(
          notifications::Notify(c, people, "assigned", ch.id, "Được giao: " + Short(ch.title),
                                "Phần việc " + std::to_string(ch.share_percent) + "% của nhiệm vụ.",
                                "assigned/" + std::to_string(ch.id), now)
              .status());
    }
    if (parent.state == TaskState::kNotStarted) {
      TaskRecord after = parent;
      after.state = TaskState::kInProgress;
      after.updated_at = now;
      DH_RETURN_IF_ERROR(UpdateTask(c, after));
    }
    std::vector<int64_t> touched;
    return RollUp(c, id, now, touched);
  }));
  created.push_back(id);
  DH_RETURN_IF_ERROR(Refresh(created));
  created.pop_back();
  std::vector<TaskView> out;
  for (int64_t cid : created) {
    DH_ASSIGN_OR_RETURN(TaskView v, Load(who, cid));
    out.push_back(std::move(v));
  }
  return out;
}

Result<CoordinationRequest> TaskService::RequestCoordination(const auth::Principal& who, int64_t id,
                                                             int64_t to_unit_id,
                                                             const std::string& body, Date due_on) {
  if (body.empty()) return Status::InvalidInput("body", "Nêu nội dung đề nghị phối hợp.");
  const Date today = clock_.Today();
  if (due_on < today)
    return Status::InvalidInput("due_on", "Hạn trả lời không được trước hôm nay.");
  DH_RETURN_IF_ERROR(units::CheckTakesWork(*units_.Get(), to_unit_id, today, "to_unit_id",
                                           "Đơn vị được đề nghị phối hợp"));
  CoordinationRequest r;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, to_unit_id, today, "to_unit_id", "Đơn vị được đề nghị phối hợp"));
    DH_ASSIGN_OR_RETURN(TaskRecord t, ForWrite(c, who, id, false));
    if (to_unit_id == t.lead_unit_id)
      return Status::InvalidInput("to_unit_id",
                                  "Đơn vị chủ trì không tự đề nghị phối hợp với chính mình.");
    const int64_t now = clock_.NowSeconds();
    r = {0, id, t.lead_unit_id, to_unit_id, body, due_on, std::nullopt, "", who.user_id, now};
    DH_ASSIGN_OR_RETURN(r.id, InsertCoordination(c, r));
    if (std::find(t.coordinator_ids.begin(), t.coordinator_ids.end(), to_unit_id) ==
        t.coordinator_ids.end()) {
      t.coordinator_ids.push_back(to_unit_id);
      DH_RETURN_IF_ERROR(UpdateTask(c, t));
    }
    DH_RETURN_IF_ERROR(audit::Record(
        c, &who,
        {"task.coordination_request", "task", id, t.lead_unit_id, nullptr,
         bj::object{
             {"request_id", r.id}, {"to_unit_id", to_unit_id}, {"due_on", due_on.ToString()}}},
        now));
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, to_unit_id));
    return notifications::Notify(c, people, "coordination", id,
                                 "Đề nghị phối hợp: " + Short(t.title),
                                 "Trả lời trước ngày " + due_on.ToVietnamese() + ".",
                                 "coordination/" + std::to_string(r.id), now)
        .status();
  }));
  DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return r;
}

Result<CoordinationRequest> TaskService::AnswerCoordination(const auth::Principal& who,
                                                            int64_t request_id,
                                                            const std::string& answer) {
  if (answer.empty()) return Status::InvalidInput("answer", "Nhập nội dung trả lời.");
  CoordinationRequest r;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto found, FindCoordination(c, request_id));
    const Access a = AccessOf(who);
    std::optional<TaskRecord> task;
    if (found) {
      DH_ASSIGN_OR_RETURN(task, FindTask(c, found->task_id));
    }
    if (!found || !CanSeeCoordination(a, *found, task && CanSeeTask(a, who, *task)))
      return Status::NotFound("Không tìm thấy đề nghị phối hợp.");
    if (!a.work.Contains(found->to_unit_id) && !a.manage.Contains(found->to_unit_id))
      return Status::Forbidden("Chỉ đơn vị được đề nghị mới trả lời.");
    if (found->answered_on)
      return Status::Conflict("Đề nghị này đã được trả lời.", "already_answered");
    r = *found;
    r.answered_on = clock_.Today();
    r.answer = answer;
    DH_RETURN_IF_ERROR(tasks::AnswerCoordination(c, r.id, *r.answered_on, answer));
    return audit::Record(
        c, &who,
        {"task.coordination_answer", "task", r.task_id, r.to_unit_id, nullptr,
         bj::object{{"request_id", r.id}, {"answered_on", r.answered_on->ToString()}}},
        clock_.NowSeconds());
  }));
  DH_RETURN_IF_ERROR(index_.RefreshCoordinations(db_));
  return r;
}

Result<TaskView> TaskService::Submit(const auth::Principal& who, int64_t id, std::optional<Date> on,
                                     const std::string& output_text) {
  if (output_text.empty())
    return Status::InvalidInput("output_text", "Mô tả sản phẩm (kết quả) của nhiệm vụ.");
  const Date today = clock_.Today();
  const Date day = on.value_or(today);
  if (day > today)
    return Status::InvalidInput("finished_on", "Ngày hoàn thành không được sau hôm nay.");
  std::vector<int64_t> touched = {id};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, false));
    TaskRecord t = before;
    const int64_t now = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(auto state, Transition(t.state, TaskEvent::kSubmit));
    const bool period = t.recurrence.kind != Recurrence::kNone && t.deadline.has_value();
    if (period) {
      // One period of a recurring task: recorded, and the next period begins.
      DH_RETURN_IF_ERROR(InsertOccurrence(c, {0, id, *t.deadline, day, output_text}));
      t.deadline = NextOccurrence(t.recurrence, *t.deadline);
      t.state = TaskState::kInProgress;
      t.last_report_on = day;
    } else {
      t.state = state;
      t.finished_on = day;
      t.output_text = output_text;
      t.own_progress_percent = 100;
      t.progress_percent = 100;
    }
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(InsertEvent(
        c, {0, id, "submitted", day, output_text, std::nullopt, std::nullopt, who.user_id, now}));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.submit", before, t, now));
    DH_RETURN_IF_ERROR(ClosePendingExtensions(
        c, who, t,
        (period ? "Kỳ hạn " + before.deadline->ToVietnamese() + " đã hoàn thành ngày "
                : std::string("Nhiệm vụ đã báo cáo hoàn thành ngày ")) +
            day.ToVietnamese() + "; đề nghị gia hạn tự đóng.",
        now));
    if (t.state == TaskState::kAwaitingConfirmation) {
      DH_ASSIGN_OR_RETURN(auto office, Deciders(c, *units_.Get(), t.lead_unit_id));
      DH_RETURN_IF_ERROR(
          notifications::Notify(c, office, "completion_submitted", id,
                                "Chờ xác nhận hoàn thành: " + Short(t.title),
                                "Sản phẩm: " + Short(output_text),
                                "submitted/" + std::to_string(id) + "/" + std::to_string(now), now)
              .status());
    }
    return RollUp(c, t.parent_task_id, now, touched);
  }));
  DH_RETURN_IF_ERROR(Refresh(touched));
  return Load(who, id);
}

Result<TaskView> TaskService::Confirm(const auth::Principal& who, int64_t id, bool accept,
                                      const std::string& reason) {
  if (!accept && reason.empty())
    return Status::InvalidInput("reason", "Nêu lý do trả lại để đơn vị bổ sung.");
  std::vector<int64_t> touched = {id};
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, true));
    TaskRecord t = before;
    const int64_t now = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(t.state,
                        Transition(t.state, accept ? TaskEvent::kConfirm : TaskEvent::kReturn));
    if (!accept) {
      t.finished_on.reset();
      t.own_progress_percent = std::min(t.own_progress_percent, 90);
      t.progress_percent = std::min(t.progress_percent, 90);
    }
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(InsertEvent(c, {0, id, accept ? "confirmed" : "returned", clock_.Today(),
                                       reason, std::nullopt, std::nullopt, who.user_id, now}));
    DH_RETURN_IF_ERROR(Record(c, &who, accept ? "task.confirm" : "task.return", before, t, now));
    if (accept)
      DH_RETURN_IF_ERROR(ClosePendingExtensions(
          c, who, t, "Nhiệm vụ đã được xác nhận hoàn thành; đề nghị gia hạn tự đóng.", now));
    if (!accept) {
      DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, t.lead_unit_id));
      if (t.assignee_id) people.push_back(*t.assignee_id);
      DH_RETURN_IF_ERROR(
          notifications::Notify(c, people, "returned", id, "Trả lại: " + Short(t.title),
                                "Lý do: " + reason,
                                "returned/" + std::to_string(id) + "/" + std::to_string(now), now)
              .status());
    }
    return RollUp(c, t.parent_task_id, now, touched);
  }));
  DH_RETURN_IF_ERROR(Refresh(touched));
  return Load(who, id);
}

Result<TaskView> TaskService::Refuse(const auth::Principal& who, int64_t id,
                                     const std::string& reason) {
  if (reason.empty())
    return Status::InvalidInput("reason", "Nêu lý do nhiệm vụ không thuộc chức năng của đơn vị.");
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, false));
    TaskRecord t = before;
    const int64_t now = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(t.state, Transition(t.state, TaskEvent::kRefuse));
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(InsertEvent(c, {0, id, "refused", clock_.Today(), reason, t.lead_unit_id,
                                       std::nullopt, who.user_id, now}));
    return Record(c, &who, "task.refuse", before, t, now);
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return Load(who, id);
}

Result<TaskView> TaskService::Reassign(const auth::Principal& who, int64_t id, int64_t lead_unit_id,
                                       const std::string& note) {
  const Date today = clock_.Today();
  DH_RETURN_IF_ERROR(units::CheckTakesWork(*units_.Get(), lead_unit_id, today, "lead_unit_id",
                                           "Đơn vị chủ trì mới"));
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(
        units::CheckTakesWork(c, lead_unit_id, today, "lead_unit_id", "Đơn vị chủ trì mới"));
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, true));
    if (!AccessOf(who).manage.Contains(lead_unit_id))
      return Status::Forbidden("Đơn vị chủ trì mới nằm ngoài phạm vi bạn được giao.");
    if (lead_unit_id == before.lead_unit_id)
      return Status::InvalidInput("lead_unit_id", "Chọn một đơn vị khác đơn vị đang chủ trì.");
    TaskRecord t = before;
    const int64_t now = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(t.state, Transition(t.state, TaskEvent::kReassign));
    t.lead_unit_id = lead_unit_id;
    t.assignee_id.reset();
    std::erase(t.coordinator_ids, lead_unit_id);
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(InsertEvent(c, {0, id, "reassigned", clock_.Today(), note,
                                       before.lead_unit_id, lead_unit_id, who.user_id, now}));
    DH_RETURN_IF_ERROR(Record(c, &who, "task.reassign", before, t, now));
    DH_ASSIGN_OR_RETURN(auto people, notifications::UsersOfUnit(c, lead_unit_id));
    return notifications::Notify(
               c, people, "assigned", id, "Nhiệm vụ được giao lại: " + Short(t.title), note,
               "assigned/" + std::to_string(id) + "/u" + std::to_string(lead_unit_id), now)
        .status();
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return Load(who, id);
}

Result<TaskView> TaskService::Suspend(const auth::Principal& who, int64_t id, bool suspend,
                                      const std::string& note) {
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(TaskRecord before, ForWrite(c, who, id, true));
    TaskRecord t = before;
    const int64_t now = clock_.NowSeconds();
    DH_ASSIGN_OR_RETURN(t.state,
                        Transition(t.state, suspend ? TaskEvent::kSuspend : TaskEvent::kResume));
    t.updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, t));
    DH_RETURN_IF_ERROR(InsertEvent(c, {0, id, suspend ? "suspended" : "resumed", clock_.Today(),
                                       note, std::nullopt, std::nullopt, who.user_id, now}));
    return Record(c, &who, suspend ? "task.suspend" : "task.resume", before, t, now);
  }));
  DH_RETURN_IF_ERROR(Refresh({id}));
  return Load(who, id);
}

Result<int64_t> TaskService::CheckDirectiveAccess(const auth::Principal& who, int64_t id,
                                                  bool write) const {
  DH_ASSIGN_OR_RETURN(Directive d, GetDirective(who, id));
  if (write && !AccessOf(who).manage.Contains(d.issuer_unit_id))
    return Status::Forbidden("Chỉ văn phòng của cơ quan ban hành được đính kèm tệp vào văn bản.");
  return d.issuer_unit_id;
}

Result<int64_t> TaskService::CheckTaskAccess(const auth::Principal& who, int64_t id,
                                             bool write) const {
  std::optional<TaskRecord> t;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(t, FindTask(c, id));
    return Status::Ok();
  }));
  const Access a = AccessOf(who);
  if (!t || !CanSeeTask(a, who, *t)) return TaskNotFound();
  if (write && !CanWorkTask(a, who, *t))
    return Status::Forbidden("Chỉ đơn vị chủ trì được đính kèm tệp vào nhiệm vụ.");
  return t->lead_unit_id;
}

// ---- Restructuring ----------------------------------------------------------------------

Result<int64_t> TaskTransfer::Transfer(db::Connection& c, int64_t from_unit, int64_t to_unit,
                                       Date day, const auth::Principal* who, int64_t now) {
  std::lock_guard lock(mu_);
  DH_ASSIGN_OR_RETURN(auto ids, OpenTasksLedBy(c, from_unit));
  for (int64_t id : ids) {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, id));
    TaskRecord before = *t;
    t->lead_unit_id = to_unit;
    std::erase(t->coordinator_ids, to_unit);
    t->updated_at = now;
    DH_RETURN_IF_ERROR(UpdateTask(c, *t));
    DH_RETURN_IF_ERROR(
        InsertEvent(c, {0, id, "transferred", day, "Sắp xếp đơn vị", from_unit, to_unit,
                        who ? std::optional(who->user_id) : std::nullopt, now}));
    DH_RETURN_IF_ERROR(Record(c, who, "task.transfer", before, *t, now));
    moved_.push_back(id);
  }
  // Coordinating roles on open tasks follow too.
  DH_ASSIGN_OR_RETURN(db::Rows co,
                      c.Query("SELECT tc.task_id FROM task_coordinators tc JOIN tasks t ON t.id = "
                              "tc.task_id WHERE tc.unit_id = ? AND t.state <> 'done'",
                              {from_unit}));
  for (size_t i = 0; i < co.size(); ++i) {
    DH_ASSIGN_OR_RETURN(auto t, FindTask(c, co.Int(i, 0)));
    std::replace(t->coordinator_ids.begin(), t->coordinator_ids.end(), from_unit, to_unit);
    std::sort(t->coordinator_ids.begin(), t->coordinator_ids.end());
    t->coordinator_ids.erase(std::unique(t->coordinator_ids.begin(), t->coordinator_ids.end()),
                             t->coordinator_ids.end());
    std::erase(t->coordinator_ids, t->lead_unit_id);
    DH_RETURN_IF_ERROR(UpdateTask(c, *t));
    moved_.push_back(t->id);
  }
  DH_ASSIGN_OR_RETURN(const int64_t requests, MoveOpenCoordinations(c, from_unit, to_unit));
  coordinations_moved_ |= requests > 0;
  return static_cast<int64_t>(ids.size());
}

void TaskTransfer::AfterCommit() {
  std::vector<int64_t> moved;
  bool coordinations = false;
  {
    std::lock_guard lock(mu_);
    moved.swap(moved_);
    std::swap(coordinations, coordinations_moved_);
  }
  // The coordination board counts requests by the unit asked: moved ones count for the
  // successor from now on.
  if (coordinations) (void)service_.index().RefreshCoordinations(service_.db());
  if (moved.empty()) return;
  (void)service_.index().Refresh(service_.db(), moved, *service_.Calendar());
}

}  // namespace dh::tasks
