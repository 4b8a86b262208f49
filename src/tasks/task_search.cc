#include "tasks/task_search.h"

#include "core/text.h"
#include "tasks/task_messages.h"
#include "tasks/task_unit_directory.h"

namespace dh::tasks {
namespace {

constexpr size_t kMaxQueryChars = 200;

// Units matching q in the caller's units.read scope, `limit` of them.
std::vector<const units::Unit*> ScopedUnits(const units::UnitGraph& g, const auth::Principal& who,
                                            const std::string& q, Date today, int64_t limit,
                                            int64_t* total) {
  *total = 0;
  if (!who.Can(auth::Permission::kUnitsRead)) return {};
  const units::UnitScope scope = units::ScopeFor(who, auth::Permission::kUnitsRead, g);
  int64_t all = 0;
  std::vector<const units::Unit*> out;
  for (const units::Unit* u : FindUnits(g, q, today, g.all().size(), &all)) {
    if (!scope.Contains(u->id)) continue;
    if (static_cast<int64_t>(out.size()) < limit) out.push_back(u);
    ++*total;
  }
  return out;
}

}  // namespace

Result<SearchHits> Search(const TaskService& service, const units::UnitGraph& g,
                          const auth::Principal& who, const std::string& q, int64_t limit) {
  const std::string words = text::Trim(q);
  if (words.empty()) return Status::InvalidInput("q", Say(msg::kEnterWhatSearchNameDirective));
  if (text::CodePointCount(words) > kMaxQueryChars)
    return Status::InvalidInput("q", Say(msg::kSearchTextLongerThanCharacters), "too_long");
  SearchHits hits;
  if (who.Can(auth::Permission::kTasksRead)) {
    DH_ASSIGN_OR_RETURN(hits.directives,
                        service.ListDirectives(who, words, limit, 0, &hits.directives_total));
    TaskFilter f;
    f.q = text::FoldForSearch(words);
    DH_ASSIGN_OR_RETURN(hits.tasks, service.List(who, f, limit, 0, &hits.tasks_total));
  }
  hits.units = ScopedUnits(g, who, words, service.Today(), limit, &hits.units_total);
  return hits;
}

}  // namespace dh::tasks
