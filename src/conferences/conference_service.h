// Use cases of conferences, opinions and votes. Each checks access (conference_access.h),
// validates (conference_rules.h), and writes with its audit entry in one transaction.
// A referred opinion becomes a task through the tasks room's public service.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "calendar/calendar_service.h"
#include "conferences/conference.h"
#include "conferences/conference_access.h"
#include "db/database.h"
#include "documents/templates.h"
#include "sheets/rows.h"
#include "tasks/task_service.h"
#include "units/unit_directory.h"

namespace dh::conferences {

struct DocumentInput {
  std::string title;
  std::string kind = "resolution";
  int64_t drafting_unit_id = 0;
  std::optional<Date> answer_due_on;
  std::vector<std::string> sections;
};

struct ConferenceInput {
  std::string name;
  int64_t body_unit_id = 0;
  std::optional<Date> starts_on, ends_on;
  std::string place;  // the locality the report is dated in: "Minh An"
  std::optional<int64_t> directive_id;
  std::vector<DocumentInput> documents;
};

struct DelegateInput {
  std::string full_name;
  std::optional<int64_t> unit_id;
  std::string delegation;
};

struct OpinionInput {
  std::vector<int64_t> delegate_ids;
  int64_t document_id = 0;
  std::optional<int64_t> section_id;
  std::string content;
  std::optional<int64_t> speech_no;
};

struct VoteInput {
  std::string subject;
  std::optional<int64_t> document_id;
  std::string rule = "majority_of_all";
  std::vector<std::pair<int64_t, std::string>> ballots;  // delegate, choice as sent
  std::optional<VoteTally> totals;                       // or totals (delegates ignored)
  std::optional<Date> voted_on;
};

struct Counts {
  int received = 0, answered = 0, unanswered = 0, merged = 0, speeches = 0;
  std::map<AnswerKind, int> by_kind;
  std::map<int64_t, int> overdue_by_unit;  // unanswered past the draft's deadline
};

struct ConferenceView {
  Conference conference;
  int delegates = 0;
  Counts counts;
  std::vector<std::string_view> allowed_actions;
  std::vector<int64_t> answerable_documents;  // drafts the caller answers
};

struct OpinionView {
  Opinion opinion;
  std::string raisers;  // "Nguyễn Văn An, Trần Thị Bình (Tổ Đông Hải)"
  bool can_answer = false;
  bool overdue = false;
};

struct VoteView {
  Vote vote;
  VoteOutcome outcome;
};

struct ImportUpload {
  std::string bytes, content_type, file_name;
};

struct ImportOutcome {
  bool ok = false;
  sheets::RowErrors errors;
  int imported = 0;
};

struct ReportFile {
  std::string filename, bytes;
};

struct ReportOptions {
  std::optional<int64_t> document_id;  // one draft; all by default
  std::string number, signing_authority, signer_title, signer_name;
};

class ConferenceService {
 public:
  ConferenceService(db::Database& db, const Clock& clock, const units::UnitDirectory& units,
                    calendar::CalendarService& calendar, tasks::TaskService& tasks,
                    documents::TemplateShelf templates);

  Result<ConferenceView> Create(const auth::Principal& who, const ConferenceInput& in);
  Result<std::vector<ConferenceView>> List(const auth::Principal& who, int64_t limit,
                                           int64_t offset, int64_t* total) const;
  Result<ConferenceView> Get(const auth::Principal& who, int64_t id) const;

  Result<Delegate> AddDelegate(const auth::Principal& who, int64_t conference_id,
                               const DelegateInput& in);
  Result<std::vector<Delegate>> Delegates(const auth::Principal& who, int64_t conference_id) const;

  Result<OpinionView> AddOpinion(const auth::Principal& who, int64_t conference_id,
                                 const OpinionInput& in);
  Result<std::vector<OpinionView>> Opinions(const auth::Principal& who,
                                            int64_t conference_id) const;
  // Every row checked; all written in one transaction, or none. The same file into the
  // same conference twice changes nothing (sheets/import_ledger.h).
  Result<ImportOutcome> ImportOpinions(const auth::Principal& who, int64_t conference_id,
                                       const ImportUpload& upload);
  Result<OpinionView> AnswerOpinion(const auth::Principal& who, int64_t opinion_id,
                                    const AnswerInput& in);
  // `others` merge into `kept_id`, which then names every delegate who raised any of them.
  Result<OpinionView> Merge(const auth::Principal& who, int64_t kept_id,
                            const std::vector<int64_t>& others);
  // Opens the next round of a draft (conference_rules.h CheckNewRound).
  Result<Document> NextRound(const auth::Principal& who, int64_t conference_id,
                             int64_t document_id);

  Result<VoteView> CastVote(const auth::Principal& who, int64_t conference_id, const VoteInput& in);
  Result<std::vector<VoteView>> Votes(const auth::Principal& who, int64_t conference_id) const;

  // "Báo cáo tổng hợp, tiếp thu, giải trình ý kiến" (.docx, Decree 30 form) and its table.
  Result<ReportFile> ReportDocx(const auth::Principal& who, int64_t conference_id,
                                const ReportOptions& options) const;
  Result<ReportFile> ReportXlsx(const auth::Principal& who, int64_t conference_id,
                                const ReportOptions& options) const;

  const units::UnitDirectory& units() const { return units_; }

 private:
  // The conference when `who` may see it, else NotFound.
  Result<Conference> Visible(db::Connection& c, const ConferenceAccess& a, int64_t id) const;
  // `read` in one read transaction, once the conference is one `who` may see (else NotFound).
  Status ReadVisible(const auth::Principal& who, int64_t conference_id,
                     const std::function<Status(db::Connection&)>& read) const;
  Result<Conference> ForManage(db::Connection& c, const auth::Principal& who, int64_t id) const;
  ConferenceView ViewOf(const ConferenceAccess& a, Conference conf, int delegates,
                        const std::vector<Opinion>& opinions) const;
  std::vector<OpinionView> OpinionViews(const ConferenceAccess& a, const Conference& conf,
                                        const std::vector<Delegate>& delegates,
                                        std::vector<Opinion> opinions) const;
  bool Overdue(const Document& d, const Opinion& o) const;
  Status CheckOpinion(const Conference& conf, const std::vector<Delegate>& delegates,
                      const OpinionInput& in) const;
  // The task a referred opinion becomes (written by AnswerOpinion with the answer, in one
  // transaction).
  Result<tasks::TaskInput> ReferralTask(const Conference& conf, const Document& doc,
                                        const Opinion& o, const Answer& a) const;
  // Writes `answer` (and the task it became, if any) onto the opinion with its audit entry.
  Status SaveOpinionAnswer(db::Connection& c, const auth::Principal& who, int64_t opinion_id,
                           const Document& doc, const Answer& answer,
                           std::optional<int64_t> task_id) const;
  Status ReadAll(int64_t conference_id, const auth::Principal& who, Conference& conf,
                 std::vector<Delegate>& delegates, std::vector<Opinion>& opinions) const;

  db::Database& db_;
  const Clock& clock_;
  const units::UnitDirectory& units_;
  calendar::CalendarService& calendar_;
  tasks::TaskService& tasks_;
  documents::TemplateShelf templates_;
};

}  // namespace dh::conferences
