#include "petitions/petition_routes.h"

#include "core/json.h"
#include "http/route_table.h"
#include "petitions/petition_json.h"
#include "petitions/petition_messages.h"
#include "petitions/petition_parse.h"

namespace dh::petitions {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

struct Deps {
  PetitionService& service;
  const units::UnitDirectory& units;
};

using http::WithId;

Response ViewOrError(const Deps& d, const Result<PetitionView>& v, int status = 200) {
  if (!v.ok()) return Response::Error(v.status());
  return Response::Json(ToJson(*v, *d.units.Get()), status);
}

Response ListPetitions(const Deps& d, const Request& req, const auth::Principal& who) {
  int64_t limit = 0, offset = 0, total = 0;
  auto f = ParseListFilter(req, &limit, &offset);
  if (!f.ok()) return Response::Error(f.status());
  auto list = d.service.List(who, *f, limit, offset, &total);
  auto g = d.units.Get();
  return http::ListOf(list, total, [&](const PetitionView& v) { return ToJson(v, *g); });
}

Response FilePetition(const Deps& d, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, [](const bj::object& o) { return ParsePetition(o, true); });
  if (!in.ok()) return Response::Error(in.status());
  return ViewOrError(d, d.service.File(who, *in), 201);
}

Response GetPetition(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  auto found = d.service.Get(who, id);
  if (!found.ok()) return Response::Error(found.status());
  return Response::Json(ToJson(*found, *d.units.Get()));
}

Response UpdatePetition(const Deps& d, int64_t id, const bj::object& o,
                        const auth::Principal& who) {
  auto in = ParsePetition(o, false);
  if (!in.ok()) return Response::Error(in.status());
  return ViewOrError(d, d.service.Update(who, id, *in));
}

Response RoutePetition(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {"unit_id", "coordinating_unit_ids"}); !s.ok())
    return Response::Error(s);
  auto unit = json::RequiredId(o, {"unit_id", "Đơn vị xử lý"});
  if (!unit.ok()) return Response::Error(unit.status());
  auto co = json::IdArray(o, {"coordinating_unit_ids", "Đơn vị phối hợp"}, 50);
  if (!co.ok()) return Response::Error(co.status());
  return ViewOrError(d, d.service.Route(who, id, *unit, *co));
}

Response Forward(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {"unit_id", "reason"}); !s.ok()) return Response::Error(s);
  auto unit = json::RequiredId(o, {"unit_id", "Đơn vị có thẩm quyền"});
  if (!unit.ok()) return Response::Error(unit.status());
  auto reason = json::RequiredString(o, {"reason", "Lý do chuyển"}, 2000);
  if (!reason.ok()) return Response::Error(reason.status());
  return ViewOrError(d, d.service.Forward(who, id, *unit, *reason));
}

Response ReturnPetition(const Deps& d, int64_t id, const bj::object& o,
                        const auth::Principal& who) {
  auto in = ParseReturn(o);
  if (!in.ok()) return Response::Error(in.status());
  return ViewOrError(d, d.service.Return(who, id, *in));
}

Response AnswerPetition(const Deps& d, int64_t id, const bj::object& o,
                        const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {"text", "outcome"}); !s.ok()) return Response::Error(s);
  auto text = json::RequiredString(o, {"text", "Nội dung trả lời"}, 20000);
  if (!text.ok()) return Response::Error(text.status());
  auto outcome = json::OptionalString(o, {"outcome", "Kết quả"}, 20);
  if (!outcome.ok()) return Response::Error(outcome.status());
  return ViewOrError(d, d.service.Answer(who, id, *text, outcome->value_or("directed")));
}

Response Approve(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {}); !s.ok()) return Response::Error(s);
  return ViewOrError(d, d.service.ApproveAnswer(who, id));
}

// A body of one optional text `f` and nothing else: the text ("" when absent).
Result<std::string> OnlyText(const bj::object& o, json::Field f) {
  DH_RETURN_IF_ERROR(json::OnlyFields(o, {f.key}));
  DH_ASSIGN_OR_RETURN(auto text, json::OptionalString(o, f, 2000));
  return text.value_or("");
}

Response Resolve(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto note = OnlyText(o, {"note", "Ghi chú"});
  if (!note.ok()) return Response::Error(note.status());
  return ViewOrError(d, d.service.Resolve(who, id, *note));
}

Response Rate(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {"satisfied", "reason"}); !s.ok()) return Response::Error(s);
  auto satisfied = json::OptionalBool(o, {"satisfied", "Mức độ hài lòng"});
  if (!satisfied.ok()) return Response::Error(satisfied.status());
  auto reason = json::OptionalString(o, {"reason", "Lý do"}, 2000);
  if (!reason.ok()) return Response::Error(reason.status());
  return ViewOrError(d, d.service.Rate(who, id, *satisfied, reason->value_or("")));
}

Response Reopen(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  auto reason = OnlyText(o, {"reason", "Lý do mở lại"});
  if (!reason.ok()) return Response::Error(reason.status());
  return ViewOrError(d, d.service.Reopen(who, id, *reason));
}

Response Publish(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {}); !s.ok()) return Response::Error(s);
  return ViewOrError(d, d.service.Publish(who, id));
}

Response SpawnTask(const Deps& d, int64_t id, const bj::object& o, const auth::Principal& who) {
  if (auto s = json::OnlyFields(o, {"directive_id", "deadline"}); !s.ok())
    return Response::Error(s);
  auto directive = json::RequiredId(o, {"directive_id", "Văn bản chỉ đạo"});
  if (!directive.ok()) return Response::Error(directive.status());
  auto deadline = json::OptionalDate(o, {"deadline", "Hạn hoàn thành"});
  if (!deadline.ok()) return Response::Error(deadline.status());
  return ViewOrError(d, d.service.SpawnTask(who, id, *directive, *deadline), 201);
}

Response Templates(const Deps& d, int64_t id, const bj::object&, const auth::Principal& who) {
  return http::AllOf(d.service.Templates(who, id),
                     [](const AnswerTemplate& t) { return ToJson(t); });
}

Response Board(const Deps& d, const Request& req, const auth::Principal& who) {
  const std::string by = req.Query("by").value_or("unit");
  if (by != "unit") return Response::Error(Status::InvalidInput("by", Say(msg::kBoardByUnit)));
  auto from = http::QueryDate(req, "from");
  if (!from.ok()) return Response::Error(from.status());
  auto to = http::QueryDate(req, "to");
  if (!to.ok()) return Response::Error(to.status());
  const Date today = d.service.Today();
  const Date end = to->value_or(today);
  const Date start = from->value_or(*Date::FromYmd(end.year(), 1, 1));
  auto rows = d.service.Board(who, start, end);
  if (!rows.ok()) return Response::Error(rows.status());
  auto g = d.units.Get();
  bj::array out;
  for (const auto& r : *rows) out.push_back(ToJson(r, *g, start, end));
  return Response::Json(
      bj::object{{"from", start.ToString()}, {"to", end.ToString()}, {"rows", std::move(out)}});
}

// The English of the petitions' form labels, categories and states (core/message.h).
void RegisterPetitionLabels() {
  RegisterLabels({{"Trạng thái", "Status"},
                  {"Lĩnh vực", "Category"},
                  {"Đơn vị xử lý", "Handling unit"},
                  {"Doanh nghiệp", "Business"},
                  {"Hội nghị đối thoại", "Dialogue conference"},
                  {"Nhiệm vụ", "Task"},
                  {"Tình trạng hạn", "Deadline status"},
                  {"Nhóm chỉ số", "Index group"},
                  {"Đơn vị trả lời", "Answering unit"},
                  {"Tiêu đề", "Title"},
                  {"Nội dung kiến nghị", "Petition content"},
                  {"Đồng ý công khai", "Agrees to publication"},
                  {"Kênh tiếp nhận", "Channel"},
                  {"Lý do trả lại", "Reason for returning"},
                  {"Kiến nghị đã trả lời", "Answered petition"},
                  {"Cơ quan có thẩm quyền", "Competent authority"},
                  {"Tên hội nghị", "Conference name"},
                  {"Địa điểm", "Place"},
                  {"Ngày tổ chức", "Date held"},
                  {"Đơn vị có thẩm quyền", "Competent unit"},
                  {"Lý do chuyển", "Reason for forwarding"},
                  {"Kết quả", "Outcome"},
                  {"Mức độ hài lòng", "Satisfaction"},
                  {"Lý do mở lại", "Reason for reopening"},
                  {"Đơn vị nhận chuyển tiếp", "Unit forwarded to"},
                  {"Thủ tục hành chính", "Administrative procedures"},
                  {"Đất đai", "Land"},
                  {"Thuế – phí", "Taxes and fees"},
                  {"Xây dựng", "Construction"},
                  {"Đầu tư", "Investment"},
                  {"Lao động", "Labour"},
                  {"Khác", "Other"},
                  {"Đã tiếp nhận", "Received"},
                  {"Đã chuyển đơn vị xử lý", "Routed to a unit"},
                  {"Đã chuyển tiếp đơn vị có thẩm quyền", "Forwarded to the competent unit"},
                  {"Đã có dự thảo trả lời", "Answer drafted"},
                  {"Đã có chỉ đạo", "Directions given"},
                  {"Đã giải quyết xong", "Resolved"},
                  {"Doanh nghiệp đã đánh giá", "Rated by the business"},
                  {"Đã trả lại", "Returned"}});
}

}  // namespace

void RegisterRoutes(http::Router& router, PetitionService& service,
                    const units::UnitDirectory& units) {
  static constexpr http::Route<const Deps&> kRoutes[] = {
      {"GET", "/api/v1/petitions", ListPetitions},
      {"POST", "/api/v1/petitions", FilePetition},
      {"GET", "/api/v1/petitions/{id}", WithId<GetPetition>},
      {"PATCH", "/api/v1/petitions/{id}", WithId<UpdatePetition>},
      {"POST", "/api/v1/petitions/{id}/route", WithId<RoutePetition>},
      {"POST", "/api/v1/petitions/{id}/forward", WithId<Forward>},
      {"POST", "/api/v1/petitions/{id}/return", WithId<ReturnPetition>},
      {"POST", "/api/v1/petitions/{id}/answer", WithId<AnswerPetition>},
      {"POST", "/api/v1/petitions/{id}/approve-answer", WithId<Approve>},
      {"POST", "/api/v1/petitions/{id}/resolve", WithId<Resolve>},
      {"POST", "/api/v1/petitions/{id}/rate", WithId<Rate>},
      {"POST", "/api/v1/petitions/{id}/reopen", WithId<Reopen>},
      {"POST", "/api/v1/petitions/{id}/publish", WithId<Publish>},
      {"POST", "/api/v1/petitions/{id}/task", WithId<SpawnTask>},
      {"GET", "/api/v1/petitions/{id}/answer-templates", WithId<Templates>},
      {"GET", "/api/v1/boards/petitions", Board},
  };
  RegisterPetitionLabels();
  http::RegisterTable(router, Deps{service, units}, kRoutes);
  RegisterSessionRoutes(router, service, units);
}

}  // namespace dh::petitions
