#include "conferences/conference_store.h"

#include <unordered_map>

#include "core/text.h"

namespace dh::conferences {
namespace {

constexpr const char* kInsertConference =
    "INSERT INTO conferences (name, name_folded, body_unit_id, starts_on, ends_on, place, "
    "directive_id, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertDocument =
    "INSERT INTO conference_documents (conference_id, title, kind, drafting_unit_id, round, "
    "answer_due_on, position) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertSection =
    "INSERT INTO conference_sections (document_id, title, position) VALUES (?, ?, ?) RETURNING id";
constexpr const char* kSelectConference =
    "SELECT id, name, body_unit_id, starts_on, ends_on, place, directive_id, created_by, "
    "created_at FROM conferences WHERE id = ?";
constexpr const char* kSelectConferences =
    "SELECT id, name, body_unit_id, starts_on, ends_on, place, directive_id, created_by, "
    "created_at FROM conferences ORDER BY starts_on DESC, id DESC";
constexpr const char* kSelectDocuments =
    "SELECT id, conference_id, title, kind, drafting_unit_id, round, answer_due_on, position "
    "FROM conference_documents WHERE conference_id = ? ORDER BY position, id";
constexpr const char* kSelectAllDocuments =
    "SELECT id, conference_id, title, kind, drafting_unit_id, round, answer_due_on, position "
    "FROM conference_documents ORDER BY conference_id, position, id";
constexpr const char* kSelectSections =
    "SELECT s.id, s.document_id, s.title, s.position FROM conference_sections s JOIN "
    "conference_documents d ON d.id = s.document_id WHERE d.conference_id = ? ORDER BY "
    "s.position, s.id";
constexpr const char* kSelectAllSections =
    "SELECT id, document_id, title, position FROM conference_sections ORDER BY position, id";
constexpr const char* kSetRound = "UPDATE conference_documents SET round = ? WHERE id = ?";

constexpr const char* kInsertDelegate =
    "INSERT INTO conference_delegates (conference_id, full_name, name_key, unit_id, delegation, "
    "created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kSelectDelegates =
    "SELECT id, conference_id, full_name, unit_id, delegation, created_at FROM "
    "conference_delegates WHERE conference_id = ? ORDER BY delegation, id";

constexpr const char* kInsertOpinion =
    "INSERT INTO conference_opinions (conference_id, document_id, section_id, round, content, "
    "speech_no, answer_text, answer_when_possible, created_by, created_at) VALUES (?, ?, ?, ?, "
    "?, ?, '', 0, ?, ?) RETURNING id";
constexpr const char* kInsertOpinionDelegate =
    "INSERT INTO conference_opinion_delegates (opinion_id, delegate_id, position) VALUES (?, ?, ?)";
constexpr const char* kOpinionColumns =
    "SELECT id, conference_id, document_id, section_id, round, content, speech_no, "
    "merged_into_id, answer_kind, answer_text, answer_when_possible, referred_unit_id, "
    "referred_due_on, task_id, answered_on, answered_by, created_by, created_at FROM "
    "conference_opinions ";
constexpr const char* kOpinionById = "WHERE id = ?";
constexpr const char* kOpinionsOfConference = "WHERE conference_id = ? ORDER BY id";
constexpr const char* kDelegatesOfOpinion =
    "SELECT opinion_id, delegate_id FROM conference_opinion_delegates WHERE opinion_id = ? ORDER "
    "BY position, delegate_id";
constexpr const char* kDelegatesOfOpinions =
    "SELECT od.opinion_id, od.delegate_id FROM conference_opinion_delegates od JOIN "
    "conference_opinions o ON o.id = od.opinion_id WHERE o.conference_id = ? ORDER BY "
    "od.opinion_id, od.position, od.delegate_id";
constexpr const char* kSaveAnswer =
    "UPDATE conference_opinions SET answer_kind = ?, answer_text = ?, answer_when_possible = ?, "
    "referred_unit_id = ?, referred_due_on = ?, task_id = ?, answered_on = ?, answered_by = ? "
    "WHERE id = ?";
constexpr const char* kSetMerged = "UPDATE conference_opinions SET merged_into_id = ? WHERE id = ?";

constexpr const char* kInsertVote =
    "INSERT INTO conference_votes (conference_id, document_id, subject, rule, delegates, "
    "in_favour, against, abstain, by_delegate, passed, voted_on, created_by, created_at) VALUES "
    "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id";
constexpr const char* kInsertBallot =
    "INSERT INTO conference_ballots (vote_id, delegate_id, choice) VALUES (?, ?, ?)";
constexpr const char* kSelectVotes =
    "SELECT id, conference_id, document_id, subject, rule, delegates, in_favour, against, "
    "abstain, by_delegate, passed, voted_on, created_by, created_at FROM conference_votes WHERE "
    "conference_id = ? ORDER BY id DESC";

db::Value Opt(const std::optional<int64_t>& v) { return v ? db::Value(*v) : db::Value(); }
db::Value OptDay(const std::optional<Date>& d) {
  return d ? db::Value(d->ToString()) : db::Value();
}
Date Day(const db::Rows& r, size_t i, size_t col) {
  return Date::Parse(r.Text(i, col)).value_or(Date());
}
std::optional<Date> OptDayOf(const db::Rows& r, size_t i, size_t col) {
  return r.IsNull(i, col) ? std::nullopt : Date::Parse(r.Text(i, col));
}

Conference ConferenceAt(const db::Rows& r, size_t i) {
  Conference c;
  c.id = r.Int(i, 0);
  c.name = r.Text(i, 1);
  c.body_unit_id = r.Int(i, 2);
  c.starts_on = Day(r, i, 3);
  c.ends_on = Day(r, i, 4);
  c.place = r.Text(i, 5);
  c.directive_id = r.OptInt(i, 6);
  c.created_by = r.OptInt(i, 7);
  c.created_at = r.Int(i, 8);
  return c;
}

Document DocumentAt(const db::Rows& r, size_t i) {
  return Document{r.Int(i, 0),
                  r.Int(i, 1),
                  r.Text(i, 2),
                  r.Text(i, 3),
                  r.Int(i, 4),
                  static_cast<int>(r.Int(i, 5)),
                  OptDayOf(r, i, 6),
                  static_cast<int>(r.Int(i, 7)),
                  {}};
}

// Attaches documents and their sections to the conferences they belong to.
void Attach(std::vector<Conference>& confs, const db::Rows& docs, const db::Rows& sections) {
  std::unordered_map<int64_t, Document*> by_id;
  std::unordered_map<int64_t, Conference*> conf_by_id;
  for (Conference& c : confs) conf_by_id[c.id] = &c;
  for (size_t i = 0; i < docs.size(); ++i) {
    auto it = conf_by_id.find(docs.Int(i, 1));
    if (it == conf_by_id.end()) continue;
    it->second->documents.push_back(DocumentAt(docs, i));
  }
  for (Conference& c : confs)
    for (Document& d : c.documents) by_id[d.id] = &d;
  for (size_t i = 0; i < sections.size(); ++i) {
    auto it = by_id.find(sections.Int(i, 1));
    if (it == by_id.end()) continue;
    it->second->sections.push_back({sections.Int(i, 0), sections.Int(i, 1), sections.Text(i, 2),
                                    static_cast<int>(sections.Int(i, 3))});
  }
}

Opinion OpinionAt(const db::Rows& r, size_t i) {
  Opinion o;
  o.id = r.Int(i, 0);
  o.conference_id = r.Int(i, 1);
  o.document_id = r.Int(i, 2);
  o.section_id = r.OptInt(i, 3);
  o.round = static_cast<int>(r.Int(i, 4));
  o.content = r.Text(i, 5);
  o.speech_no = r.OptInt(i, 6);
  o.merged_into_id = r.OptInt(i, 7);
  if (auto kind = ParseAnswerKind(r.Text(i, 8)))
    o.answer = Answer{*kind, r.Text(i, 9), r.Int(i, 10) != 0, r.Int(i, 11), OptDayOf(r, i, 12)};
  o.task_id = r.OptInt(i, 13);
  o.answered_on = OptDayOf(r, i, 14);
  o.answered_by = r.OptInt(i, 15);
  o.created_by = r.OptInt(i, 16);
  o.created_at = r.Int(i, 17);
  return o;
}

}  // namespace

Result<int64_t> InsertConference(db::Connection& c, Conference& conf) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertConference, {conf.name, text::FoldForSearch(conf.name), conf.body_unit_id,
                                  conf.starts_on.ToString(), conf.ends_on.ToString(), conf.place,
                                  Opt(conf.directive_id), Opt(conf.created_by), conf.created_at}));
  conf.id = r.Int(0, 0);
  for (Document& d : conf.documents) {
    d.conference_id = conf.id;
    DH_ASSIGN_OR_RETURN(
        db::Rows dr,
        c.Query(kInsertDocument, {conf.id, d.title, d.kind, d.drafting_unit_id, int64_t{d.round},
                                  OptDay(d.answer_due_on), int64_t{d.position}}));
    d.id = dr.Int(0, 0);
    for (Section& s : d.sections) {
      s.document_id = d.id;
      DH_ASSIGN_OR_RETURN(db::Rows sr,
                          c.Query(kInsertSection, {d.id, s.title, int64_t{s.position}}));
      s.id = sr.Int(0, 0);
    }
  }
  return conf.id;
}

Result<std::optional<Conference>> FindConference(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectConference, {id}));
  if (r.empty()) return std::optional<Conference>();
  std::vector<Conference> one{ConferenceAt(r, 0)};
  DH_ASSIGN_OR_RETURN(db::Rows docs, c.Query(kSelectDocuments, {id}));
  DH_ASSIGN_OR_RETURN(db::Rows sections, c.Query(kSelectSections, {id}));
  Attach(one, docs, sections);
  return std::optional<Conference>(std::move(one.front()));
}

Result<std::vector<Conference>> ListConferences(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectConferences));
  std::vector<Conference> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(ConferenceAt(r, i));
  DH_ASSIGN_OR_RETURN(db::Rows docs, c.Query(kSelectAllDocuments));
  DH_ASSIGN_OR_RETURN(db::Rows sections, c.Query(kSelectAllSections));
  Attach(out, docs, sections);
  return out;
}

Status SetDocumentRound(db::Connection& c, int64_t document_id, int round) {
  return c.Exec(kSetRound, {int64_t{round}, document_id}).status();
}

Result<int64_t> InsertDelegate(db::Connection& c, const Delegate& d) {
  auto r = c.Query(kInsertDelegate, {d.conference_id, d.full_name, text::FoldForSearch(d.full_name),
                                     Opt(d.unit_id), d.delegation, d.created_at});
  if (!r.ok() && r.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation(
        "full_name", "Đại biểu " + d.full_name + " đã có trong danh sách của tổ này.");
  if (!r.ok()) return r.status();
  return r->Int(0, 0);
}

Result<std::vector<Delegate>> DelegatesOf(db::Connection& c, int64_t conference_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectDelegates, {conference_id}));
  std::vector<Delegate> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back(
        {r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.OptInt(i, 3), r.Text(i, 4), r.Int(i, 5)});
  return out;
}

Result<int64_t> InsertOpinion(db::Connection& c, const Opinion& o) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertOpinion, {o.conference_id, o.document_id, Opt(o.section_id), int64_t{o.round},
                               o.content, Opt(o.speech_no), Opt(o.created_by), o.created_at}));
  const int64_t id = r.Int(0, 0);
  for (size_t i = 0; i < o.delegate_ids.size(); ++i)
    DH_RETURN_IF_ERROR(AddOpinionDelegate(c, id, o.delegate_ids[i], static_cast<int>(i)));
  return id;
}

Status AddOpinionDelegate(db::Connection& c, int64_t opinion_id, int64_t delegate_id,
                          int position) {
  return c.Exec(kInsertOpinionDelegate, {opinion_id, delegate_id, int64_t{position}}).status();
}

Result<std::optional<Opinion>> FindOpinion(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kOpinionColumns) + kOpinionById, {id}));
  if (r.empty()) return std::optional<Opinion>();
  Opinion o = OpinionAt(r, 0);
  DH_ASSIGN_OR_RETURN(db::Rows d, c.Query(kDelegatesOfOpinion, {id}));
  for (size_t i = 0; i < d.size(); ++i) o.delegate_ids.push_back(d.Int(i, 1));
  return std::optional<Opinion>(std::move(o));
}

Result<std::vector<Opinion>> OpinionsOf(db::Connection& c, int64_t conference_id) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r, c.Query(std::string(kOpinionColumns) + kOpinionsOfConference, {conference_id}));
  std::vector<Opinion> out;
  std::unordered_map<int64_t, size_t> at;
  for (size_t i = 0; i < r.size(); ++i) {
    at[r.Int(i, 0)] = out.size();
    out.push_back(OpinionAt(r, i));
  }
  DH_ASSIGN_OR_RETURN(db::Rows d, c.Query(kDelegatesOfOpinions, {conference_id}));
  for (size_t i = 0; i < d.size(); ++i)
    if (auto it = at.find(d.Int(i, 0)); it != at.end())
      out[it->second].delegate_ids.push_back(d.Int(i, 1));
  return out;
}

Status SaveAnswer(db::Connection& c, const Opinion& o) {
  const Answer a = o.answer.value_or(Answer{});
  const db::Value unit = a.referred_unit_id ? db::Value(a.referred_unit_id) : db::Value();
  return c
      .Exec(kSaveAnswer, {o.answer ? db::Value(std::string(AnswerKindName(a.kind))) : db::Value(),
                          a.text, int64_t{a.when_possible}, unit, OptDay(a.due_on), Opt(o.task_id),
                          OptDay(o.answered_on), Opt(o.answered_by), o.id})
      .status();
}

Status SetMergedInto(db::Connection& c, int64_t opinion_id, int64_t kept_id) {
  return c.Exec(kSetMerged, {kept_id, opinion_id}).status();
}

Result<int64_t> InsertVote(db::Connection& c, const Vote& v) {
  DH_ASSIGN_OR_RETURN(
      db::Rows r,
      c.Query(kInsertVote,
              {v.conference_id, Opt(v.document_id), v.subject, std::string(VoteRuleName(v.rule)),
               int64_t{v.tally.delegates}, int64_t{v.tally.in_favour}, int64_t{v.tally.against},
               int64_t{v.tally.abstain}, int64_t{v.by_delegate}, int64_t{v.passed},
               v.voted_on.ToString(), Opt(v.created_by), v.created_at}));
  const int64_t id = r.Int(0, 0);
  for (const Ballot& b : v.ballots)
    DH_RETURN_IF_ERROR(
        c.Exec(kInsertBallot, {id, b.delegate_id, std::string(ChoiceName(b.choice))}).status());
  return id;
}

Result<std::vector<Vote>> VotesOf(db::Connection& c, int64_t conference_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kSelectVotes, {conference_id}));
  std::vector<Vote> out;
  for (size_t i = 0; i < r.size(); ++i) {
    Vote v;
    v.id = r.Int(i, 0);
    v.conference_id = r.Int(i, 1);
    v.document_id = r.OptInt(i, 2);
    v.subject = r.Text(i, 3);
    v.rule = ParseVoteRule(r.Text(i, 4)).value_or(VoteRule::kMajorityOfAll);
    v.tally = {static_cast<int>(r.Int(i, 5)), static_cast<int>(r.Int(i, 6)),
               static_cast<int>(r.Int(i, 7)), static_cast<int>(r.Int(i, 8))};
    v.by_delegate = r.Int(i, 9) != 0;
    v.passed = r.Int(i, 10) != 0;
    v.voted_on = Day(r, i, 11);
    v.created_by = r.OptInt(i, 12);
    v.created_at = r.Int(i, 13);
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace dh::conferences
