#include "conferences/conference_routes.h"

#include "conferences/conference_json.h"
#include "conferences/conference_parse.h"
#include "core/json.h"
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

}  // namespace

void RegisterRoutes(http::Router& router, ConferenceService& service) {
  RegisterConferenceRoutes(router, service);
  RegisterOpinionRoutes(router, service);
  RegisterVoteAndReportRoutes(router, service);
}

}  // namespace dh::conferences
