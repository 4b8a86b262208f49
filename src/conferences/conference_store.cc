#include "conferences/conference_store.h"

#include <unordered_map>

#include "conferences/conference_messages.h"
#include "core/text.h"
#include "db/row_reader.h"
#include "db/table_sql.h"

namespace dh::conferences {
namespace {

constexpr db::Table kConferences{"conferences",
                                 "name, body_unit_id, starts_on, ends_on, place, directive_id, "
                                 "created_by, created_at",
                                 "name_folded"};
constexpr db::Table kDocuments{
    "conference_documents",
    "conference_id, title, kind, drafting_unit_id, round, answer_due_on, position"};
constexpr db::Table kSections{"conference_sections", "document_id, title, position"};
constexpr db::Table kDelegates{"conference_delegates",
                               "conference_id, full_name, unit_id, delegation, created_at",
                               "name_key"};
constexpr db::Table kOpinions{
    "conference_opinions",
    "conference_id, document_id, section_id, round, content, speech_no, merged_into_id, "
    "answer_kind, answer_text, answer_when_possible, referred_unit_id, referred_due_on, task_id, "
    "answered_on, answered_by, created_by, created_at"};
constexpr db::Table kVotes{
    "conference_votes",
    "conference_id, document_id, subject, rule, delegates, in_favour, against, abstain, "
    "by_delegate, passed, voted_on, created_by, created_at"};

const std::string kInsertConference = kConferences.Insert();
const std::string kSelectConference = kConferences.Select("WHERE id = ?");
const std::string kSelectConferences = kConferences.Select("ORDER BY starts_on DESC, id DESC");
const std::string kInsertDocument = kDocuments.Insert();
const std::string kSelectDocuments =
    kDocuments.Select("WHERE conference_id = ? ORDER BY position, id");
const std::string kSelectAllDocuments = kDocuments.Select("ORDER BY conference_id, position, id");
const std::string kSetRound = kDocuments.Update("round");
const std::string kInsertSection = kSections.Insert();
constexpr const char* kSelectSections =
    "SELECT s.id, s.document_id, s.title, s.position FROM conference_sections s JOIN "
    "conference_documents d ON d.id = s.document_id WHERE d.conference_id = ? ORDER BY "
    "s.position, s.id";
const std::string kSelectAllSections = kSections.Select("ORDER BY position, id");

const std::string kInsertDelegate = kDelegates.Insert();
const std::string kSelectDelegates =
    kDelegates.Select("WHERE conference_id = ? ORDER BY delegation, id");

// An opinion is written without an answer; the answer is saved later (kSaveAnswer).
constexpr const char* kInsertOpinion =
    "INSERT INTO conference_opinions (conference_id, document_id, section_id, round, content, "
    "speech_no, answer_text, answer_when_possible, created_by, created_at) VALUES (?, ?, ?, ?, "
    "?, ?, '', 0, ?, ?) RETURNING id";
const std::string kInsertOpinionDelegate =
    db::InsertSql("conference_opinion_delegates", "opinion_id, delegate_id, position");
const std::string kOpinionById = kOpinions.Select("WHERE id = ?");
const std::string kOpinionsOfConference = kOpinions.Select("WHERE conference_id = ? ORDER BY id");
constexpr const char* kDelegatesOfOpinion =
    "SELECT opinion_id, delegate_id FROM conference_opinion_delegates WHERE opinion_id = ? ORDER "
    "BY position, delegate_id";
constexpr const char* kDelegatesOfOpinions =
    "SELECT od.opinion_id, od.delegate_id FROM conference_opinion_delegates od JOIN "
    "conference_opinions o ON o.id = od.opinion_id WHERE o.conference_id = ? ORDER BY "
    "od.opinion_id, od.position, od.delegate_id";
const std::string kSaveAnswer = kOpinions.Update(
    "answer_kind, answer_text, answer_when_possible, referred_unit_id, "
    "referred_due_on, task_id, answered_on, answered_by");
const std::string kSetMerged = kOpinions.Update("merged_into_id");

const std::string kInsertVote = kVotes.Insert();
const std::string kInsertBallot =
    db::InsertSql("conference_ballots", "vote_id, delegate_id, choice");
const std::string kSelectVotes = kVotes.Select("WHERE conference_id = ? ORDER BY id DESC");

using db::OptDate;
using db::OptId;

void ConferenceFields(db::RowCursor& row, Conference& c) {
  row(c.id, c.name, c.body_unit_id, c.starts_on, c.ends_on, c.place, c.directive_id, c.created_by,
      c.created_at);
}

void DocumentFields(db::RowCursor& row, Document& d) {
  row(d.id, d.conference_id, d.title, d.kind, d.drafting_unit_id, d.round, d.answer_due_on,
      d.position);
}

void SectionFields(db::RowCursor& row, Section& s) {
  row(s.id, s.document_id, s.title, s.position);
}

// Attaches documents and their sections to the conferences they belong to.
void Attach(std::vector<Conference>& confs, std::vector<Document> docs,
            const std::vector<Section>& sections) {
  std::unordered_map<int64_t, Document*> by_id;
  std::unordered_map<int64_t, Conference*> conf_by_id;
  for (Conference& c : confs) conf_by_id[c.id] = &c;
  for (Document& d : docs) {
    auto it = conf_by_id.find(d.conference_id);
    if (it == conf_by_id.end()) continue;
    it->second->documents.push_back(std::move(d));
  }
  for (Conference& c : confs)
    for (Document& d : c.documents) by_id[d.id] = &d;
  for (const Section& s : sections) {
    auto it = by_id.find(s.document_id);
    if (it == by_id.end()) continue;
    it->second->sections.push_back(s);
  }
}

// Reads the documents and sections of `sql_docs` and `sql_sections` into `confs`.
Status AttachDocuments(db::Connection& c, std::vector<Conference>& confs, std::string_view sql_docs,
                       std::string_view sql_sections, const db::Params& params) {
  DH_ASSIGN_OR_RETURN(std::vector<Document> docs,
                      db::ReadAll<Document>(c, sql_docs, params, DocumentFields));
  DH_ASSIGN_OR_RETURN(std::vector<Section> sections,
                      db::ReadAll<Section>(c, sql_sections, params, SectionFields));
  Attach(confs, std::move(docs), sections);
  return Status::Ok();
}

void OpinionFields(db::RowCursor& row, Opinion& o) {
  std::string kind, text;
  bool when_possible = false;
  int64_t referred_unit_id = 0;
  std::optional<Date> due_on;
  row(o.id, o.conference_id, o.document_id, o.section_id, o.round, o.content, o.speech_no,
      o.merged_into_id, kind, text, when_possible, referred_unit_id, due_on, o.task_id,
      o.answered_on, o.answered_by, o.created_by, o.created_at);
  if (auto k = ParseAnswerKind(kind))
    o.answer = Answer{*k, text, when_possible, referred_unit_id, due_on};
}

using OpinionDelegate = std::pair<int64_t, int64_t>;  // opinion, delegate

}  // namespace

Result<int64_t> InsertConference(db::Connection& c, Conference& conf) {
  DH_ASSIGN_OR_RETURN(conf.id, db::ReadInt(c, kInsertConference,
                                           {conf.name, conf.body_unit_id, conf.starts_on.ToString(),
                                            conf.ends_on.ToString(), conf.place,
                                            OptId(conf.directive_id), OptId(conf.created_by),
                                            conf.created_at, text::FoldForSearch(conf.name)}));
  for (Document& d : conf.documents) {
    d.conference_id = conf.id;
    DH_ASSIGN_OR_RETURN(d.id,
                        db::ReadInt(c, kInsertDocument,
                                    {conf.id, d.title, d.kind, d.drafting_unit_id, int64_t{d.round},
                                     OptDate(d.answer_due_on), int64_t{d.position}}));
    for (Section& s : d.sections) {
      s.document_id = d.id;
      DH_ASSIGN_OR_RETURN(s.id,
                          db::ReadInt(c, kInsertSection, {d.id, s.title, int64_t{s.position}}));
    }
  }
  return conf.id;
}

Result<std::optional<Conference>> FindConference(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(std::vector<Conference> one,
                      db::ReadAll<Conference>(c, kSelectConference, {id}, ConferenceFields));
  if (one.empty()) return std::optional<Conference>();
  DH_RETURN_IF_ERROR(AttachDocuments(c, one, kSelectDocuments, kSelectSections, {id}));
  return std::optional<Conference>(std::move(one.front()));
}

Result<std::vector<Conference>> ListConferences(db::Connection& c) {
  DH_ASSIGN_OR_RETURN(std::vector<Conference> out,
                      db::ReadAll<Conference>(c, kSelectConferences, {}, ConferenceFields));
  DH_RETURN_IF_ERROR(AttachDocuments(c, out, kSelectAllDocuments, kSelectAllSections, {}));
  return out;
}

Status SetDocumentRound(db::Connection& c, int64_t document_id, int round) {
  return c.Exec(kSetRound, {int64_t{round}, document_id}).status();
}

Result<int64_t> InsertDelegate(db::Connection& c, const Delegate& d) {
  auto id = db::ReadInt(c, kInsertDelegate,
                        {d.conference_id, d.full_name, OptId(d.unit_id), d.delegation, d.created_at,
                         text::FoldForSearch(d.full_name)});
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation)
    return Status::UniqueViolation("full_name",
                                   Say(msg::kDelegateInGroup, {{"name", d.full_name}}));
  return id;
}

Result<std::vector<Delegate>> DelegatesOf(db::Connection& c, int64_t conference_id) {
  return db::ReadAll<Delegate>(
      c, kSelectDelegates, {conference_id}, [](db::RowCursor& row, Delegate& d) {
        row(d.id, d.conference_id, d.full_name, d.unit_id, d.delegation, d.created_at);
      });
}

Result<int64_t> InsertOpinion(db::Connection& c, const Opinion& o) {
  DH_ASSIGN_OR_RETURN(
      const int64_t id,
      db::ReadInt(c, kInsertOpinion,
                  {o.conference_id, o.document_id, OptId(o.section_id), int64_t{o.round}, o.content,
                   OptId(o.speech_no), OptId(o.created_by), o.created_at}));
  for (size_t i = 0; i < o.delegate_ids.size(); ++i)
    DH_RETURN_IF_ERROR(AddOpinionDelegate(c, id, o.delegate_ids[i], static_cast<int>(i)));
  return id;
}

Status AddOpinionDelegate(db::Connection& c, int64_t opinion_id, int64_t delegate_id,
                          int position) {
  return c.Exec(kInsertOpinionDelegate, {opinion_id, delegate_id, int64_t{position}}).status();
}

Result<std::optional<Opinion>> FindOpinion(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(std::vector<Opinion> one,
                      db::ReadAll<Opinion>(c, kOpinionById, {id}, OpinionFields));
  if (one.empty()) return std::optional<Opinion>();
  DH_ASSIGN_OR_RETURN(db::ChildRows<int64_t> d,
                      db::ReadAll<OpinionDelegate>(c, kDelegatesOfOpinion, {id}));
  for (const auto& [opinion, delegate] : d) one.front().delegate_ids.push_back(delegate);
  return std::optional<Opinion>(std::move(one.front()));
}

Result<std::vector<Opinion>> OpinionsOf(db::Connection& c, int64_t conference_id) {
  DH_ASSIGN_OR_RETURN(
      std::vector<Opinion> out,
      db::ReadAll<Opinion>(c, kOpinionsOfConference, {conference_id}, OpinionFields));
  DH_ASSIGN_OR_RETURN(db::ChildRows<int64_t> d,
                      db::ReadAll<OpinionDelegate>(c, kDelegatesOfOpinions, {conference_id}));
  db::AttachById(out, d, [](Opinion& o, int64_t delegate) { o.delegate_ids.push_back(delegate); });
  return out;
}

Status SaveAnswer(db::Connection& c, const Opinion& o) {
  const Answer a = o.answer.value_or(Answer{});
  const db::Value unit = a.referred_unit_id ? db::Value(a.referred_unit_id) : db::Value();
  return c
      .Exec(kSaveAnswer, {o.answer ? db::Value(std::string(AnswerKindName(a.kind))) : db::Value(),
                          a.text, int64_t{a.when_possible}, unit, OptDate(a.due_on),
                          OptId(o.task_id), OptDate(o.answered_on), OptId(o.answered_by), o.id})
      .status();
}

Status SetMergedInto(db::Connection& c, int64_t opinion_id, int64_t kept_id) {
  return c.Exec(kSetMerged, {kept_id, opinion_id}).status();
}

Result<int64_t> InsertVote(db::Connection& c, const Vote& v) {
  DH_ASSIGN_OR_RETURN(
      const int64_t id,
      db::ReadInt(
          c, kInsertVote,
          {v.conference_id, OptId(v.document_id), v.subject, std::string(VoteRuleName(v.rule)),
           int64_t{v.tally.delegates}, int64_t{v.tally.in_favour}, int64_t{v.tally.against},
           int64_t{v.tally.abstain}, int64_t{v.by_delegate}, int64_t{v.passed},
           v.voted_on.ToString(), OptId(v.created_by), v.created_at}));
  for (const Ballot& b : v.ballots)
    DH_RETURN_IF_ERROR(
        c.Exec(kInsertBallot, {id, b.delegate_id, std::string(ChoiceName(b.choice))}).status());
  return id;
}

Result<std::vector<Vote>> VotesOf(db::Connection& c, int64_t conference_id) {
  return db::ReadAll<Vote>(c, kSelectVotes, {conference_id}, [](db::RowCursor& row, Vote& v) {
    row(v.id, v.conference_id, v.document_id, v.subject,
        db::As(v.rule, ParseVoteRule, VoteRule::kMajorityOfAll), v.tally.delegates,
        v.tally.in_favour, v.tally.against, v.tally.abstain, v.by_delegate, v.passed, v.voted_on,
        v.created_by, v.created_at);
  });
}

}  // namespace dh::conferences
