// Use cases of business petitions. Each checks permission and scope, validates, writes with
// its audit entry (and the notices it causes) in one transaction — the checks that read the
// database inside it —, then refreshes the petitions read model. Timeliness is computed on
// every read with calendar/deadline.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include "calendar/calendar_service.h"
#include "db/database.h"
#include "petitions/petition_access.h"
#include "petitions/petition_index.h"
#include "readmodel/change_feed.h"
#include "tasks/task_service.h"
#include "units/unit_directory.h"

namespace dh::petitions {

struct PetitionInput {
  std::optional<std::string> title, content, category;
  std::optional<bool> publishable;
  std::optional<int64_t> business_unit_id;  // the office records one on a business's behalf
  std::optional<std::string> channel;       // online | paper | conference
  std::optional<int64_t> session_id;
  std::optional<Date> due_on;  // PATCH only: the office moves the deadline
};

struct ReturnInput {
  std::string reason;  // incomplete | duplicate | outside_authority
  std::string note;
  std::optional<int64_t> duplicate_of_id;
  std::string authority;
};

// The task a petition spawns when it needs real work.
struct TaskLink {
  int64_t id = 0;
  bool visible = false;  // the caller sees the task itself: its title and link
  std::string title;
  int progress_percent = 0;
  std::string state;
  calendar::DueStatus timeliness = calendar::DueStatus::kNoDeadline;
};

struct PetitionView {
  Petition p;
  calendar::DueStatus timeliness = calendar::DueStatus::kNoDeadline;
  std::optional<Date> effective_deadline;
  std::optional<int> working_days_left, working_days_late;
  std::vector<std::string_view> allowed_actions;
};

struct PetitionDetail {
  PetitionView view;
  std::vector<PetitionEventRecord> events;
  std::optional<TaskLink> task;
};

struct ListFilter {
  PetitionFilter f;
  std::optional<int64_t> task_id;
  std::optional<calendar::DueStatus> timeliness;
  // A board number's petitions: "on_time", "overdue", "unsatisfied", "pending", "total" in
  // the period [from, to] (both needed).
  std::optional<std::string> bucket;
  std::optional<Date> from, to;
  // The list's order: a column ("id", "title", "category", "unit", "due_on", "state"), "" for
  // newest first.
  std::string sort;
  bool descending = false;
};

struct BoardRow {
  int64_t unit_id = 0;
  IndexCounts counts;
};

// What the public page shows of a published petition: no private field of the business
// (its name only when it agreed), no rating, no filer.
struct PublicPetition {
  int64_t id = 0;
  std::string title, content, category;
  std::optional<int64_t> business_unit_id;  // only when publishable
  std::optional<int64_t> responsible_unit_id;
  std::string state;
  std::string answer_text;
  std::optional<Date> answered_on, published_on, filed_on;
};

struct SessionInput {
  std::optional<std::string> title, place;
  std::optional<Date> held_on;
  std::optional<int64_t> host_unit_id;
};

class PetitionService {
 public:
  PetitionService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                  calendar::CalendarService& calendar, tasks::TaskService& tasks,
                  readmodel::ChangeFeed& feed, PetitionSettings settings = {});

  Result<PetitionView> File(const auth::Principal& who, const PetitionInput& in);
  Result<PetitionView> Update(const auth::Principal& who, int64_t id, const PetitionInput& in);
  Result<PetitionDetail> Get(const auth::Principal& who, int64_t id) const;
  Result<std::vector<PetitionView>> List(const auth::Principal& who, const ListFilter& f,
                                         int64_t limit, int64_t offset, int64_t* total) const;

  Result<PetitionView> Route(const auth::Principal& who, int64_t id, int64_t unit_id,
                             const std::vector<int64_t>& coordinators);
  Result<PetitionView> Forward(const auth::Principal& who, int64_t id, int64_t unit_id,
                               const std::string& reason);
  Result<PetitionView> Return(const auth::Principal& who, int64_t id, const ReturnInput& in);
  Result<PetitionView> Answer(const auth::Principal& who, int64_t id, const std::string& text,
                              const std::string& outcome);
  Result<PetitionView> ApproveAnswer(const auth::Principal& who, int64_t id);
  Result<PetitionView> Resolve(const auth::Principal& who, int64_t id, const std::string& note);
  Result<PetitionView> Rate(const auth::Principal& who, int64_t id, std::optional<bool> satisfied,
                            const std::string& reason);
  Result<PetitionView> Reopen(const auth::Principal& who, int64_t id, const std::string& reason);
  Result<PetitionView> Publish(const auth::Principal& who, int64_t id);
  // Spawns a task under `directive_id` for the responsible unit, linked both ways (the task's
  // description names the petition; the petition keeps the task).
  Result<PetitionView> SpawnTask(const auth::Principal& who, int64_t id, int64_t directive_id,
                                 std::optional<Date> deadline);
  Result<std::vector<AnswerTemplate>> Templates(const auth::Principal& who, int64_t id) const;

  // No login: published petitions only, newest first.
  Result<std::vector<PublicPetition>> PublicList(const PetitionFilter& f, int64_t limit,
                                                 int64_t offset, int64_t* total) const;
  // The two QĐ 766 indexes per responsible unit in [from, to], of the petitions `who` sees.
  Result<std::vector<BoardRow>> Board(const auth::Principal& who, Date from, Date to) const;

  // Dialogue conferences.
  Result<DialogueSession> CreateSession(const auth::Principal& who, const SessionInput& in);
  Result<std::vector<DialogueSession>> Sessions(const auth::Principal& who) const;
  Result<DialogueSession> GetSession(const auth::Principal& who, int64_t id) const;

  // For attachments: the owning unit when `who` may see (write: add to) the petition.
  Result<int64_t> CheckAccess(const auth::Principal& who, int64_t id, bool write) const;
  // For the notification bell: those of `ids` `who` may see, from the read model with one
  // access computation (not a database read per id).
  std::unordered_set<int64_t> VisiblePetitions(const auth::Principal& who,
                                               const std::vector<int64_t>& ids) const;

  Status LoadReadModel() { return feed_.Load(); }
  Date Today() const { return clock_.Today(); }
  std::shared_ptr<const calendar::WorkCalendar> Calendar() const { return calendar_.Get(); }
  const PetitionSettings& settings() const { return settings_; }

 private:
  PetitionAccess AccessOf(const auth::Principal& who) const;
  PetitionView View(const Petition& p, const PetitionAccess* a) const;
  // The petition for a write: NotFound when `who` may not see it; `allowed` decides whether
  // `who` may take the step (Forbidden otherwise).
  Result<Petition> ForWrite(db::Connection& c, const auth::Principal& who, int64_t id,
                            bool (*allowed)(const PetitionAccess&, const Petition&)) const;
  // One step of the workflow: load for write, `change` it, write it with its event, audit
  // entry and notices, refresh the read model, answer the new view.
  using Change = std::function<Status(db::Connection&, Petition&, PetitionEventRecord&)>;
  Result<PetitionView> Step(const auth::Principal& who, int64_t id, const char* action,
                            bool (*allowed)(const PetitionAccess&, const Petition&),
                            const Change& change);
  // Step's writes inside a transaction the caller holds (SpawnTask: the task's).
  Status StepIn(db::Connection& c, const auth::Principal& who, int64_t id, const char* action,
                bool (*allowed)(const PetitionAccess&, const Petition&), const Change& change);
  Result<PetitionView> Load(const auth::Principal& who, int64_t id) const;
  Status Validate(const PetitionInput& in, bool creating) const;
  bool Matches(const ListFilter& f, const PetitionAccess* a, const IndexedPetition& e) const;
  Status ApplyChanges(const std::vector<readmodel::Change>& changes);

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  calendar::CalendarService& calendar_;
  tasks::TaskService& tasks_;
  readmodel::ChangeFeed& feed_;
  PetitionSettings settings_;
  PetitionIndex index_;
};

}  // namespace dh::petitions
