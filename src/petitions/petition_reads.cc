// Reading petitions: one, a list (from the read model, then the page from the database), the
// public list, the board of the two QĐ 766 indexes.
#include <algorithm>

#include "core/sort_rows.h"
#include "core/text.h"
#include "db/read_value.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_service.h"
#include "petitions/petition_store.h"
#include "tasks/task.h"
#include "tasks/task_store.h"

namespace dh::petitions {
namespace {

Result<std::optional<TaskLink>> LinkOf(db::Connection& c, const Petition& p,
                                       const calendar::WorkCalendar& cal, Date today,
                                       int due_soon_days) {
  if (!p.task_id) return std::optional<TaskLink>();
  DH_ASSIGN_OR_RETURN(auto t, tasks::FindTask(c, *p.task_id));
  if (!t) return std::optional<TaskLink>();
  TaskLink l;
  l.id = t->id;
  l.title = t->title;
  l.progress_percent = t->progress_percent;
  l.state = std::string(tasks::StateName(t->state));
  l.timeliness =
      tasks::TimelinessOf(t->state, t->deadline, t->finished_on, today, cal, due_soon_days);
  return std::optional(l);
}

// These petitions from the database, in this order.
Result<std::vector<Petition>> ReadIds(db::Database& db, const std::vector<int64_t>& ids) {
  return db::ReadValue(db, [&](db::Connection& c) { return FindPetitions(c, ids); });
}

// The columns the list may be sorted by (ListFilter::sort); the unit by its name.
std::vector<SortBy<Petition>> PetitionSorts(const units::UnitGraph& g) {
  using P = const Petition&;
  auto unit_name = [&g](P p) -> std::string_view {
    const units::Unit* u = p.responsible_unit_id ? g.Find(*p.responsible_unit_id) : nullptr;
    return u ? std::string_view(u->name) : std::string_view();
  };
  return {{"id", [](P a, P b) { return a.id < b.id; }},
          {"title", [](P a, P b) { return FoldedLess(a.title, b.title); }},
          {"category", [](P a, P b) { return a.category < b.category; }},
          {"unit", [unit_name](P a, P b) { return FoldedLess(unit_name(a), unit_name(b)); }},
          {"due_on", [](P a, P b) { return a.due_on < b.due_on; }},
          {"state", [](P a, P b) { return a.state < b.state; }}};
}

// The ids of the page [offset, offset + limit) of the indexed petitions `keep` accepts, in
// the order `sort` asks for (newest first when none); how many it accepts in *total.
template <typename Keep>
std::vector<int64_t> PageIds(const PetitionIndex& index, Keep keep, const ListFilter& f,
                             const units::UnitGraph& g, int64_t limit, int64_t offset,
                             int64_t* total) {
  std::vector<Petition> kept;
  index.Scan([&](const IndexedPetition& e) {
    if (keep(e)) kept.push_back(e.p);
    return true;
  });
  const auto sorts = PetitionSorts(g);
  SortRows(std::span<const SortBy<Petition>>(sorts), f.sort, f.descending, &kept);
  *total = static_cast<int64_t>(kept.size());
  std::vector<int64_t> ids;
  for (int64_t i = offset; i < *total && i < offset + limit; ++i) ids.push_back(kept[i].id);
  return ids;
}

// The page [offset, offset + limit) of the indexed petitions `keep` accepts, read from the
// database; how many it accepts in *total.
template <typename Keep>
Result<std::vector<Petition>> ReadPage(db::Database& db, const PetitionIndex& index, Keep keep,
                                       int64_t limit, int64_t offset, int64_t* total) {
  std::vector<int64_t> ids;
  int64_t n = 0;
  index.Scan([&](const IndexedPetition& e) {
    if (!keep(e)) return true;
    if (n >= offset && static_cast<int64_t>(ids.size()) < limit) ids.push_back(e.p.id);
    ++n;
    return true;
  });
  *total = n;
  return ReadIds(db, ids);
}

}  // namespace

Result<PetitionDetail> PetitionService::Get(const auth::Principal& who, int64_t id) const {
  const PetitionAccess a = AccessOf(who);
  PetitionDetail d;
  auto cal = calendar_.Get();
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(auto p, FindPetition(c, id));
    if (!p || !CanSeePetition(a, *p)) return Status::NotFound(Say(msg::kPetitionNotFound));
    d.view = View(*p, &a);
    DH_ASSIGN_OR_RETURN(d.events, EventsOf(c, id));
    DH_ASSIGN_OR_RETURN(d.task, LinkOf(c, *p, *cal, clock_.Today(), settings_.due_soon_days));
    return Status::Ok();
  }));
  if (d.task) {
    // The task itself (its title and link) only to those who see it; its progress to all.
    d.task->visible = !tasks_.VisibleTasks(who, {d.task->id}).empty();
    if (!d.task->visible) d.task->title.clear();
  }
  return d;
}

bool PetitionService::Matches(const ListFilter& lf, const PetitionAccess* a,
                              const IndexedPetition& e) const {
  const Petition& p = e.p;
  const PetitionFilter& f = lf.f;
  if (a && !CanSeePetition(*a, p)) return false;
  if (f.published_only && !p.published) return false;
  if (f.state && p.state != *f.state) return false;
  if (f.category && p.category != *f.category) return false;
  if (f.unit_id && p.responsible_unit_id != f.unit_id) return false;
  if (f.business_unit_id && p.business_unit_id != *f.business_unit_id) return false;
  if (f.session_id && p.session_id != f.session_id) return false;
  if (lf.task_id && p.task_id != lf.task_id) return false;
  if (f.q && !f.q->empty() && e.folded.find(*f.q) == std::string::npos) return false;
  auto cal = calendar_.Get();
  if (lf.timeliness && TimelinessOf(p.state, p.due_on, p.answered_on, clock_.Today(), *cal,
                                    settings_.due_soon_days) != *lf.timeliness)
    return false;
  if (lf.bucket && lf.from && lf.to) {
    if (!p.responsible_unit_id || !p.received_on || !p.due_on) return false;
    IndexFacts facts{*p.responsible_unit_id, *p.received_on, *p.due_on,
                     p.answered_on,          p.satisfied,    p.rated_on};
    auto buckets = IndexBuckets(facts, *lf.from, *lf.to, *cal);
    if (*lf.bucket == "total") return !buckets.empty();
    return std::find(buckets.begin(), buckets.end(), *lf.bucket) != buckets.end();
  }
  return true;
}

Result<std::vector<PetitionView>> PetitionService::List(const auth::Principal& who,
                                                        const ListFilter& lf, int64_t limit,
                                                        int64_t offset, int64_t* total) const {
  if (!who.Can(auth::Permission::kPetitionsRead)) return Status::Forbidden(Say(msg::kCannotRead));
  const PetitionAccess a = AccessOf(who);
  ListFilter f = lf;
  if (f.f.q) f.f.q = text::FoldForSearch(*f.f.q);
  const auto keep = [&](const IndexedPetition& e) { return Matches(f, &a, e); };
  std::vector<Petition> rows;
  if (f.sort.empty()) {
    DH_ASSIGN_OR_RETURN(rows, ReadPage(db_, index_, keep, limit, offset, total));
  } else {
    const auto g = units_.Get();
    DH_ASSIGN_OR_RETURN(rows, ReadIds(db_, PageIds(index_, keep, f, *g, limit, offset, total)));
  }
  std::vector<PetitionView> out;
  for (const Petition& p : rows)
    if (CanSeePetition(a, p)) out.push_back(View(p, &a));
  return out;
}

Result<std::vector<PublicPetition>> PetitionService::PublicList(const PetitionFilter& filter,
                                                                int64_t limit, int64_t offset,
                                                                int64_t* total) const {
  ListFilter f;
  f.f = filter;
  f.f.published_only = true;
  if (f.f.q) f.f.q = text::FoldForSearch(*f.f.q);
  const auto keep = [&](const IndexedPetition& e) { return Matches(f, nullptr, e); };
  DH_ASSIGN_OR_RETURN(auto rows, ReadPage(db_, index_, keep, limit, offset, total));
  std::vector<PublicPetition> out;
  for (const Petition& p : rows) {
    if (!p.published) continue;
    out.push_back({p.id, p.title, p.content, p.category,
                   p.publishable ? std::optional(p.business_unit_id) : std::nullopt,
                   p.responsible_unit_id, std::string(StateName(p.state)), p.answer_text,
                   p.answered_on, p.published_on, p.filed_on});
  }
  return out;
}

Result<std::vector<BoardRow>> PetitionService::Board(const auth::Principal& who, Date from,
                                                     Date to) const {
  if (!who.Can(auth::Permission::kPetitionsRead)) return Status::Forbidden(Say(msg::kCannotRead));
  if (to < from) return Status::InvalidInput("to", Say(msg::kPeriodOrder));
  const PetitionAccess a = AccessOf(who);
  auto cal = calendar_.Get();
  std::map<int64_t, IndexCounts> by_unit;
  index_.Scan([&](const IndexedPetition& e) {
    const Petition& p = e.p;
    if (!p.responsible_unit_id || !p.received_on || !p.due_on || !CanSeePetition(a, p)) return true;
    Count(
        {*p.responsible_unit_id, *p.received_on, *p.due_on, p.answered_on, p.satisfied, p.rated_on},
        from, to, *cal, by_unit[*p.responsible_unit_id]);
    return true;
  });
  std::vector<BoardRow> rows;
  for (const auto& [unit, c] : by_unit)
    if (c.total > 0) rows.push_back({unit, c});
  // The worst first: the lowest on-time rate, then the lowest satisfaction, then by unit.
  std::sort(rows.begin(), rows.end(), [](const BoardRow& x, const BoardRow& y) {
    const double ox = *x.counts.OnTimeRate(), oy = *y.counts.OnTimeRate();
    if (ox != oy) return ox < oy;
    const double sx = *x.counts.SatisfactionRate(), sy = *y.counts.SatisfactionRate();
    if (sx != sy) return sx < sy;
    return x.unit_id < y.unit_id;
  });
  return rows;
}

}  // namespace dh::petitions
