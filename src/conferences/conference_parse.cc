#include "conferences/conference_parse.h"

#include "conferences/conference_messages.h"
#include "core/json.h"
#include "core/text.h"

namespace dh::conferences {
namespace {

namespace bj = boost::json;

Result<std::vector<std::string>> Sections(const bj::object& d, const std::string& at) {
  std::vector<std::string> out;
  const bj::value* v = d.if_contains("sections");
  if (!v || v->is_null()) return out;
  if (!v->is_array() || v->as_array().size() > 500)
    return Status::InvalidInput(at + "sections", Say(msg::kSectionsList, {{"max", int64_t{500}}}));
  for (const bj::value& s : v->as_array()) {
    const bj::value title =
        s.is_object() && s.as_object().contains("title") ? s.as_object().at("title") : s;
    if (!title.is_string())
      return Status::InvalidInput(at + "sections",
                                  Say(msg::kSectionIsName, {{"max", int64_t{500}}}));
    if (text::CodePointCount(std::string_view(title.as_string())) > 500)
      return Status::InvalidInput(at + "sections",
                                  Say(msg::kSectionTooLong, {{"max", int64_t{500}}}), "too_long");
    out.emplace_back(title.as_string());
  }
  return out;
}

Result<DocumentInput> ParseDocument(const bj::value& v, size_t i) {
  const std::string at = "documents[" + std::to_string(i) + "].";
  if (!v.is_object()) return Status::InvalidInput(at, Say(msg::kDraftIsObject));
  const bj::object& d = v.as_object();
  const std::string title_path = at + "title", kind_path = at + "kind",
                    unit_path = at + "drafting_unit_id", due_path = at + "answer_due_on";
  DH_RETURN_IF_ERROR(
      json::OnlyFields(d, {"title", "kind", "drafting_unit_id", "answer_due_on", "sections"}, at));
  DocumentInput out;
  DH_ASSIGN_OR_RETURN(out.title,
                      json::RequiredString(d, {"title", "Tên dự thảo", title_path}, 1000));
  DH_ASSIGN_OR_RETURN(auto kind, json::OptionalString(d, {"kind", "Loại dự thảo", kind_path}, 20));
  out.kind = kind.value_or("resolution");
  DH_ASSIGN_OR_RETURN(out.drafting_unit_id,
                      json::RequiredId(d, {"drafting_unit_id", "Đơn vị soạn thảo", unit_path}));
  DH_ASSIGN_OR_RETURN(out.answer_due_on,
                      json::OptionalDate(d, {"answer_due_on", "Hạn trả lời ý kiến", due_path}));
  DH_ASSIGN_OR_RETURN(out.sections, Sections(d, at));
  return out;
}

}  // namespace

Result<ConferenceInput> ParseConference(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"name", "body_unit_id", "starts_on", "ends_on", "place", "directive_id", "documents"}));
  ConferenceInput in;
  DH_ASSIGN_OR_RETURN(in.name, json::RequiredString(o, {"name", "Tên hội nghị"}, 500));
  DH_ASSIGN_OR_RETURN(in.body_unit_id, json::RequiredId(o, {"body_unit_id", "Cơ quan tổ chức"}));
  DH_ASSIGN_OR_RETURN(in.starts_on, json::OptionalDate(o, {"starts_on", "Ngày khai mạc"}));
  DH_ASSIGN_OR_RETURN(in.ends_on, json::OptionalDate(o, {"ends_on", "Ngày bế mạc"}));
  DH_ASSIGN_OR_RETURN(auto place, json::OptionalString(o, {"place", "Địa danh"}, 100));
  in.place = place.value_or("");
  DH_ASSIGN_OR_RETURN(in.directive_id, json::OptionalId(o, {"directive_id", "Văn bản chỉ đạo"}));
  if (const bj::value* docs = o.if_contains("documents"); docs && !docs->is_null()) {
    if (!docs->is_array() || docs->as_array().size() > 50)
      return Status::InvalidInput("documents", Say(msg::kDraftsList, {{"max", int64_t{50}}}));
    for (size_t i = 0; i < docs->as_array().size(); ++i) {
      DH_ASSIGN_OR_RETURN(DocumentInput d, ParseDocument(docs->as_array()[i], i));
      in.documents.push_back(std::move(d));
    }
  }
  return in;
}

Result<DelegateInput> ParseDelegate(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"full_name", "unit_id", "delegation"}));
  DelegateInput in;
  DH_ASSIGN_OR_RETURN(in.full_name, json::RequiredString(o, {"full_name", "Họ và tên"}, 200));
  DH_ASSIGN_OR_RETURN(in.unit_id, json::OptionalId(o, {"unit_id", "Đơn vị công tác"}));
  DH_ASSIGN_OR_RETURN(auto delegation, json::OptionalString(o, {"delegation", "Tổ đại biểu"}, 200));
  in.delegation = delegation.value_or("");
  return in;
}

Result<OpinionInput> ParseOpinion(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"delegate_ids", "document_id", "section_id", "content", "speech_no"}));
  OpinionInput in;
  DH_ASSIGN_OR_RETURN(in.delegate_ids, json::IdArray(o, {"delegate_ids", "Đại biểu"}, 200));
  DH_ASSIGN_OR_RETURN(in.document_id, json::RequiredId(o, {"document_id", "Dự thảo"}));
  DH_ASSIGN_OR_RETURN(in.section_id, json::OptionalId(o, {"section_id", "Phần, điều"}));
  DH_ASSIGN_OR_RETURN(in.content, json::RequiredString(o, {"content", "Nội dung ý kiến"}, 10000));
  DH_ASSIGN_OR_RETURN(in.speech_no,
                      json::OptionalInt(o, {"speech_no", "Lượt phát biểu"}, 1, 100000));
  return in;
}

Result<AnswerInput> ParseAnswer(const bj::object& o) {
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"kind", "text", "when_possible", "referred_unit_id", "due_on"}));
  AnswerInput in;
  DH_ASSIGN_OR_RETURN(auto kind, json::OptionalString(o, {"kind", "Hình thức trả lời"}, 20));
  in.kind = kind.value_or("");
  DH_ASSIGN_OR_RETURN(auto text, json::OptionalString(o, {"text", "Nội dung trả lời"}, 10000));
  in.text = text.value_or("");
  DH_ASSIGN_OR_RETURN(auto when,
                      json::OptionalBool(o, {"when_possible", "Thực hiện khi có điều kiện"}));
  in.when_possible = when.value_or(false);
  DH_ASSIGN_OR_RETURN(auto unit, json::OptionalId(o, {"referred_unit_id", "Đơn vị được chuyển"}));
  in.referred_unit_id = unit.value_or(0);
  DH_ASSIGN_OR_RETURN(in.due_on, json::OptionalDate(o, {"due_on", "Hạn xử lý"}));
  return in;
}

Result<VoteInput> ParseVote(const bj::object& o) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {"subject", "document_id", "rule", "ballots", "in_favour",
                                          "against", "abstain", "voted_on"}));
  VoteInput in;
  DH_ASSIGN_OR_RETURN(in.subject,
                      json::RequiredString(o, {"subject", "Nội dung biểu quyết"}, 1000));
  DH_ASSIGN_OR_RETURN(in.document_id, json::OptionalId(o, {"document_id", "Dự thảo"}));
  DH_ASSIGN_OR_RETURN(auto rule, json::OptionalString(o, {"rule", "Nguyên tắc biểu quyết"}, 40));
  in.rule = rule.value_or("majority_of_all");
  DH_ASSIGN_OR_RETURN(in.voted_on, json::OptionalDate(o, {"voted_on", "Ngày biểu quyết"}));
  DH_ASSIGN_OR_RETURN(auto yes, json::OptionalInt(o, {"in_favour", "Tán thành"}, 0, 100000));
  DH_ASSIGN_OR_RETURN(auto no, json::OptionalInt(o, {"against", "Không tán thành"}, 0, 100000));
  DH_ASSIGN_OR_RETURN(auto abstain,
                      json::OptionalInt(o, {"abstain", "Không biểu quyết"}, 0, 100000));
  if (yes || no || abstain)
    in.totals = VoteTally{0, static_cast<int>(yes.value_or(0)), static_cast<int>(no.value_or(0)),
                          static_cast<int>(abstain.value_or(0))};
  if (const bj::value* b = o.if_contains("ballots"); b && !b->is_null()) {
    if (!b->is_array() || b->as_array().size() > 100000)
      return Status::InvalidInput("ballots", Say(msg::kBallotsList));
    for (size_t i = 0; i < b->as_array().size(); ++i) {
      const bj::value& x = b->as_array()[i];
      const std::string at = "ballots[" + std::to_string(i) + "]";
      if (!x.is_object() || !x.as_object().contains("delegate_id") ||
          !x.as_object().at("delegate_id").is_int64() || !x.as_object().contains("choice") ||
          !x.as_object().at("choice").is_string())
        return Status::InvalidInput(at, Say(msg::kBallotShape));
      in.ballots.emplace_back(x.as_object().at("delegate_id").as_int64(),
                              std::string(x.as_object().at("choice").as_string()));
    }
  }
  return in;
}

}  // namespace dh::conferences
