#include "units/restructure.h"

#include <algorithm>
#include <functional>
#include <set>

#include "units/unit_messages.h"

namespace dh::units {
namespace {

// A unit that a restructuring already ends (or will end) is not restructured again: its
// open work went to its successors when that one was recorded. Two requests for the same
// unit that overlap meet here too, as the second is checked inside its transaction.
Status CheckNotRestructured(const UnitGraph& g, const Unit& u, const std::string& field) {
  const auto next = g.SuccessorsOf(u.id);
  if (next.empty()) return Status::Ok();
  const MessageText* how = next.front().kind == "split" ? &msg::kSplitWord : &msg::kMergeWord;
  return Status::Conflict(
      Say(msg::kAlreadyRestructured,
          {{"name", u.name}, {"how", how}, {"date", next.front().date.ToVietnamese()}}),
      "already_restructured", field);
}

// How one of the request's lists of units is checked: each unit named once, held by the
// tree, in none of `others` (a unit both merged away and kept), not restructured already,
// and `active` on the day.
struct ListRule {
  const char* field;
  const MessageText& twice;
  const MessageText& not_active;
  const std::vector<int64_t>* others;
  std::function<bool(const Unit&)> active;
};

Status CheckListed(const UnitGraph& g, const std::vector<int64_t>& ids, Date date,
                   const ListRule& rule) {
  std::set<int64_t> seen;
  for (int64_t id : ids) {
    // Counted twice, one unit would pass for the two successors a split needs.
    if (!seen.insert(id).second) return Status::InvalidInput(rule.field, Say(rule.twice));
    const Unit* u = g.Find(id);
    if (!u)
      return Status::InvalidInput(rule.field,
                                  Say(msg::kNoUnitNumber, {{"id", std::to_string(id)}}));
    if (rule.others &&
        std::find(rule.others->begin(), rule.others->end(), id) != rule.others->end())
      return Status::InvalidInput(rule.field, Say(msg::kSourceAndTarget, {{"name", u->name}}));
    DH_RETURN_IF_ERROR(CheckNotRestructured(g, *u, rule.field));
    if (!rule.active(*u))
      return Status::InvalidInput(
          rule.field, Say(rule.not_active, {{"name", u->name}, {"date", date.ToVietnamese()}}));
  }
  return Status::Ok();
}

Status CheckSources(const UnitGraph& g, const RestructureRequest& r) {
  if (r.source_ids.empty()) return Status::InvalidInput("source_ids", Say(msg::kChooseSources));
  // A unit merged or split away was there the day before the new structure begins.
  auto active = [&](const Unit& u) {
    return u.valid_from < r.date && !(u.valid_to && *u.valid_to < r.date);
  };
  return CheckListed(g, r.source_ids, r.date,
                     {"source_ids", msg::kSourceTwice, msg::kSourceNotActive, nullptr, active});
}

Status CheckTargets(const UnitGraph& g, const RestructureRequest& r) {
  auto active = [&](const Unit& u) { return u.ActiveOn(r.date); };
  return CheckListed(
      g, r.target_ids, r.date,
      {"target_ids", msg::kTargetTwice, msg::kTargetNotActive, &r.source_ids, active});
}

Status CheckNewUnits(const UnitGraph& g, const RestructureRequest& r) {
  std::set<std::string> codes;
  for (const NewUnitSpec& n : r.new_units) {
    if (n.code.empty() || n.name.empty())
      return Status::InvalidInput("new_units", Say(msg::kNewUnitCodeName));
    if (!IsUnitKind(n.kind))
      return Status::InvalidInput("new_units", Say(msg::kNewUnitKind, {{"kind", n.kind}}));
    if (g.FindByCode(n.code) || !codes.insert(n.code).second)
      return Status::InvalidInput("new_units", Say(msg::kCodeTaken, {{"code", n.code}}));
    if (n.parent_id) {
      const Unit* p = g.Find(*n.parent_id);
      const bool is_source =
          std::find(r.source_ids.begin(), r.source_ids.end(), *n.parent_id) != r.source_ids.end();
      if (!p || !p->ActiveOn(r.date) || is_source)
        return Status::InvalidInput(
            "new_units",
            Say(msg::kNewUnitParentNotActive, {{"name", n.name}, {"date", r.date.ToVietnamese()}}));
    }
  }
  return Status::Ok();
}

// Units that hang under `unit_id` on some day after `last_day`: those alive the next day,
// and those that join it later (a unit created or moved under it with a future date).
std::vector<int64_t> ChildrenAfter(const UnitGraph& g, int64_t unit_id, Date last_day) {
  std::vector<int64_t> out;
  for (const Unit& u : g.all()) {
    for (const ParentLink& l : g.LinksOf(u.id)) {
      if (l.parent_id != unit_id) continue;
      const Date from = std::max({l.valid_from, u.valid_from, last_day.AddDays(1)});
      if ((!l.valid_to || from <= *l.valid_to) && (!u.valid_to || from <= *u.valid_to)) {
        out.push_back(u.id);
        break;
      }
    }
  }
  return out;
}

}  // namespace

Result<RestructurePlan> PlanRestructure(const UnitGraph& g, const RestructureRequest& r) {
  if (r.kind != "merge" && r.kind != "split")
    return Status::InvalidInput("kind", Say(msg::kChooseKind));
  DH_RETURN_IF_ERROR(CheckSources(g, r));
  DH_RETURN_IF_ERROR(CheckTargets(g, r));
  DH_RETURN_IF_ERROR(CheckNewUnits(g, r));
  const size_t successors = r.target_ids.size() + r.new_units.size();
  if (r.kind == "merge" && successors != 1)
    return Status::InvalidInput("target_ids", Say(msg::kMergeOneTarget));
  if (r.kind == "split" && r.source_ids.size() != 1)
    return Status::InvalidInput("source_ids", Say(msg::kSplitOneSource));
  if (r.kind == "split" && successors < 2)
    return Status::InvalidInput("target_ids", Say(msg::kSplitTwoTargets));

  RestructurePlan plan;
  plan.ending = r.source_ids;
  plan.primary_is_new = r.target_ids.empty();
  plan.primary_target_id = plan.primary_is_new ? 0 : r.target_ids.front();
  const auto is_source = [&](int64_t id) {
    return std::find(r.source_ids.begin(), r.source_ids.end(), id) != r.source_ids.end();
  };
  const Date last_day = r.date.AddDays(-1);
  for (int64_t src : r.source_ids) {
    for (int64_t child : g.ChildrenOn(src, r.date)) {
      if (is_source(child)) continue;
      if (std::find(r.target_ids.begin(), r.target_ids.end(), child) != r.target_ids.end()) {
        // Left under a unit that ends, it would drop out of the tree.
        std::optional<int64_t> up = g.ParentOn(src, last_day);
        for (int guard = 0; up && is_source(*up) && guard < 64; ++guard)
          up = g.ParentOn(*up, last_day);
        plan.lifts.push_back({child, src, up});
        continue;
      }
      plan.moves.push_back({child, src});
    }
  }
  // The moved children go under the primary successor, so it must not hang below one of
  // them: that would make a loop and drop the whole branch from the tree.
  const std::optional<int64_t> primary_anchor =
      plan.primary_is_new ? r.new_units.front().parent_id : std::optional(plan.primary_target_id);
  if (primary_anchor) {
    for (const ChildMove& m : plan.moves) {
      if (!g.IsUnder(*primary_anchor, m.child_id, r.date)) continue;
      const Unit* child = g.Find(m.child_id);
      return Status::InvalidInput(plan.primary_is_new ? "new_units" : "target_ids",
                                  Say(msg::kTargetUnderChild, {{"name", child->name}}));
    }
  }
  return plan;
}

Status CheckCanEnd(const UnitGraph& g, int64_t unit_id, Date last_day) {
  const Unit* u = g.Find(unit_id);
  if (!u) return Status::NotFound(Say(msg::kUnitNotFound));
  if (last_day < u->valid_from)
    return Status::InvalidInput(
        "valid_to", Say(msg::kEndFromFounding, {{"date", u->valid_from.ToVietnamese()}}));
  const auto alive = ChildrenAfter(g, unit_id, last_day);
  if (!alive.empty())
    return Status::Conflict(Say(msg::kHasActiveChildren, {{"n", static_cast<int64_t>(alive.size())},
                                                          {"date", last_day.ToVietnamese()}}),
                            "has_active_children", "valid_to");
  return Status::Ok();
}

}  // namespace dh::units
