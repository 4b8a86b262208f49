#include "conferences/conference_routes.h"

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

Response ListConferences(ConferenceService& s, const Request& req, const auth::Principal& who) {
  auto q = http::ListQuery::Parse(req, http::ListSpec{});
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto list = s.List(who, q->limit(), q->offset(), &total);
  auto g = s.units().Get();
  return ListOf(list, total, [&](const ConferenceView& v) { return ConferenceViewJson(v, *g); });
}

Response OpinionList(ConferenceService& s, int64_t id, const auth::Principal& who) {
  auto g = s.units().Get();
  return AllOf(s.Opinions(who, id), [&](const OpinionView& v) { return OpinionViewJson(v, *g); });
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

// A route on /conferences/{id}…: the id read, then `fn`.
template <typename Fn>
http::Handler OnConference(Fn fn) {
  return [fn](const Request& req, const auth::Principal& who) {
    auto id = http::PathId(req);
    if (!id.ok()) return Response::Error(id.status());
    return fn(*id, req, who);
  };
}

void RegisterConferenceRoutes(http::Router& router, ConferenceService& s) {
  router.Protected("GET", "/api/v1/conferences",
                   [&s](const Request& req, const auth::Principal& who) {
                     return ListConferences(s, req, who);
                   });
  router.Protected("POST", "/api/v1/conferences",
                   [&s](const Request& req, const auth::Principal& who) {
                     auto in = ParseBody(req, ParseConference);
                     if (!in.ok()) return Response::Error(in.status());
                     return OneOf(s.Create(who, *in), WithUnits(s, ConferenceViewJson), 201);
                   });
  router.Protected("GET", "/api/v1/conferences/{id}",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return OneOf(s.Get(who, id), WithUnits(s, ConferenceViewJson));
                   }));
  router.Protected("GET", "/api/v1/conferences/{id}/delegates",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return AllOf(s.Delegates(who, id), DelegateJson);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/delegates",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = ParseBody(req, ParseDelegate);
                     if (!in.ok()) return Response::Error(in.status());
                     return OneOf(s.AddDelegate(who, id, *in), DelegateJson, 201);
                   }));
}

void RegisterOpinionRoutes(http::Router& router, ConferenceService& s) {
  router.Protected("GET", "/api/v1/conferences/{id}/opinions",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return OpinionList(s, id, who);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/opinions",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = ParseBody(req, ParseOpinion);
                     if (!in.ok()) return Response::Error(in.status());
                     return OneOf(s.AddOpinion(who, id, *in), WithUnits(s, OpinionViewJson), 201);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/opinions/import",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     return Import(s, id, req, who);
                   }));
  router.Protected("POST", "/api/v1/opinions/{id}/answer",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = ParseBody(req, ParseAnswer);
                     if (!in.ok()) return Response::Error(in.status());
                     return OneOf(s.AnswerOpinion(who, id, *in), WithUnits(s, OpinionViewJson));
                   }));
  router.Protected("POST", "/api/v1/opinions/{id}/merge",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     return Merge(s, id, req, who);
                   }));
}

void RegisterVoteAndReportRoutes(http::Router& router, ConferenceService& s) {
  router.Protected("GET", "/api/v1/conferences/{id}/votes",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return AllOf(s.Votes(who, id), VoteViewJson);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/votes",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = ParseBody(req, ParseVote);
                     if (!in.ok()) return Response::Error(in.status());
                     return OneOf(s.CastVote(who, id, *in), VoteViewJson, 201);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/documents/{document_id}/next-round",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto doc = http::PathId(req, "document_id");
                     if (!doc.ok()) return Response::Error(doc.status());
                     auto d = s.NextRound(who, id, *doc);
                     if (!d.ok()) return Response::Error(d.status());
                     return Response::Json(bj::object{{"id", d->id}, {"round", d->round}});
                   }));
  router.Protected(
      "GET", "/api/v1/conferences/{id}/report.docx",
      OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
        auto o = Options(req);
        if (!o.ok()) return Response::Error(o.status());
        auto f = s.ReportDocx(who, id, *o);
        if (!f.ok()) return Response::Error(f.status());
        return File(*f, "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
      }));
  router.Protected("GET", "/api/v1/conferences/{id}/report.xlsx",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto o = Options(req);
                     if (!o.ok()) return Response::Error(o.status());
                     auto f = s.ReportXlsx(who, id, *o);
                     if (!f.ok()) return Response::Error(f.status());
                     return File(
                         *f, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
                   }));
}

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
  RegisterConferenceRoutes(router, service);
  RegisterOpinionRoutes(router, service);
  RegisterVoteAndReportRoutes(router, service);
}

}  // namespace dh::conferences
