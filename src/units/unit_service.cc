#include "units/unit_service.h"

#include <algorithm>

#include "audit/recorder.h"
#include "core/text.h"
#include "db/read_value.h"
#include "http/require.h"
#include "units/unit_json.h"
#include "units/unit_messages.h"
#include "units/unit_scope.h"
#include "units/unit_store.h"

namespace dh::units {
namespace {

Status NotFound() { return Status::NotFound(Say(msg::kUnitNotFound)); }

// A role that may not change units hears so before anything about its input.
Status CheckRole(const auth::Principal* who) {
  return auth::Require(who, auth::Permission::kUnitsWrite, msg::kRoleCannotEdit);
}

// A unit that a restructuring ends takes no new child that would outlive it: its children
// went to the successor when the restructuring was recorded, and one added afterwards would
// be left under a unit that has ended. (A child that ends with it, as history, is fine.)
Status CheckParentLasts(const UnitGraph& g, const Unit& parent, std::optional<Date> child_to) {
  const auto next = g.SuccessorsOf(parent.id);
  if (next.empty() || (child_to && parent.valid_to && *child_to <= *parent.valid_to))
    return Status::Ok();
  const Unit* successor = g.Find(next.front().successor_id);
  return Status::InvalidInput(
      "parent_id", Say(successor ? msg::kParentRestructuredChoose : msg::kParentRestructured,
                       {{"name", parent.name},
                        {"date", next.front().date.ToVietnamese()},
                        {"successor", successor ? successor->name : std::string()}}));
}

bool Matches(const Unit& u, const std::string& folded_q) {
  if (folded_q.empty()) return true;
  return text::FoldForSearch(u.name).find(folded_q) != std::string::npos ||
         text::FoldForSearch(u.code).find(folded_q) != std::string::npos;
}

}  // namespace

Result<std::vector<UnitRow>> UnitService::List(const auth::Principal& who, const UnitListQuery& q,
                                               int64_t* total) const {
  auto g = directory_.Get();
  const auto scope = ScopeFor(who, auth::Permission::kUnitsRead, *g);
  const Date day = q.as_of.value_or(clock_.Today());
  const std::string folded = text::FoldForSearch(q.q);
  std::vector<const Unit*> candidates = g->TreeOn(day);
  if (q.include_ended) {
    for (const Unit& u : g->all())
      if (!u.ActiveOn(day)) candidates.push_back(&u);
  }
  std::vector<UnitRow> out;
  *total = 0;
  for (const Unit* u : candidates) {
    if (!scope.Contains(u->id) || !Matches(*u, folded)) continue;
    if (!q.kind.empty() && u->kind != q.kind) continue;
    if ((*total)++ < q.offset) continue;
    if (static_cast<int64_t>(out.size()) < q.limit) out.push_back({*u, g->ParentOn(u->id, day)});
  }
  return out;
}

Result<UnitDetail> UnitService::Get(const auth::Principal& who, int64_t id) const {
  auto g = directory_.Get();
  const Unit* u = g->Find(id);
  if (!u || !ScopeFor(who, auth::Permission::kUnitsRead, *g).Contains(id)) return NotFound();
  const Date today = clock_.Today();
  // An ended unit reports the parent it had on its last day.
  const Date day = u->valid_to && *u->valid_to < today ? *u->valid_to : today;
  return UnitDetail{
      {*u, g->ParentOn(id, day)}, g->PredecessorsOf(id), g->SuccessorsOf(id), g->LinksOf(id)};
}

Status UnitService::CheckWrite(const auth::Principal* who, std::optional<int64_t> unit_id,
                               const UnitGraph& g) const {
  if (!who) return Status::Ok();  // the system itself (command line, demo loader)
  DH_RETURN_IF_ERROR(CheckRole(who));
  const auto scope = ScopeFor(*who, auth::Permission::kUnitsWrite, g);
  if (scope.all()) return Status::Ok();
  if (!unit_id || !scope.Contains(*unit_id)) return Status::Forbidden(Say(msg::kOutsideScope));
  return Status::Ok();
}

Status UnitService::CheckCreate(const auth::Principal* who, const UnitInput& in, const Unit& u,
                                const UnitGraph& g) const {
  if (in.parent_id) {
    const Unit* p = g.Find(*in.parent_id);
    if (!p || (who && !ScopeFor(*who, auth::Permission::kUnitsRead, g).Contains(p->id)))
      return Status::InvalidInput("parent_id", Say(msg::kNoSuchParent));
    if (!p->ActiveOn(u.valid_from))
      return Status::InvalidInput(
          "parent_id", Say(msg::kParentNotActive, {{"date", u.valid_from.ToVietnamese()}}));
    DH_RETURN_IF_ERROR(CheckParentLasts(g, *p, u.valid_to));
  }
  return CheckWrite(who, in.parent_id, g);
}

Result<UnitRow> UnitService::Create(const auth::Principal* who, const UnitInput& in) {
  DH_RETURN_IF_ERROR(CheckRole(who));
  if (!in.code || in.code->empty()) return Status::InvalidInput("code", Say(msg::kEnterCode));
  if (!in.name || in.name->empty()) return Status::InvalidInput("name", Say(msg::kEnterName));
  if (!in.kind || !IsUnitKind(*in.kind))
    return Status::InvalidInput("kind", Say(msg::kChooseUnitKind));
  Unit u{0, *in.code, *in.name, *in.kind, in.valid_from.value_or(clock_.Today()), in.valid_to};
  if (u.valid_to && *u.valid_to < u.valid_from)
    return Status::InvalidInput("valid_to", Say(msg::kEndAfterFounding));
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    // The parent as it stands now: a restructuring may have ended it a moment ago.
    DH_ASSIGN_OR_RETURN(auto g, directory_.CurrentIn(c));
    DH_RETURN_IF_ERROR(CheckCreate(who, in, u, *g));
    DH_ASSIGN_OR_RETURN(u.id, InsertUnit(c, u, in.parent_id, clock_.NowSeconds()));
    return audit::Record(
        c, who, {"unit.create", "unit", u.id, u.id, nullptr, ToJson(u, in.parent_id, u.valid_from)},
        clock_.NowSeconds());
  }));
  DH_RETURN_IF_ERROR(directory_.Reload(db_));
  return UnitRow{u, in.parent_id};
}

Result<UnitService::UnitChange> UnitService::PlanUpdate(const auth::Principal& who, int64_t id,
                                                        const UnitInput& in,
                                                        const UnitGraph& g) const {
  const Unit* found = g.Find(id);
  if (!found || !ScopeFor(who, auth::Permission::kUnitsRead, g).Contains(id)) return NotFound();
  DH_RETURN_IF_ERROR(CheckWrite(&who, id, g));
  if (in.code && *in.code != found->code) return Status::InvalidInput("code", Say(msg::kCodeFixed));
  UnitChange ch{*found, *found, std::nullopt, false, Date()};
  Unit& u = ch.after;
  if (in.name) {
    if (in.name->empty()) return Status::InvalidInput("name", Say(msg::kNameEmpty));
    u.name = *in.name;
  }
  if (in.kind) {
    if (!IsUnitKind(*in.kind)) return Status::InvalidInput("kind", Say(msg::kKindInvalid));
    u.kind = *in.kind;
  }
  if (in.valid_to_given) {
    if (in.valid_to) DH_RETURN_IF_ERROR(CheckCanEnd(g, id, *in.valid_to));
    u.valid_to = in.valid_to;
  }
  ch.effective = in.effective.value_or(std::max(clock_.Today(), u.valid_from));
  ch.old_parent = g.ParentOn(id, ch.effective);
  ch.move = in.parent_given && in.parent_id != ch.old_parent;
  if (!ch.move) return ch;
  if (in.parent_id) {
    const Unit* p = g.Find(*in.parent_id);
    if (!p || !ScopeFor(who, auth::Permission::kUnitsRead, g).Contains(p->id))
      return Status::InvalidInput("parent_id", Say(msg::kNoSuchParent));
    if (!p->ActiveOn(ch.effective))
      return Status::InvalidInput(
          "parent_id", Say(msg::kParentNotActive, {{"date", ch.effective.ToVietnamese()}}));
    if (g.IsUnder(*in.parent_id, id, ch.effective))
      return Status::InvalidInput("parent_id", Say(msg::kUnderOwnChild));
    DH_RETURN_IF_ERROR(CheckParentLasts(g, *p, u.valid_to));
  }
  // No parent makes a root, which only the admin may do (as in Create).
  DH_RETURN_IF_ERROR(CheckWrite(&who, in.parent_id, g));
  if (ch.effective < u.valid_from)
    return Status::InvalidInput("effective", Say(msg::kEffectiveFromFounding));
  return ch;
}

Result<UnitRow> UnitService::Update(const auth::Principal& who, int64_t id, const UnitInput& in) {
  const Date today = clock_.Today();
  UnitChange ch;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    // Decided on the tree as it stands now: a concurrent move could otherwise make a loop,
    // and a concurrent restructuring leave a child alive under a unit that ends.
    DH_ASSIGN_OR_RETURN(auto g, directory_.CurrentIn(c));
    DH_ASSIGN_OR_RETURN(ch, PlanUpdate(who, id, in, *g));
    DH_RETURN_IF_ERROR(UpdateUnit(c, ch.after));
    if (ch.move) DH_RETURN_IF_ERROR(MoveUnder(c, id, in.parent_id, ch.effective));
    if (in.valid_to_given && ch.after.valid_to)
      DH_RETURN_IF_ERROR(EndLinks(c, id, *ch.after.valid_to));
    return audit::Record(c, &who,
                         {"unit.update", "unit", id, id, ToJson(ch.before, ch.old_parent, today),
                          ToJson(ch.after, ch.move ? in.parent_id : ch.old_parent, today)},
                         clock_.NowSeconds());
  }));
  DH_RETURN_IF_ERROR(directory_.Reload(db_));
  return UnitRow{ch.after, ch.move ? in.parent_id : ch.old_parent};
}

Result<RestructurePlan> UnitService::PlanRestructureFor(const auth::Principal* who,
                                                        const RestructureRequest& r,
                                                        const UnitGraph& g) const {
  if (who) {
    const auto read = ScopeFor(*who, auth::Permission::kUnitsRead, g);
    // Units outside the caller's scope do not exist for it, as if the id were unknown.
    for (int64_t id : r.source_ids)
      if (!read.Contains(id))
        return Status::InvalidInput("source_ids",
                                    Say(msg::kNoUnitNumber, {{"id", std::to_string(id)}}));
    for (int64_t id : r.target_ids)
      if (!read.Contains(id))
        return Status::InvalidInput("target_ids",
                                    Say(msg::kNoUnitNumber, {{"id", std::to_string(id)}}));
    for (const auto& n : r.new_units)
      if (n.parent_id && !read.Contains(*n.parent_id))
        return Status::InvalidInput(
            "new_units", Say(msg::kNoParentNumber, {{"id", std::to_string(*n.parent_id)}}));
  }
  DH_ASSIGN_OR_RETURN(RestructurePlan plan, PlanRestructure(g, r));
  for (int64_t id : r.source_ids) DH_RETURN_IF_ERROR(CheckWrite(who, id, g));
  for (int64_t id : r.target_ids) DH_RETURN_IF_ERROR(CheckWrite(who, id, g));
  for (const auto& n : r.new_units) DH_RETURN_IF_ERROR(CheckWrite(who, n.parent_id, g));
  return plan;
}

Result<RestructureOutcome> UnitService::Restructure(const auth::Principal* who,
                                                    const RestructureRequest& r) {
  DH_RETURN_IF_ERROR(CheckRole(who));
  RestructureOutcome out;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    // Checked on the tree as it stands inside this transaction: of two restructurings of
    // one unit that overlap, the second sees the first and is refused (already_restructured).
    DH_ASSIGN_OR_RETURN(auto g, directory_.CurrentIn(c));
    DH_ASSIGN_OR_RETURN(RestructurePlan plan, PlanRestructureFor(who, r, *g));
    out = RestructureOutcome{};
    return ApplyRestructure(c, who, r, plan, *g, out);
  }));
  DH_RETURN_IF_ERROR(directory_.Reload(db_));
  for (auto& t : transfers_) t->AfterCommit();
  return out;
}

Status UnitService::ApplyRestructure(db::Connection& c, const auth::Principal* who,
                                     const RestructureRequest& r, const RestructurePlan& plan,
                                     const UnitGraph& g, RestructureOutcome& out) {
  const int64_t now = clock_.NowSeconds();
  out.sources = r.source_ids;
  out.successors = r.target_ids;
  for (const NewUnitSpec& n : r.new_units) {
    Unit u{0, n.code, n.name, n.kind, r.date, std::nullopt};
    DH_ASSIGN_OR_RETURN(u.id, InsertUnit(c, u, n.parent_id, now));
    DH_RETURN_IF_ERROR(audit::Record(
        c, who, {"unit.create", "unit", u.id, u.id, nullptr, ToJson(u, n.parent_id, r.date)}, now));
    out.successors.push_back(u.id);
  }
  const int64_t primary = out.successors.front();
  DH_ASSIGN_OR_RETURN(out.event_id,
                      InsertEvent(c, {0, r.kind, r.date, r.note},
                                  who ? std::optional(who->user_id) : std::nullopt, now));
  for (int64_t src : r.source_ids) DH_RETURN_IF_ERROR(EndSource(c, who, r, src, g, out));
  for (const SuccessorLift& l : plan.lifts) {
    DH_RETURN_IF_ERROR(MoveUnder(c, l.unit_id, l.to_parent_id, r.date));
    DH_RETURN_IF_ERROR(audit::Record(
        c, who,
        {"unit.move", "unit", l.unit_id, l.unit_id,
         boost::json::object{{"parent_id", l.from_parent_id}},
         boost::json::object{
             {"parent_id", l.to_parent_id ? boost::json::value(*l.to_parent_id) : nullptr},
             {"from", r.date.ToString()}}},
        now));
  }
  for (const ChildMove& m : plan.moves) {
    DH_RETURN_IF_ERROR(MoveUnder(c, m.child_id, primary, r.date));
    DH_RETURN_IF_ERROR(
        audit::Record(c, who,
                      {"unit.move", "unit", m.child_id, m.child_id,
                       boost::json::object{{"parent_id", m.from_parent_id}},
                       boost::json::object{{"parent_id", primary}, {"from", r.date.ToString()}}},
                      now));
    ++out.children_moved;
  }
  return Status::Ok();
}

// One source ends the day before the restructuring; its successors and its open work
// (through each OpenWorkTransfer) take over.
Status UnitService::EndSource(db::Connection& c, const auth::Principal* who,
                              const RestructureRequest& r, int64_t src, const UnitGraph& g,
                              RestructureOutcome& out) {
  const int64_t now = clock_.NowSeconds();
  const Date last_day = r.date.AddDays(-1);
  const int64_t primary = out.successors.front();
  Unit ended = *g.Find(src);
  const auto before = ToJson(ended, g.ParentOn(src, last_day), last_day);
  ended.valid_to = last_day;
  DH_RETURN_IF_ERROR(UpdateUnit(c, ended));
  DH_RETURN_IF_ERROR(EndLinks(c, src, last_day));
  for (int64_t succ : out.successors)
    DH_RETURN_IF_ERROR(
        InsertSuccession(c, {out.event_id, src, succ, succ == primary, r.date, r.kind}));
  DH_RETURN_IF_ERROR(audit::Record(
      c, who,
      {"unit.restructure", "unit", src, src, before,
       boost::json::object{{"event_id", out.event_id},
                           {"kind", r.kind},
                           {"valid_to", last_day.ToString()},
                           {"successor_ids", boost::json::value_from(out.successors)}}},
      now));
  for (auto& t : transfers_) {
    DH_ASSIGN_OR_RETURN(int64_t n, t->Transfer(c, src, primary, r.date, who, now));
    out.moved[t->name()] += n;
  }
  return Status::Ok();
}

Result<std::vector<RestructureEvent>> UnitService::Events(const auth::Principal& who) const {
  DH_ASSIGN_OR_RETURN(std::vector<RestructureEvent> events,
                      db::ReadValue(db_, [&](db::Connection& c) { return ListEvents(c); }));
  auto g = directory_.Get();
  const auto scope = ScopeFor(who, auth::Permission::kUnitsRead, *g);
  if (scope.all()) return events;
  // An event is visible when one of its units is.
  std::unordered_set<int64_t> visible;
  for (const auto& s : g->successions())
    if (scope.Contains(s.predecessor_id) || scope.Contains(s.successor_id))
      visible.insert(s.event_id);
  std::vector<RestructureEvent> out;
  for (const auto& e : events)
    if (visible.count(e.id)) out.push_back(e);
  return out;
}

}  // namespace dh::units
