// The public page of published answers (no login) and dialogue conferences, with the .xlsx
// of a session's petitions and their state.
#include <string>

#include "core/json.h"
#include "petitions/petition_json.h"
#include "petitions/petition_parse.h"
#include "petitions/petition_routes.h"
#include "sheets/table_writer.h"
#include "tasks/task_excel.h"

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
  if (!list.ok()) return Response::Error(list.status());
  auto g = units.Get();
  bj::array items;
  for (const auto& p : *list) items.push_back(ToJson(p, *g));
  return Response::List(std::move(items), total);
}

// Every petition of the session the caller sees, in list order.
Result<std::vector<PetitionView>> SessionPetitions(PetitionService& s, const auth::Principal& who,
                                                   int64_t id) {
  ListFilter f;
  f.f.session_id = id;
  int64_t total = 0;
  return s.List(who, f, 100000, 0, &total);
}

// The session the path names and every petition of it the caller sees.
struct SessionAndPetitions {
  DialogueSession session;
  std::vector<PetitionView> petitions;
};
Result<SessionAndPetitions> LoadSession(PetitionService& s, const Request& req,
                                        const auth::Principal& who) {
  DH_ASSIGN_OR_RETURN(int64_t id, http::PathId(req));
  DH_ASSIGN_OR_RETURN(DialogueSession session, s.GetSession(who, id));
  DH_ASSIGN_OR_RETURN(std::vector<PetitionView> list, SessionPetitions(s, who, id));
  return SessionAndPetitions{std::move(session), std::move(list)};
}

Response GetSession(PetitionService& s, const units::UnitDirectory& units, const Request& req,
                    const auth::Principal& who) {
  auto loaded = LoadSession(s, req, who);
  if (!loaded.ok()) return Response::Error(loaded.status());
  auto g = units.Get();
  bj::object o = ToJson(loaded->session, *g);
  bj::array items;
  for (const auto& v : loaded->petitions) items.push_back(ToJson(v, *g));
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
  auto loaded = LoadSession(s, req, who);
  if (!loaded.ok()) return Response::Error(loaded.status());
  const DialogueSession* session = &loaded->session;
  const std::vector<PetitionView>* list = &loaded->petitions;
  auto g = units.Get();
  const sheets::TableTitle title{"DANH SÁCH KIẾN NGHỊ TẠI HỘI NGHỊ ĐỐI THOẠI DOANH NGHIỆP",
                                 session->title + ", ngày " + session->held_on.ToVietnamese(),
                                 "Số liệu đến ngày " + s.Today().ToVietnamese() +
                                     ". Tổng số: " + std::to_string(list->size()) + " kiến nghị."};
  auto name = [&](std::optional<int64_t> u) -> std::string {
    const units::Unit* x = u ? g->Find(*u) : nullptr;
    return x ? x->name : "";
  };
  auto bytes = sheets::TableBytes(title, SessionColumns(), [&](sheets::TableWriter& w) -> Status {
    int64_t n = 0;
    for (const auto& v : *list) {
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
  Response r;
  r.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  r.body = std::move(*bytes);
  r.headers.emplace_back("Content-Disposition",
                         tasks::ContentDisposition("Kiến nghị hội nghị đối thoại " +
                                                   session->held_on.ToString() + ".xlsx"));
  return r;
}

}  // namespace

void RegisterSessionRoutes(http::Router& router, PetitionService& s,
                           const units::UnitDirectory& units) {
  router.Public("GET", "/api/v1/public/petitions",
                [&s, &units](const Request& req) { return PublicList(s, units, req); });
  router.Protected("GET", "/api/v1/petition-sessions",
                   [&s, &units](const Request&, const auth::Principal& who) {
                     auto list = s.Sessions(who);
                     if (!list.ok()) return Response::Error(list.status());
                     auto g = units.Get();
                     bj::array items;
                     for (const auto& x : *list) items.push_back(ToJson(x, *g));
                     return Response::List(std::move(items), static_cast<int64_t>(items.size()));
                   });
  router.Protected("POST", "/api/v1/petition-sessions",
                   [&s, &units](const Request& req, const auth::Principal& who) {
                     auto o = json::ParseObject(req.body);
                     if (!o.ok()) return Response::Error(o.status());
                     auto in = ParseSession(*o);
                     if (!in.ok()) return Response::Error(in.status());
                     auto created = s.CreateSession(who, *in);
                     if (!created.ok()) return Response::Error(created.status());
                     return Response::Json(ToJson(*created, *units.Get()), 201);
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
