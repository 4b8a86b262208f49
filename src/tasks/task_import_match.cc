#include "tasks/task_import_match.h"

#include <map>
#include <set>

#include "core/text.h"

namespace dh::tasks {

Result<std::vector<ImportMatch>> MatchExisting(const TaskService& service,
                                               const auth::Principal& who, const TaskBatch& batch) {
  if (!who.Can(auth::Permission::kTasksRead)) return std::vector<ImportMatch>();
  TaskFilter f;
  f.directive_id = batch.directive_id;
  DH_ASSIGN_OR_RETURN(std::vector<int64_t> ids, service.MatchingIds(who, f));
  std::map<std::pair<std::string, int64_t>, int64_t> existing;
  DH_RETURN_IF_ERROR(service.VisitTasks(who, ids, [&](const TaskView& v) -> Status {
    existing.emplace(std::pair{text::FoldForSearch(v.task.title), v.task.lead_unit_id}, v.task.id);
    return Status::Ok();
  }));
  std::vector<ImportMatch> out;
  for (size_t i = 0; i < batch.items.size(); ++i) {
    const TaskInput& in = batch.items[i].input;
    if (!in.title || !in.lead_unit_id) continue;
    auto it = existing.find({text::FoldForSearch(*in.title), *in.lead_unit_id});
    if (it != existing.end()) out.push_back({batch.items[i].row, i, it->second, *in.title});
  }
  return out;
}

void DropMatched(TaskBatch& batch, const std::vector<ImportMatch>& matches) {
  std::set<size_t> drop;
  for (const ImportMatch& m : matches) drop.insert(m.item);
  std::vector<TaskBatch::Item> kept;
  for (size_t i = 0; i < batch.items.size(); ++i)
    if (!drop.count(i)) kept.push_back(std::move(batch.items[i]));
  batch.items = std::move(kept);
}

}  // namespace dh::tasks
