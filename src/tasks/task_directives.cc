#include <algorithm>
#include <boost/json.hpp>

#include "audit/recorder.h"
#include "core/text.h"
#include "db/read_value.h"
#include "tasks/task_messages.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"

namespace dh::tasks {

// ---- Directives -------------------------------------------------------------------------

Result<Directive> TaskService::CreateDirective(const auth::Principal& who,
                                               const DirectiveInput& in) {
  Directive d;
  d.kind = in.kind.value_or("");
  if (!IsDirectiveKind(d.kind))
    return Status::InvalidInput("kind", Say(msg::kChooseDocumentTypeResolutionConclusion));
  d.number = in.number.value_or("");
  if (text::Trim(d.number).empty())
    return Status::InvalidInput("number", Say(msg::kEnterDirectiveSNumberExample));
  if (!in.issued_on) return Status::InvalidInput("issued_on", Say(msg::kEnterIssueDateExample));
  d.issued_on = *in.issued_on;
  d.title = in.title.value_or("");
  if (text::Trim(d.title).empty())
    return Status::InvalidInput("title", Say(msg::kEnterDirectiveSSummary));
  d.body = in.body.value_or("");
  if (!in.issuer_unit_id)
    return Status::InvalidInput("issuer_unit_id", Say(msg::kChooseIssuingBody));
  auto g = units_.Get();
  const units::Unit* issuer = g->Find(*in.issuer_unit_id);
  if (!issuer) return Status::InvalidInput("issuer_unit_id", Say(msg::kThereSuchIssuingBody));
  if (!who.Can(auth::Permission::kTasksManage))
    return Status::Forbidden(Say(msg::kOnlyOfficeEnterDirectives));
  d.issuer_unit_id = issuer->id;
  if (!MayManageDirective(AccessOf(who), d))
    return Status::Forbidden(Say(msg::kIssuingBodyOutsideScopeYou));
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
    if (!MayManageDirective(a, found)) return Status::Forbidden(Say(msg::kOnlyIssuingBodySOffice2));
    d = found;
    if (in.kind) {
      if (!IsDirectiveKind(*in.kind))
        return Status::InvalidInput("kind", Say(msg::kDocumentTypeValid));
      d.kind = *in.kind;
    }
    if (in.number) {
      if (in.number->empty())
        return Status::InvalidInput("number", Say(msg::kDirectiveNumberEmpty));
      d.number = *in.number;
    }
    if (in.title) {
      if (text::Trim(*in.title).empty())
        return Status::InvalidInput("title", Say(msg::kSummaryEmpty));
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
  DH_ASSIGN_OR_RETURN(std::optional<Directive> d, db::ReadValue(db_, [&](db::Connection& c) {
                        return VisibleDirective(c, a, who, id);
                      }));
  return *d;
}

Result<std::vector<Directive>> TaskService::ListDirectives(const auth::Principal& who,
                                                           const std::string& q, int64_t limit,
                                                           int64_t offset, int64_t* total) const {
  if (!who.Can(auth::Permission::kTasksRead))
    return Status::Forbidden(Say(msg::kYourRoleSeeDirectives));
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
  if (g.title.empty()) return Status::InvalidInput("title", Say(msg::kEnterTaskGroupSName));
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    const Access a = AccessOf(who);
    DH_ASSIGN_OR_RETURN(const Directive d, NamedDirective(c, a, who, g.directive_id));
    if (!MayManageDirective(a, d)) return Status::Forbidden(Say(msg::kOnlyIssuingBodySOffice3));
    if (g.parent_id) {
      DH_ASSIGN_OR_RETURN(auto p, FindGroup(c, *g.parent_id));
      if (!p || p->directive_id != g.directive_id)
        return Status::InvalidInput("parent_id", Say(msg::kParentGroupMustBelongSame));
    }
    DH_ASSIGN_OR_RETURN(g.id, InsertGroup(c, g));
    return GroupCreated(c, who, g, d.issuer_unit_id, clock_.NowSeconds());
  }));
  return g;
}

Result<std::vector<TaskGroup>> TaskService::Groups(const auth::Principal& who,
                                                   int64_t directive_id) const {
  if (!who.Can(auth::Permission::kTasksRead)) return Status::Forbidden(Say(msg::kYourRoleSeeTasks));
  const Access a = AccessOf(who);
  std::vector<TaskGroup> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(VisibleDirective(c, a, who, directive_id).status());
    DH_ASSIGN_OR_RETURN(out, GroupsOf(c, directive_id));
    return Status::Ok();
  }));
  return out;
}
}  // namespace dh::tasks
