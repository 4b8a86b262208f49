#include "conferences/conference_routes.h"

#include "conferences/conference_json.h"
#include "conferences/conference_parse.h"
#include "core/json.h"
#include "core/text.h"
#include "http/download.h"
#include "http/list_query.h"
#include "sheets/rows.h"

namespace dh::conferences {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

template <typename T>
using Parser = Result<T> (*)(const bj::object&);

// The body read by `parse`; the first problem as the error.
template <typename T>
Result<T> Body(const Request& req, Parser<T> parse) {
  auto o = json::ParseObject(req.body);
  if (!o.ok()) return o.status();
  return parse(*o);
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
  if (!list.ok()) return Response::Error(list.status());
  auto g = s.units().Get();
  bj::array items;
  for (const ConferenceView& v : *list) items.push_back(ConferenceViewJson(v, *g));
  return Response::List(std::move(items), total);
}

// A whole list in the list envelope, each item by `to_json`.
template <typename T, typename ToJson>
Response AllOf(const Result<std::vector<T>>& list, ToJson to_json) {
  if (!list.ok()) return Response::Error(list.status());
  bj::array items;
  for (const T& x : *list) items.push_back(to_json(x));
  const auto total = static_cast<int64_t>(items.size());
  return Response::List(std::move(items), total);
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
  auto v = s.Merge(who, id, *ids);
  if (!v.ok()) return Response::Error(v.status());
  return Response::Json(OpinionViewJson(*v, *s.units().Get()));
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
                     auto in = Body<ConferenceInput>(req, ParseConference);
                     if (!in.ok()) return Response::Error(in.status());
                     auto v = s.Create(who, *in);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(ConferenceViewJson(*v, *s.units().Get()), 201);
                   });
  router.Protected("GET", "/api/v1/conferences/{id}",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     auto v = s.Get(who, id);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(ConferenceViewJson(*v, *s.units().Get()));
                   }));
  router.Protected("GET", "/api/v1/conferences/{id}/delegates",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return AllOf(s.Delegates(who, id), DelegateJson);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/delegates",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = Body<DelegateInput>(req, ParseDelegate);
                     if (!in.ok()) return Response::Error(in.status());
                     auto d = s.AddDelegate(who, id, *in);
                     if (!d.ok()) return Response::Error(d.status());
                     return Response::Json(DelegateJson(*d), 201);
                   }));
}

void RegisterOpinionRoutes(http::Router& router, ConferenceService& s) {
  router.Protected("GET", "/api/v1/conferences/{id}/opinions",
                   OnConference([&s](int64_t id, const Request&, const auth::Principal& who) {
                     return OpinionList(s, id, who);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/opinions",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = Body<OpinionInput>(req, ParseOpinion);
                     if (!in.ok()) return Response::Error(in.status());
                     auto v = s.AddOpinion(who, id, *in);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(OpinionViewJson(*v, *s.units().Get()), 201);
                   }));
  router.Protected("POST", "/api/v1/conferences/{id}/opinions/import",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     return Import(s, id, req, who);
                   }));
  router.Protected("POST", "/api/v1/opinions/{id}/answer",
                   OnConference([&s](int64_t id, const Request& req, const auth::Principal& who) {
                     auto in = Body<AnswerInput>(req, ParseAnswer);
                     if (!in.ok()) return Response::Error(in.status());
                     auto v = s.AnswerOpinion(who, id, *in);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(OpinionViewJson(*v, *s.units().Get()));
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
                     auto in = Body<VoteInput>(req, ParseVote);
                     if (!in.ok()) return Response::Error(in.status());
                     auto v = s.CastVote(who, id, *in);
                     if (!v.ok()) return Response::Error(v.status());
                     return Response::Json(VoteViewJson(*v), 201);
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
