#include "units/unit_routes.h"

#include <mutex>
#include <unordered_map>

#include "core/json.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "units/unit_json.h"
#include "units/unit_messages.h"

namespace dh::units {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

Result<UnitInput> ParseInput(const Request& req) {
  DH_ASSIGN_OR_RETURN(bj::object o, json::ParseObject(req.body));
  DH_RETURN_IF_ERROR(json::OnlyFields(
      o, {"code", "name", "kind", "parent_id", "valid_from", "valid_to", "effective"}));
  UnitInput in;
  DH_ASSIGN_OR_RETURN(in.code, json::OptionalString(o, {"code", "Mã đơn vị"}, 50));
  DH_ASSIGN_OR_RETURN(in.name, json::OptionalString(o, {"name", "Tên đơn vị"}, 300));
  DH_ASSIGN_OR_RETURN(in.kind, json::OptionalString(o, {"kind", "Loại đơn vị"}, 20));
  in.parent_given = o.contains("parent_id");
  DH_ASSIGN_OR_RETURN(in.parent_id, json::OptionalId(o, {"parent_id", "Đơn vị cấp trên"}));
  DH_ASSIGN_OR_RETURN(in.valid_from, json::OptionalDate(o, {"valid_from", "Từ ngày"}));
  in.valid_to_given = o.contains("valid_to");
  DH_ASSIGN_OR_RETURN(in.valid_to, json::OptionalDate(o, {"valid_to", "Đến ngày"}));
  DH_ASSIGN_OR_RETURN(
      in.effective,
      json::OptionalDate(o, {"effective", "Chuyển sang đơn vị cấp trên mới từ ngày"}));
  return in;
}

Result<NewUnitSpec> ParseNewUnit(const bj::value& v, size_t i) {
  if (!v.is_object()) return Status::InvalidInput("new_units", Say(msg::kNewUnitObject));
  const bj::object& n = v.as_object();
  const std::string at = "new_units[" + std::to_string(i) + "].";
  DH_RETURN_IF_ERROR(json::OnlyFields(n, {"code", "name", "kind", "parent_id"}, at));
  const std::string code = at + "code", name = at + "name", kind = at + "kind",
                    parent = at + "parent_id";
  NewUnitSpec spec;
  DH_ASSIGN_OR_RETURN(spec.code, json::RequiredString(n, {"code", "Mã đơn vị", code}, 50));
  DH_ASSIGN_OR_RETURN(spec.name, json::RequiredString(n, {"name", "Tên đơn vị", name}, 300));
  DH_ASSIGN_OR_RETURN(spec.kind, json::RequiredString(n, {"kind", "Loại đơn vị", kind}, 20));
  DH_ASSIGN_OR_RETURN(spec.parent_id,
                      json::OptionalId(n, {"parent_id", "Đơn vị cấp trên", parent}));
  return spec;
}

Result<RestructureRequest> ParseRestructure(const Request& req) {
  DH_ASSIGN_OR_RETURN(bj::object o, json::ParseObject(req.body));
  DH_RETURN_IF_ERROR(
      json::OnlyFields(o, {"kind", "date", "source_ids", "target_ids", "note", "new_units"}));
  RestructureRequest r;
  DH_ASSIGN_OR_RETURN(r.kind, json::RequiredString(o, {"kind", "Hình thức"}, 10));
  DH_ASSIGN_OR_RETURN(r.date, json::RequiredDate(o, {"date", "Ngày hiệu lực"}));
  DH_ASSIGN_OR_RETURN(r.source_ids, json::IdArray(o, {"source_ids", "Đơn vị được sắp xếp"}));
  DH_ASSIGN_OR_RETURN(r.target_ids, json::IdArray(o, {"target_ids", "Đơn vị có sẵn"}));
  DH_ASSIGN_OR_RETURN(auto note, json::OptionalString(o, {"note", "Căn cứ, ghi chú"}, 2000));
  r.note = note.value_or("");
  if (json::Has(o, "new_units")) {
    if (!o.at("new_units").is_array() || o.at("new_units").as_array().size() > 100)
      return Status::InvalidInput("new_units", Say(msg::kNewUnitsList, {{"max", int64_t{100}}}),
                                  "wrong_type");
    const bj::array& list = o.at("new_units").as_array();
    for (size_t i = 0; i < list.size(); ++i) {
      DH_ASSIGN_OR_RETURN(NewUnitSpec spec, ParseNewUnit(list[i], i));
      r.new_units.push_back(std::move(spec));
    }
  }
  return r;
}

bj::object DetailJson(const UnitDetail& d, const UnitGraph& g, Date today) {
  bj::object o = ToJson(d.row.unit, d.row.parent_id, today);
  bj::array preds, succs, parents;
  for (const auto& s : d.predecessors) preds.push_back(SuccessionJson(s, g, false));
  for (const auto& s : d.successors) succs.push_back(SuccessionJson(s, g, true));
  for (const auto& l : d.parents) {
    const Unit* p = l.parent_id ? g.Find(*l.parent_id) : nullptr;
    parents.push_back({{"parent_id", json::OrNull(l.parent_id)},
                       {"parent_code", p ? bj::value(p->code) : bj::value(nullptr)},
                       {"parent_name", p ? bj::value(p->name) : bj::value(nullptr)},
                       {"valid_from", l.valid_from.ToString()},
                       {"valid_to", json::DateOrNull(l.valid_to)}});
  }
  o["predecessors"] = std::move(preds);
  o["successors"] = std::move(succs);
  o["parents"] = std::move(parents);
  return o;
}

bj::array Brief(const std::vector<int64_t>& ids, const UnitGraph& g, Date day) {
  bj::array out;
  for (int64_t id : ids)
    if (const Unit* u = g.Find(id)) out.push_back(ToJson(*u, g.ParentOn(id, day), day));
  return out;
}

// Serialised bodies of GET /api/v1/units, by who asks (their grants: the scope) and the
// query, for one version of the unit tree: the body depends on nothing else but the day,
// which is in the key. A new tree (any change to units) empties the cache.
class UnitListCache {
 public:
  static constexpr size_t kMaxEntries = 4096;  // then it starts over

  std::optional<std::string> Find(const std::shared_ptr<const UnitGraph>& g,
                                  const std::string& key) {
    std::lock_guard lock(mu_);
    if (g != graph_) return std::nullopt;
    auto it = bodies_.find(key);
    if (it == bodies_.end()) return std::nullopt;
    return it->second;
  }
  void Put(const std::shared_ptr<const UnitGraph>& g, const std::string& key, std::string body) {
    std::lock_guard lock(mu_);
    if (g != graph_ || bodies_.size() >= kMaxEntries) {
      bodies_.clear();
      graph_ = g;
    }
    bodies_[key] = std::move(body);
  }

 private:
  std::mutex mu_;
  std::shared_ptr<const UnitGraph> graph_;               // GUARDED_BY(mu_)
  std::unordered_map<std::string, std::string> bodies_;  // GUARDED_BY(mu_)
};

std::string ListKey(const auth::Principal& who, const UnitListQuery& q, Date day) {
  std::string key = day.ToString() + (q.include_ended ? "|e|" : "|a|") + std::to_string(q.limit) +
                    "|" + std::to_string(q.offset) + "|" + std::to_string(q.kind.size()) + ":" +
                    q.kind + "|" + q.q + "|";
  for (const auth::RoleGrant& g : who.grants)
    key += std::to_string(static_cast<int>(g.role)) + "@" +
           (g.unit_id ? std::to_string(*g.unit_id) : "*") + ",";
  return key;
}

Response ListUnits(const Request& req, const auth::Principal& who, UnitService& service,
                   UnitListCache& cache) {
  UnitListQuery q;
  auto as_of = http::QueryDate(req, "as_of");
  if (!as_of.ok()) return Response::Error(as_of.status());
  q.as_of = *as_of;
  // as_of keeps its own reader (as the task list's does), so its error reads as before.
  static const http::ListSpec spec{
      {{"q", http::ListFilter::Type::kText, "Tìm kiếm"},
       {"kind", http::ListFilter::Type::kText, "Loại đơn vị"},
       {"include_ended", http::ListFilter::Type::kText, "Cả đơn vị đã kết thúc"}},
      1000,
      20000};
  auto lq = http::ListQuery::Parse(req, spec);
  if (!lq.ok()) return Response::Error(lq.status());
  q.q = lq->Text("q").value_or("");
  q.kind = lq->Text("kind").value_or("");
  q.include_ended = lq->Text("include_ended").value_or("") == "true";
  q.limit = lq->limit();
  q.offset = lq->offset();
  const Date day = q.as_of.value_or(service.Today());
  // Taken before the list is built: a tree that changes meanwhile never matches it again.
  const auto graph = service.graph();
  const std::string key = ListKey(who, q, day);
  Response out;
  if (auto body = cache.Find(graph, key)) {
    out.body = *std::move(body);
    return out;
  }
  int64_t total = 0;
  auto rows = service.List(who, q, &total);
  if (!rows.ok()) return Response::Error(rows.status());
  bj::array items;
  for (const UnitRow& r : *rows) items.push_back(ToJson(r.unit, r.parent_id, day));
  out = Response::List(std::move(items), total);
  cache.Put(graph, key, out.body);
  return out;
}

// POST /api/v1/units
Response CreateUnit(UnitService& service, const Request& req, const auth::Principal& who) {
  auto in = ParseInput(req);
  if (!in.ok()) return Response::Error(in.status());
  auto row = service.Create(&who, *in);
  if (!row.ok()) return Response::Error(row.status());
  return Response::Json(ToJson(row->unit, row->parent_id, service.Today()), 201);
}

// POST /api/v1/units/restructure
Response Restructure(UnitService& service, const Request& req, const auth::Principal& who) {
  auto r = ParseRestructure(req);
  if (!r.ok()) return Response::Error(r.status());
  auto out = service.Restructure(&who, *r);
  if (!out.ok()) return Response::Error(out.status());
  auto g = service.graph();
  bj::object moved{{"children", out->children_moved}};
  for (const auto& [name, n] : out->moved) moved[name] = n;
  return Response::Json(bj::object{{"event_id", out->event_id},
                                   {"kind", r->kind},
                                   {"date", r->date.ToString()},
                                   {"sources", Brief(out->sources, *g, r->date.AddDays(-1))},
                                   {"successors", Brief(out->successors, *g, r->date)},
                                   {"moved", std::move(moved)}},
                        201);
}

// One restructuring with the units it ended and the units that took over, each once.
bj::object EventJson(const RestructureEvent& e, const UnitGraph& g) {
  bj::array sources, successors;
  std::vector<int64_t> seen_src, seen_succ;
  auto brief = [&](int64_t id) {
    const Unit* u = g.Find(id);
    return bj::object{{"id", id}, {"code", u ? u->code : ""}, {"name", u ? u->name : ""}};
  };
  for (const auto& s : g.successions()) {
    if (s.event_id != e.id) continue;
    if (std::find(seen_src.begin(), seen_src.end(), s.predecessor_id) == seen_src.end()) {
      seen_src.push_back(s.predecessor_id);
      sources.push_back(brief(s.predecessor_id));
    }
    if (std::find(seen_succ.begin(), seen_succ.end(), s.successor_id) == seen_succ.end()) {
      seen_succ.push_back(s.successor_id);
      successors.push_back(brief(s.successor_id));
    }
  }
  return {{"id", e.id},
          {"kind", e.kind},
          {"date", e.date.ToString()},
          {"note", e.note},
          {"sources", std::move(sources)},
          {"successors", std::move(successors)}};
}

// GET /api/v1/units/restructure-events
Response RestructureEvents(UnitService& service, const auth::Principal& who) {
  auto events = service.Events(who);
  auto g = service.graph();
  return http::AllOf(events, [&](const RestructureEvent& e) { return EventJson(e, *g); });
}

// GET /api/v1/units/{id}
Response GetUnit(UnitService& service, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto d = service.Get(who, *id);
  if (!d.ok()) return Response::Error(d.status());
  return Response::Json(DetailJson(*d, *service.graph(), service.Today()));
}

// PATCH /api/v1/units/{id}
Response UpdateUnit(UnitService& service, const Request& req, const auth::Principal& who) {
  auto id = http::PathId(req);
  if (!id.ok()) return Response::Error(id.status());
  auto in = ParseInput(req);
  if (!in.ok()) return Response::Error(in.status());
  auto row = service.Update(who, *id, *in);
  if (!row.ok()) return Response::Error(row.status());
  return Response::Json(ToJson(row->unit, row->parent_id, service.Today()));
}

}  // namespace

void RegisterRoutes(http::Router& router, UnitService& service) {
  // The English of the units' form labels, and of the labels other rooms name a unit by in
  // the checks of unit_rules.h (core/message.h).
  RegisterLabels({{"Mã đơn vị", "Unit code"},
                  {"Tên đơn vị", "Unit name"},
                  {"Loại đơn vị", "Unit kind"},
                  {"Đơn vị cấp trên", "Parent unit"},
                  {"Từ ngày", "From"},
                  {"Chuyển sang đơn vị cấp trên mới từ ngày", "Under the new parent unit from"},
                  {"Hình thức", "Kind"},
                  {"Ngày hiệu lực", "Effective date"},
                  {"Đơn vị được sắp xếp", "Units restructured"},
                  {"Đơn vị có sẵn", "Existing units"},
                  {"Căn cứ, ghi chú", "Basis, note"},
                  {"Tìm kiếm", "Search"},
                  {"Cả đơn vị đã kết thúc", "Include ended units"},
                  {"Đơn vị", "Unit"},
                  {"Đơn vị được giao", "Assigned unit"},
                  {"Đơn vị được giao phần việc", "Unit assigned the part"},
                  {"Đơn vị được đề nghị phối hợp", "Unit asked to coordinate"}});
  auto list_cache = std::make_shared<UnitListCache>();
  router.Protected("GET", "/api/v1/units",
                   [&service, list_cache](const Request& req, const auth::Principal& who) {
                     return ListUnits(req, who, service, *list_cache);
                   });
  router.Protected("POST", "/api/v1/units", [&](const Request& req, const auth::Principal& who) {
    return CreateUnit(service, req, who);
  });
  router.Protected("POST", "/api/v1/units/restructure",
                   [&](const Request& req, const auth::Principal& who) {
                     return Restructure(service, req, who);
                   });
  router.Protected(
      "GET", "/api/v1/units/restructure-events",
      [&](const Request&, const auth::Principal& who) { return RestructureEvents(service, who); });
  router.Protected(
      "GET", "/api/v1/units/{id}",
      [&](const Request& req, const auth::Principal& who) { return GetUnit(service, req, who); });
  router.Protected("PATCH", "/api/v1/units/{id}",
                   [&](const Request& req, const auth::Principal& who) {
                     return UpdateUnit(service, req, who);
                   });
}

}  // namespace dh::units
