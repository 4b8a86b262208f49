#include <algorithm>
#include <boost/json.hpp>
#include <map>

#include "audit/recorder.h"
#include "core/common_messages.h"
#include "core/text.h"
#include "db/trial_transaction.h"
#include "sheets/import_ledger.h"
#include "tasks/task_import_store.h"
#include "tasks/task_messages.h"
#include "tasks/task_notices.h"
#include "tasks/task_service.h"
#include "tasks/task_store.h"
#include "tasks/task_writes.h"
#include "units/unit_rules.h"

namespace dh::tasks {

namespace bj = boost::json;

// ---- Many tasks at once (imports) -------------------------------------------------------

namespace {

constexpr MessageText kAlreadyImported{
    "tasks.already_imported",
    "Tệp này vừa được nhập vào văn bản {number}.",
    "This file was just imported into document {number}.",
};

Status InvalidRows(size_t n) {
  return Status::InvalidInput(
      "",
      Say(dh::msg::kInvalidRows, {{"n", static_cast<int64_t>(n)}, {"what", Label{"nhiệm vụ", ""}}}),
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

// The batch's directive and group, for `who` to import into.
Result<Directive> BatchDirective(db::Connection& c, const TaskAccess& access,
                                 Result<Directive> named, const TaskBatch& batch) {
  DH_ASSIGN_OR_RETURN(Directive d, std::move(named));
  if (!MayManageDirective(access, d)) return Status::Forbidden(Say(msg::kOnlyIssuingBodySOffice));
  if (batch.group_id) {
    DH_ASSIGN_OR_RETURN(auto grp, FindGroup(c, *batch.group_id));
    if (!grp || grp->directive_id != d.id)
      return Status::InvalidInput("group_id", Say(msg::kTaskGroupDoesBelongChosen));
  }
  return d;
}

// One source goes into a directive once.
Status CheckNotImported(db::Connection& c, const Directive& d, const TaskBatch& batch) {
  if (batch.source_sha256.empty()) return Status::Ok();
  DH_ASSIGN_OR_RETURN(auto prior, FindImport(c, d.id, batch.source_sha256));
  if (!prior) return Status::Ok();
  sheets::ImportRecord seen;
  seen.rows = prior->tasks;
  seen.created_at = prior->created_at;
  return sheets::AlreadyImported(seen, "văn bản " + d.number, "nhiệm vụ");
}

// Headings: an existing group of the same title under the same parent, or a new one.
Result<std::vector<std::optional<int64_t>>> HeadingGroups(db::Connection& c,
                                                          const auth::Principal& who,
                                                          const Directive& d,
                                                          const TaskBatch& batch, int64_t now,
                                                          int64_t* groups_created) {
  DH_ASSIGN_OR_RETURN(auto groups, GroupsOf(c, d.id));
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
    TaskGroup grp{0, d.id, parent, text::Trim(h.title), position};
    DH_ASSIGN_OR_RETURN(grp.id, InsertGroup(c, grp));
    DH_RETURN_IF_ERROR(GroupCreated(c, who, grp, d.issuer_unit_id, now));
    groups.push_back(grp);
    heading_ids[i] = grp.id;
    ++*groups_created;
  }
  return heading_ids;
}

// The import's own row (0 when the source has no fingerprint).
Result<int64_t> RecordImport(db::Connection& c, const auth::Principal& who, const Directive& d,
                             const TaskBatch& batch, int64_t now) {
  if (batch.source_sha256.empty()) return int64_t{0};
  auto inserted = InsertImport(c, {0, d.id, batch.source_sha256, batch.source_name,
                                   static_cast<int64_t>(batch.items.size()), who.user_id, now});
  if (!inserted.ok() && inserted.status().code() == StatusCode::kUniqueViolation)
    return Status::Conflict(Say(kAlreadyImported, {{"number", d.number}}), "already_imported",
                            "file");
  return inserted;
}

// Each item as a task of the directive, with a report of the progress the file gives.
Result<std::vector<TaskRecord>> InsertItems(db::Connection& c, const auth::Principal& who,
                                            const Directive& d, const TaskBatch& batch,
                                            const std::vector<std::optional<int64_t>>& heading_ids,
                                            Date today, int64_t now) {
  std::vector<TaskRecord> created;
  created.reserve(batch.items.size());
  for (const TaskBatch::Item& item : batch.items) {
    TaskRecord t = NewTask(item.input, today, now);
    t.directive_id = d.id;
    t.group_id = item.heading < 0 ? batch.group_id : heading_ids[item.heading];
    t.title = text::Trim(*item.input.title);
    t.assignee_id.reset();
    t.created_by = who.user_id;
    if (item.progress_percent > 0) {
      t.state = TaskState::kInProgress;
      t.progress_percent = t.own_progress_percent = item.progress_percent;
      t.last_report_on = today;
    }
    DH_ASSIGN_OR_RETURN(t.id, InsertTask(c, t));
    if (item.progress_percent > 0)
      DH_RETURN_IF_ERROR(InsertReport(c, {0, t.id, today, item.progress_percent,
                                          "Tiến độ ghi trong tệp nhập (" + batch.source_name + ").",
                                          who.user_id, now})
                             .status());
    DH_RETURN_IF_ERROR(Record(c, &who, "task.create", TaskRecord{}, t, now));
    created.push_back(std::move(t));
  }
  return created;
}

}  // namespace

void TaskService::CheckBatchItems(const Access& access, const TaskBatch& batch,
                                  std::vector<BatchError>* errors) const {
  auto g = units_.Get();
  std::vector<const TaskBatch::Item*> all;
  for (const TaskBatch::Item& item : batch.items) all.push_back(&item);
  for (const TaskBatch::Update& u : batch.updates) all.push_back(&u.item);
  for (const TaskBatch::Item* each : all) {
    const TaskBatch::Item& item = *each;
    if (Status s = Validate(item.input, true, *g); !s.ok()) {
      errors->push_back({item.row, s.field(), s.message()});
      continue;
    }
    if (!MayGiveWorkTo(access, *item.input.lead_unit_id))
      errors->push_back(
          {item.row, "lead_unit_id", "Đơn vị chủ trì nằm ngoài phạm vi bạn được giao việc."});
    if (item.progress_percent < 0 || item.progress_percent > 100)
      errors->push_back({item.row, "progress_percent", "Tiến độ là một số từ 0 đến 100 (%)."});
  }
}

Status TaskService::WriteBatch(db::Connection& c, const auth::Principal& who, const Access& access,
                               const TaskBatch& batch, std::vector<BatchError>* errors,
                               BatchResult& result) {
  const Date today = clock_.Today();
  const int64_t now = clock_.NowSeconds();
  DH_ASSIGN_OR_RETURN(
      const Directive d,
      BatchDirective(c, access, NamedDirective(c, access, who, batch.directive_id), batch));
  DH_RETURN_IF_ERROR(CheckBatchUnits(c, today, batch, errors));
  DH_RETURN_IF_ERROR(CheckNotImported(c, d, batch));
  DH_ASSIGN_OR_RETURN(auto heading_ids,
                      HeadingGroups(c, who, d, batch, now, &result.groups_created));
  DH_ASSIGN_OR_RETURN(const int64_t import_id, RecordImport(c, who, d, batch, now));
  DH_ASSIGN_OR_RETURN(auto created, InsertItems(c, who, d, batch, heading_ids, today, now));
  DH_RETURN_IF_ERROR(WriteBatchUpdates(c, who, access, batch, errors, result.updated));
  if (!errors->empty()) return InvalidRows(errors->size());
  DH_RETURN_IF_ERROR(NoticeImported(c, d, created, import_id, now));
  for (const TaskRecord& t : created)
    DH_RETURN_IF_ERROR(NoticeCoordinatorsNamed(c, t, t.coordinator_ids, now));
  DH_RETURN_IF_ERROR(audit::Record(c, &who,
                                   {"task.import", "directive", d.id, d.issuer_unit_id, nullptr,
                                    bj::object{{"sha256", batch.source_sha256},
                                               {"file_name", batch.source_name},
                                               {"tasks", static_cast<int64_t>(created.size())},
                                               {"updated", result.updated},
                                               {"groups_created", result.groups_created}}},
                                   now));
  result.created = static_cast<int64_t>(created.size());
  for (const TaskRecord& t : created) result.task_ids.push_back(t.id);
  return Status::Ok();
}

Result<BatchResult> TaskService::CreateBatch(const auth::Principal& who, const TaskBatch& batch,
                                             std::vector<BatchError>* errors) {
  errors->clear();
  if (!who.Can(auth::Permission::kTasksManage))
    return Status::Forbidden(Say(msg::kOnlyOfficeImportTasksFrom));
  if (batch.items.empty() && batch.updates.empty())
    return Status::InvalidInput("file", Say(msg::kFileHasTaskRowsImport), "empty_import");
  const Access access = AccessOf(who);
  CheckBatchItems(access, batch, errors);
  if (!errors->empty()) return InvalidRows(errors->size());
  BatchResult result;
  const auto write = [&](db::Connection& c) {
    return WriteBatch(c, who, access, batch, errors, result);
  };
  if (batch.dry_run) {
    // Every check and every write the import makes, then rolled back.
    DH_RETURN_IF_ERROR(db::InTrialTransaction(db_, write));
    result.task_ids.clear();
    return result;
  }
  DH_RETURN_IF_ERROR(db::InTransaction(db_, write));
  std::vector<int64_t> updated;
  for (const TaskBatch::Update& u : batch.updates) updated.push_back(u.task_id);
  DH_RETURN_IF_ERROR(Refresh(updated));
  constexpr size_t kChunk = 1000;
  for (size_t i = 0; i < result.task_ids.size(); i += kChunk) {
    const auto end = result.task_ids.begin() +
                     static_cast<std::ptrdiff_t>(std::min(i + kChunk, result.task_ids.size()));
    DH_RETURN_IF_ERROR(Refresh(
        std::vector<int64_t>(result.task_ids.begin() + static_cast<std::ptrdiff_t>(i), end)));
  }
  return result;
}

}  // namespace dh::tasks
