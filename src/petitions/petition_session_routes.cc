// The public page of published answers (no login) and dialogue conferences, with the .xlsx
// of a session's petitions and their state.
#include <string>

#include "core/json.h"
#include "http/download.h"
#include "http/route_table.h"
#include "petitions/petition_json.h"
#include "petitions/petition_parse.h"
#include "petitions/petition_routes.h"
#include "sheets/table_writer.h"

namespace dh::petitions {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

Response PublicList(PetitionService& s, const units::UnitDirectory& units, const Request& req) {
  int64_t limit = 0, offset = 0, total = 0;
  auto f = ParsePublicFilter(req, &limit, &offset);
  if (!f.ok()) return Response::Error(f.status());
  auto list = s.PublicList(*f, limit, offset, &total);
  auto g = units.Get();
  return http::ListOf(list, total, [&](const PublicPetition& p) { return ToJson(p, *g); });
}

// The session named in the path and every petition of it the caller sees, in list order.
struct SessionPetitions {
  DialogueSession session;
  std::vector<PetitionView> petitions;
};

Result<SessionPetitions> ReadSession(PetitionService& s, const Request& req,
                                     const auth::Principal& who) {
  DH_ASSIGN_OR_RETURN(const int64_t id, http::PathId(req));
  DH_ASSIGN_OR_RETURN(DialogueSession session, s.GetSession(who, id));
  ListFilter f;
  f.f.session_id = id;
  int64_t total = 0;
  DH_ASSIGN_OR_RETURN(std::vector<PetitionView> list, s.List(who, f, 100000, 0, &total));
  return SessionPetitions{std::move(session), std::move(list)};
}

Response GetSession(PetitionService& s, const units::UnitDirectory& units, const Request& req,
                    const auth::Principal& who) {
  auto in = ReadSession(s, req, who);
  if (!in.ok()) return Response::Error(in.status());
  auto g = units.Get();
  bj::object o = ToJson(in->session, *g);
  bj::array items;
  for (const auto& v : in->petitions) items.push_back(ToJson(v, *g));
  o["petitions"] = std::move(items);
  return Response::Json(o);
}

std::vector<sheets::TableColumn> SessionColumns() {
  using sheets::CellKind;
  return {{"STT", CellKind::kInteger, 6, true},        {"Doanh nghiệp", CellKind::kText, 24},
          {"Nội dung kiến nghị", CellKind::kText, 48}, {"Lĩnh vực", CellKind::kText, 16},
          {"Đơn vị trả lời", CellKind::kText, 24},     {"Hạn trả lời", CellKind::kDate, 12, true},
          {"Trạng thái", CellKind::kText, 20},         {"Trả lời", CellKind::kText, 48}};
}

Response ExportSession(PetitionService& s, const units::UnitDirectory& units, const Request& req,
                       const auth::Principal& who) {
  auto in = ReadSession(s, req, who);
  if (!in.ok()) return Response::Error(in.status());
  auto g = units.Get();
  const sheets::TableTitle title{"DANH SÁCH KIẾN NGHỊ TẠI HỘI NGHỊ ĐỐI THOẠI DOANH NGHIỆP",
                                 in->session.title + ", ngày " + in->session.held_on.ToVietnamese(),
                                 "Số liệu đến ngày " + s.Today().ToVietnamese() + ". Tổng số: " +
                                     std::to_string(in->petitions.size()) + " kiến nghị."};
  auto name = [&](std::optional<int64_t> u) -> std::string {
    const units::Unit* x = u ? g->Find(*u) : nullptr;
    return x ? x->name : "";
  };
  auto bytes = sheets::TableBytes(title, SessionColumns(), [&](sheets::TableWriter& w) -> Status {
    int64_t n = 0;
    for (const auto& v : in->petitions) {
      const Petition& p = v.p;
      sheets::TableCell due;
      if (p.due_on) due.value = *p.due_on;
      DH_RETURN_IF_ERROR(w.Row({{++n},
                                {name(p.business_unit_id)},
                                {p.title + "\n" + p.content},
                                {std::string(CategoryLabel(p.category).value_or(""))},
                                {name(p.responsible_unit_id)},
                                due,
                                {std::string(StateLabel(p.state))},
                                {p.answer_text}}));
    }
    return Status::Ok();
  });
  if (!bytes.ok()) return Response::Error(bytes.status());
  return http::Download(std::move(*bytes), http::kXlsxType,
                        http::ContentDisposition("Kiến nghị hội nghị đối thoại " +
                                                 in->session.held_on.ToString() + ".xlsx"));
}

}  // namespace

void RegisterSessionRoutes(http::Router& router, PetitionService& s,
                           const units::UnitDirectory& units) {
  router.Public("GET", "/api/v1/public/petitions",
                [&s, &units](const Request& req) { return PublicList(s, units, req); });
  router.Protected("GET", "/api/v1/petition-sessions",
                   [&s, &units](const Request&, const auth::Principal& who) {
                     auto g = units.Get();
                     return http::AllOf(s.Sessions(who),
                                        [&](const DialogueSession& x) { return ToJson(x, *g); });
                   });
  router.Protected("POST", "/api/v1/petition-sessions",
                   [&s, &units](const Request& req, const auth::Principal& who) {
                     auto in = http::ParseBody(req, ParseSession);
                     if (!in.ok()) return Response::Error(in.status());
                     return http::OneOf(
                         s.CreateSession(who, *in),
                         [&](const DialogueSession& x) { return ToJson(x, *units.Get()); }, 201);
                   });
  router.Protected("GET", "/api/v1/petition-sessions/{id}",
                   [&s, &units](const Request& req, const auth::Principal& who) {
                     return GetSession(s, units, req, who);
                   });
  router.Protected("GET", "/api/v1/petition-sessions/{id}/petitions.xlsx",
                   [&s, &units](const Request& req, const auth::Principal& who) {
                     return ExportSession(s, units, req, who);
                   });
}

}  // namespace dh::petitions
