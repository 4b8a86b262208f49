#include "conferences/conference_routes.h"

#include <functional>
#include <type_traits>

#include "conferences/conference_json.h"
#include "conferences/conference_parse.h"
#include "core/json.h"
#include "core/message.h"
#include "core/text.h"
#include "http/download.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "sheets/rows.h"

namespace dh::conferences {
namespace {

namespace bj = boost::json;
using http::AllOf;
using http::ListOf;
using http::OneOf;
using http::ParseBody;
using http::Request;
using http::Response;

// `to_json` with the unit tree as it is when the answer is written.
template <typename T>
auto WithUnits(ConferenceService& s, bj::object (*to_json)(const T&, const units::UnitGraph&)) {
  return [&s, to_json](const T& x) { return to_json(x, *s.units().Get()); };
}

Response File(const ReportFile& f, std::string content_type) {
  return http::Download(f.bytes, std::move(content_type),
                        "attachment; filename=\"" + f.filename + "\"");
}

// A text query parameter read as the JSON text fields are: trimmed, NFC, and refused (never
// cut) when longer than `max_chars`, naming the field as the report form labels it.
Result<std::string> QueryText(const Request& req, json::Field f, size_t max_chars) {
  auto v = req.Query(std::string(f.key));
  if (!v) return std::string();
  const bj::object o{{f.key, *v}};
  DH_ASSIGN_OR_RETURN(auto s, json::OptionalString(o, f, max_chars));
  return s.value_or("");
}

Result<ReportOptions> Options(const Request& req) {
  ReportOptions o;
  auto doc = http::QueryInt(req, "document_id");
  if (!doc.ok()) return doc.status();
  o.document_id = *doc;
  DH_ASSIGN_OR_RETURN(o.number, QueryText(req, {"number", "Số, ký hiệu"}, 50));
  DH_ASSIGN_OR_RETURN(o.signing_authority,
                      QueryText(req, {"signing_authority", "Thẩm quyền ký"}, 100));
  DH_ASSIGN_OR_RETURN(o.signer_title, QueryText(req, {"signer_title", "Chức vụ người ký"}, 100));
  DH_ASSIGN_OR_RETURN(o.signer_name, QueryText(req, {"signer_name", "Họ và tên người ký"}, 100));
  return o;
}

// The answer's JSON for `x`: ToJson(x), or ToJson(x, tree) for the items that name units.
template <auto ToJson, typename T>
bj::object AsJson(ConferenceService& s, const T& x) {
  if constexpr (std::is_invocable_v<decltype(ToJson), const T&, const units::UnitGraph&>)
    return ToJson(x, *s.units().Get());
  else
    return ToJson(x);
}

// A route on …/{id}: the path's id read, then H.
using IdHandler = Response (*)(ConferenceService&, int64_t, const Request&, const auth::Principal&);
template <IdHandler H>
Response OnId(ConferenceService& s, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  return H(s, *id, req, who);
}

// GET …/{id}: what the service's Method answers for the id, one object or the whole list.
template <auto Method, auto ToJson>
Response ReadOne(ConferenceService& s, int64_t id, const Request&, const auth::Principal& who) {
  return OneOf((s.*Method)(who, id), [&](const auto& x) { return AsJson<ToJson>(s, x); });
}
template <auto Method, auto ToJson>
Response ReadAll(ConferenceService& s, int64_t id, const Request&, const auth::Principal& who) {
  return AllOf((s.*Method)(who, id), [&](const auto& x) { return AsJson<ToJson>(s, x); });
}

// POST …/{id} with a body read by Parse, handed to the service's Method with the id.
template <auto Parse, auto Method, auto ToJson, int kStatus>
Response Write(ConferenceService& s, int64_t id, const Request& req, const auth::Principal& who) {
  auto in = ParseBody(req, Parse);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf((s.*Method)(who, id, *in), [&](const auto& x) { return AsJson<ToJson>(s, x); },
               kStatus);
}

// GET …/{id}/report.docx|.xlsx: the report's options from the query, the file from Method.
template <auto Method, const char* kType>
Response Report(ConferenceService& s, int64_t id, const Request& req, const auth::Principal& who) {
  auto o = Options(req);
  if (!o.ok()) return Response::Error(o.status());
  auto f = (s.*Method)(who, id, *o);
  if (!f.ok()) return Response::Error(f.status());
  return File(*f, kType);
}
constexpr char kDocx[] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
constexpr char kXlsx[] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

Response ListConferences(ConferenceService& s, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, http::ListSpec{});
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list = s.List(who, q->limit(), q->offset(), &total);
  auto g = s.units().Get();
  return ListOf(list, total, [&](const ConferenceView& v) { return ConferenceViewJson(v, *g); });
}

Response Create(ConferenceService& s, const Request& req, const auth::Principal& who) {
  auto in = ParseBody(req, ParseConference);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(s.Create(who, *in), WithUnits(s, ConferenceViewJson), 201);
}

Response Import(ConferenceService& s, int64_t id, const Request& req, const auth::Principal& who) {
  ImportUpload up{req.body, req.Header("content-type"),
                  text::SafeFileName(req.Header("x-file-name"), 200)};
  auto out = s.ImportOpinions(who, id, up);
  if (!out.ok()) return Response::Error(out.status());
  if (!out->ok) return Response::Json(sheets::RowErrorsBody(out->errors, "ý kiến"), 422);
  return Response::Json(bj::object{{"ok", true}, {"imported", out->imported}}, 201);
}

Response Merge(ConferenceService& s, int64_t id, const Request& req, const auth::Principal& who) {
  auto o = json::ParseObject(req.body);
  if (!o.ok()) return Response::Error(o.status());
  if (Status k = json::OnlyFields(*o, {"opinion_ids"}); !k.ok()) return Response::Error(k);
  auto ids = json::IdArray(*o, {"opinion_ids", "Ý kiến trùng"}, 500);
  if (!ids.ok()) return Response::Error(ids.status());
  return OneOf(s.Merge(who, id, *ids), WithUnits(s, OpinionViewJson));
}

Response NextRound(ConferenceService& s, int64_t id, const Request& req,
                   const auth::Principal& who) {
  auto doc = http::PathId(req, "document_id");
  if (!doc.ok()) return Response::Error(doc.status());
  auto d = s.NextRound(who, id, *doc);
  if (!d.ok()) return Response::Error(d.status());
  return Response::Json(bj::object{{"id", d->id}, {"round", d->round}});
}

using S = ConferenceService;
constexpr http::Route<ConferenceService&> kRoutes[] = {
    {"GET", "/api/v1/conferences", ListConferences},
    {"POST", "/api/v1/conferences", Create},
    {"GET", "/api/v1/conferences/{id}", OnId<ReadOne<&S::Get, ConferenceViewJson>>},
    {"GET", "/api/v1/conferences/{id}/delegates", OnId<ReadAll<&S::Delegates, DelegateJson>>},
    {"POST", "/api/v1/conferences/{id}/delegates",
     OnId<Write<ParseDelegate, &S::AddDelegate, DelegateJson, 201>>},
    {"GET", "/api/v1/conferences/{id}/opinions", OnId<ReadAll<&S::Opinions, OpinionViewJson>>},
    {"POST", "/api/v1/conferences/{id}/opinions",
     OnId<Write<ParseOpinion, &S::AddOpinion, OpinionViewJson, 201>>},
    {"POST", "/api/v1/conferences/{id}/opinions/import", OnId<Import>},
    {"POST", "/api/v1/opinions/{id}/answer",
     OnId<Write<ParseAnswer, &S::AnswerOpinion, OpinionViewJson, 200>>},
    {"POST", "/api/v1/opinions/{id}/merge", OnId<Merge>},
    {"GET", "/api/v1/conferences/{id}/votes", OnId<ReadAll<&S::Votes, VoteViewJson>>},
    {"POST", "/api/v1/conferences/{id}/votes",
     OnId<Write<ParseVote, &S::CastVote, VoteViewJson, 201>>},
    {"POST", "/api/v1/conferences/{id}/documents/{document_id}/next-round", OnId<NextRound>},
    {"GET", "/api/v1/conferences/{id}/report.docx", OnId<Report<&S::ReportDocx, kDocx>>},
    {"GET", "/api/v1/conferences/{id}/report.xlsx", OnId<Report<&S::ReportXlsx, kXlsx>>},
};

// The English of the conferences' form labels, answer kinds and the opinion import's column
// help (core/message.h).
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"Tên dự thảo", "Draft title"},
    {"Loại dự thảo", "Kind of draft"},
    {"Đơn vị soạn thảo", "Drafting unit"},
    {"Hạn trả lời ý kiến", "Opinions to be answered by"},
    {"Tên hội nghị", "Conference name"},
    {"Cơ quan tổ chức", "Organising body"},
    {"Ngày khai mạc", "Opening day"},
    {"Ngày bế mạc", "Closing day"},
    {"Địa danh", "Place name"},
    {"Đơn vị công tác", "Unit of work"},
    {"Tổ đại biểu", "Delegation group"},
    {"Đại biểu", "Delegates"},
    {"Dự thảo", "Draft"},
    {"Phần, điều", "Part, article"},
    {"Lượt phát biểu", "Speech number"},
    {"Hình thức trả lời", "Kind of answer"},
    {"Thực hiện khi có điều kiện", "To be done when conditions allow"},
    {"Đơn vị được chuyển", "Unit referred to"},
    {"Hạn xử lý", "Due date"},
    {"Nội dung biểu quyết", "Vote subject"},
    {"Nguyên tắc biểu quyết", "Voting rule"},
    {"Ngày biểu quyết", "Vote date"},
    {"Tán thành", "In favour"},
    {"Không tán thành", "Against"},
    {"Không biểu quyết", "Abstaining"},
    {"Số, ký hiệu", "Number and symbol"},
    {"Thẩm quyền ký", "Signing authority"},
    {"Chức vụ người ký", "Signer's title"},
    {"Họ và tên người ký", "Signer's name"},
    {"Ý kiến trùng", "Duplicate opinions"},
    {"Tiếp thu", "Accepted"},
    {"Giải trình", "Explained"},
    {"Ghi nhận", "Noted"},
    {"Chuyển", "Referred"},
    {"ý kiến", "opinions"},
    {"hội nghị này", "this conference"},
    {"tải mẫu tại trang hội nghị → Nhập ý kiến từ Excel",
     "download the template on the conference page → Import opinions from Excel"},
    {"Họ và tên đúng như danh sách đại biểu; nhiều đại biểu cách nhau bởi dấu ; — "
     "thêm tổ trong ngoặc khi trùng tên, ví dụ «Nguyễn Văn An (Tổ Đông Hải)».",
     "Full names as in the list of delegates; several delegates separated by ; — "
     "add the group in brackets when names are alike, for example «Nguyễn Văn An "
     "(Tổ Đông Hải)»."},
    {"Tên dự thảo hoặc số thứ tự của dự thảo trong hội nghị; để trống khi hội nghị "
     "chỉ có một dự thảo.",
     "The draft's title or its number in the conference; empty when the conference "
     "has one draft."},
    {"Tên phần, điều của dự thảo (ví dụ «Điều 3»); để trống cho ý kiến chung.",
     "The name of the draft's part or article (for example «Điều 3»); empty for a "
     "general opinion."},
    {"Tối đa 10.000 ký tự.", "At most 10,000 characters."},
    {"Số thứ tự lượt phát biểu; một lượt có thể nêu nhiều ý kiến.",
     "The speech's number; one speech may raise several opinions."}};

void RegisterConferenceLabels() {
  for (const auto& [vi, en] : kLabels) RegisterLabels({{vi, en}});
}

}  // namespace

void RegisterRoutes(http::Router& router, ConferenceService& service) {
  RegisterConferenceLabels();
  http::RegisterTable(router, std::ref(service), kRoutes);
}

}  // namespace dh::conferences
