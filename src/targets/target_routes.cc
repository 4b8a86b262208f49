#include "targets/target_routes.h"

#include "core/json.h"
#include "core/sort_rows.h"
#include "http/download.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "sheets/rows.h"
#include "targets/target_import.h"
#include "targets/target_json.h"
#include "targets/target_messages.h"
#include "targets/target_parse.h"
#include "targets/target_review.h"
#include "targets/target_views.h"

namespace dh::targets {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

using http::OneOf;
using http::WithId;

// A page of rows kept in memory, first ordered by the column `sort` names (one of `by`).
template <typename T, typename ToJson>
Response Page(const Request& req, std::vector<T> rows, std::span<const SortBy<T>> by,
              ToJson to_json) {
  auto q = http::ListQuery::Parse(req, http::ListSpec{{}, 200, 5000, SortNames(by)});
  if (!q.ok()) return Response::Error(q.status());
  SortRows(by, q->sort(), q->descending(), &rows);
  const int64_t limit = q->limit(), offset = q->offset();
  bj::array items;
  for (int64_t i = offset; i < static_cast<int64_t>(rows.size()) && i < offset + limit; ++i)
    items.push_back(to_json(rows[i]));
  return Response::List(std::move(items), static_cast<int64_t>(rows.size()));
}

// A page read in SQL: `read(query, &total)` gives its rows in the order the query's `sort`
// asks for, one of `sorts`.
template <typename Read, typename ToJson>
Response SqlPage(const Request& req, std::vector<std::string_view> sorts, Read read,
                 ToJson to_json) {
  auto q = http::ListQuery::Parse(req, http::ListSpec{{}, 200, 5000, std::move(sorts)});
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto rows = read(*q, &total);
  return http::ListOf(rows, total, to_json);
}

// The columns the indicator catalogue and the list of targets may be sorted by.
const SortBy<Indicator> kIndicatorSorts[] = {
    {"code", [](const Indicator& a, const Indicator& b) { return a.code < b.code; }},
    {"name", [](const Indicator& a, const Indicator& b) { return FoldedLess(a.name, b.name); }},
    {"group", [](const Indicator& a, const Indicator& b) { return a.group < b.group; }},
    {"periodicity",
     [](const Indicator& a, const Indicator& b) { return a.periodicity < b.periodicity; }},
    {"direction",
     [](const Indicator& a, const Indicator& b) { return a.direction < b.direction; }}};
const SortBy<TargetRow> kTargetSorts[] = {
    {"indicator",
     [](const TargetRow& a, const TargetRow& b) {
       return FoldedLess(a.indicator.name, b.indicator.name);
     }},
    {"period",
     [](const TargetRow& a, const TargetRow& b) { return a.target.period < b.target.period; }},
    {"status",
     [](const TargetRow& a, const TargetRow& b) { return a.verdict.status < b.verdict.status; }}};

Result<std::optional<Period>> QueryPeriod(const Request& req) {
  const auto p = req.Query("period");
  if (!p || p->empty()) return std::optional<Period>();
  DH_ASSIGN_OR_RETURN(const Period period, Period::Parse(*p));
  return std::optional(period);
}

// ---- Indicators -------------------------------------------------------------------------

Response ListIndicators(TargetService& s, const Request& req, const auth::Principal& who) {
  auto rows = s.ListIndicators(who);
  if (!rows.ok()) return Response::Error(rows.status());
  return Page(req, std::move(*rows), std::span<const SortBy<Indicator>>(kIndicatorSorts),
              IndicatorJson);
}

Response PostIndicator(TargetService& s, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, [](const bj::object& o) { return ParseIndicator(o, {}, false); });
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(s.CreateIndicator(who, *in), IndicatorJson, 201);
}

Response GetIndicator(TargetService& s, int64_t id, const bj::object&, const auth::Principal& who) {
  return OneOf(s.GetIndicator(who, id), IndicatorJson);
}

Response PatchIndicator(TargetService& s, int64_t id, const bj::object& o,
                        const auth::Principal& who) {
  auto base = s.GetIndicator(who, id);
  if (!base.ok()) return Response::Error(base.status());
  auto in = ParseIndicator(o, *base, true);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(s.UpdateIndicator(who, *in), IndicatorJson);
}

// ---- Targets ----------------------------------------------------------------------------

Response ParseExpression(TargetService&, const Request& req, const auth::Principal&) {
  auto o = json::ParseObject(req.body);
  if (!o.ok()) return Response::Error(o.status());
  const Status known = json::OnlyFields(*o, {"expression"});
  if (!known.ok()) return Response::Error(known);
  auto text = json::RequiredString(*o, {"expression", "Chỉ tiêu"}, 400);
  if (!text.ok()) return Response::Error(text.status());
  return OneOf(ReadTargetExpression(*text), ExpressionJson);
}

Result<TargetQuery> ReadTargetQuery(const Request& req) {
  TargetQuery q;
  DH_ASSIGN_OR_RETURN(q.indicator_id, http::QueryInt(req, "indicator_id"));
  DH_ASSIGN_OR_RETURN(q.unit_id, http::QueryInt(req, "unit_id"));
  DH_ASSIGN_OR_RETURN(q.period, QueryPeriod(req));
  if (auto st = req.Query("status"); st && !st->empty()) {
    for (int i = 0; i <= static_cast<int>(TargetStatus::kNotReported); ++i)
      if (StatusName(static_cast<TargetStatus>(i)) == *st) q.status = static_cast<TargetStatus>(i);
    if (!q.status) return Status::InvalidInput("status", Say(msg::kStatusFilter));
  }
  if (auto g = req.Query("group"); g && !g->empty()) q.group = *g;
  return q;
}

Response ListTargets(TargetService& s, const Request& req, const auth::Principal& who) {
  auto q = ReadTargetQuery(req);
  if (!q.ok()) return Response::Error(q.status());
  auto rows = s.ListTargets(who, *q);
  if (!rows.ok()) return Response::Error(rows.status());
  const TargetViews v(s, who);
  return Page(req, std::move(*rows), std::span<const SortBy<TargetRow>>(kTargetSorts),
              [&](const TargetRow& r) { return v.OfTarget(r); });
}

Response PostTarget(TargetService& s, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, ParseTargetInput);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(
      s.CreateTarget(who, *in), [&](const TargetRow& r) { return TargetViews(s, who).OfTarget(r); },
      201);
}

Response GetTarget(TargetService& s, int64_t id, const bj::object&, const auth::Principal& who) {
  return OneOf(s.GetTarget(who, id),
               [&](const TargetRow& r) { return TargetViews(s, who).OfTarget(r); });
}

// ---- Values -----------------------------------------------------------------------------

Response PostValue(TargetService& s, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, ParseValueInput);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(
      s.SubmitValue(who, *in),
      [&](const IndicatorValue& v) { return TargetViews(s, who).OfValue(v); }, 201);
}

Result<ValueFilter> ReadValueFilter(const Request& req) {
  ValueFilter f;
  DH_ASSIGN_OR_RETURN(f.indicator_id, http::QueryInt(req, "indicator_id"));
  DH_ASSIGN_OR_RETURN(f.unit_id, http::QueryInt(req, "unit_id"));
  DH_ASSIGN_OR_RETURN(auto p, QueryPeriod(req));
  if (p) f.period = p->ToString();
  if (auto st = req.Query("state"); st && !st->empty()) {
    f.state = ParseValueState(*st);
    if (!f.state) return Status::InvalidInput("state", Say(msg::kValueStateFilter));
  }
  return f;
}

Response ListValues(TargetService& s, const Request& req, const auth::Principal& who) {
  auto f = ReadValueFilter(req);
  if (!f.ok()) return Response::Error(f.status());
  const TargetViews v(s, who);
  return SqlPage(
      req, {},
      [&](const http::ListQuery& q, int64_t* total) {
        return s.PageValues(who, *f, q.limit(), q.offset(), total);
      },
      [&](const IndicatorValue& x) { return v.OfValue(x); });
}

Response GetValue(TargetService& s, int64_t id, const bj::object&, const auth::Principal& who) {
  return OneOf(s.GetValue(who, id),
               [&](const IndicatorValue& v) { return TargetViews(s, who).OfValue(v); });
}

template <bool kApprove>
Response DecideValue(TargetService& s, int64_t id, const bj::object& o,
                     const auth::Principal& who) {
  const Status known = json::OnlyFields(o, {"note"});
  if (!known.ok()) return Response::Error(known);
  auto note = json::OptionalString(o, {"note", "Ghi chú"}, 2000);
  if (!note.ok()) return Response::Error(note.status());
  return OneOf(s.DecideValue(who, id, kApprove, note->value_or("")),
               [&](const IndicatorValue& v) { return TargetViews(s, who).OfValue(v); });
}

Response ImportValues(TargetService& s, const Request& req, const auth::Principal& who) {
  ValueUpload up{req.body, req.Header("content-type"), req.Header("x-file-name")};
  up.dry_run = req.Query("dry_run").value_or(req.Header("x-dry-run")) == "true";
  auto outcome = s.ImportValues(who, up);
  if (!outcome.ok()) return Response::Error(outcome.status());
  if (!outcome->errors.empty())
    return Response::Json(sheets::RowErrorsBody(outcome->errors, "số liệu"), 422);
  return Response::Json(bj::object{{"ok", true},
                                   {"dry_run", up.dry_run},
                                   {"valid_rows", outcome->valid_rows},
                                   {"imported", outcome->imported}});
}

Response ExportValues(TargetService& s, const Request& req, const auth::Principal& who) {
  auto f = ReadValueFilter(req);
  if (!f.ok()) return Response::Error(f.status());
  auto rows = s.ListValues(who, *f);
  if (!rows.ok()) return Response::Error(rows.status());
  auto bytes = ValuesXlsx(*rows, s.model().Indicators(), *s.units().Get(), s.Today());
  if (!bytes.ok()) return Response::Error(bytes.status());
  return http::Download(std::move(*bytes), http::kXlsxType,
                        "attachment; filename=\"so-lieu-chi-tieu.xlsx\"");
}

}  // namespace

namespace {

// The request as the caller sees it (target_views.h).
bj::object ExplanationJson(TargetService& s, const auth::Principal& who,
                           const ExplanationRequest& r) {
  return TargetViews(s, who).OfExplanation(r);
}

Response PostExplanation(TargetService& s, const Request& req, const auth::Principal& who) {
  auto in = http::ParseBody(req, ParseAskInput);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(
      s.Ask(who, *in), [&](const auto& r) { return ExplanationJson(s, who, r); }, 201);
}

Response ListExplanations(TargetService& s, const Request& req, const auth::Principal& who) {
  ExplanationFilter f;
  for (auto [name, field] : {std::pair{"target_id", &f.target_id}, std::pair{"task_id", &f.task_id},
                             std::pair{"unit_id", &f.unit_id}}) {
    auto v = http::QueryInt(req, name);
    if (!v.ok()) return Response::Error(v.status());
    *field = *v;
  }
  if (auto st = req.Query("state"); st && !st->empty()) {
    f.state = ParseExplanationState(*st);
    if (!f.state)
      return Response::Error(Status::InvalidInput("state", Say(msg::kExplanationStateFilter)));
  }
  if (auto about = req.Query("about"); about && !about->empty()) {
    if (*about != "target" && *about != "task")
      return Response::Error(Status::InvalidInput("about", Say(msg::kAboutFilter)));
    f.about = *about == "task" ? ExplanationAbout::kTask : ExplanationAbout::kTarget;
  }
  const bool late = req.Query("late").value_or("") == "true";
  const TargetViews v(s, who);
  return SqlPage(
      req, {"due_on", "state", "unit", "asked"},
      [&](const http::ListQuery& q, int64_t* total) {
        f.sort = q.sort();
        f.descending = q.descending();
        return s.PageExplanations(who, f, late, q.limit(), q.offset(), total);
      },
      [&](const ExplanationRequest& r) { return v.OfExplanation(r); });
}

Response GetExplanation(TargetService& s, int64_t id, const bj::object&,
                        const auth::Principal& who) {
  auto d = s.GetExplanation(who, id);
  if (!d.ok()) return Response::Error(d.status());
  bj::object o = ExplanationJson(s, who, d->request);
  bj::array events;
  for (const auto& e : d->events) events.push_back(EventJson(e));
  o["events"] = std::move(events);
  return Response::Json(o);
}

Response AnswerExplanation(TargetService& s, int64_t id, const bj::object& o,
                           const auth::Principal& who) {
  auto in = ParseAnswerInput(o);
  if (!in.ok()) return Response::Error(in.status());
  return OneOf(s.Answer(who, id, *in), [&](const auto& r) { return ExplanationJson(s, who, r); });
}

Response AcceptExplanation(TargetService& s, int64_t id, const bj::object& o,
                           const auth::Principal& who) {
  const Status known = json::OnlyFields(o, {});
  if (!known.ok()) return Response::Error(known);
  return OneOf(s.Accept(who, id), [&](const auto& r) { return ExplanationJson(s, who, r); });
}

Response AskAgain(TargetService& s, int64_t id, const bj::object& o, const auth::Principal& who) {
  const Status known = json::OnlyFields(o, {"question", "due_on", "due_in_days"});
  if (!known.ok()) return Response::Error(known);
  auto question = json::RequiredString(o, {"question", "Nội dung yêu cầu"}, 2000);
  auto due_on = json::OptionalDate(o, {"due_on", "Hạn trả lời"});
  auto days = json::OptionalInt(o, {"due_in_days", "Số ngày làm việc"}, 1, 60);
  for (const Status& st : {question.status(), due_on.status(), days.status()})
    if (!st.ok()) return Response::Error(st);
  std::optional<int> n;
  if (*days) n = static_cast<int>(**days);
  return OneOf(s.AskAgain(who, id, *question, *due_on, n),
               [&](const auto& r) { return ExplanationJson(s, who, r); });
}

// ---- Review -----------------------------------------------------------------------------

Response GetReview(TargetService& s, const Request& req, const auth::Principal& who) {
  auto p = Period::Parse(req.Query("period").value_or(""));
  if (!p.ok()) return Response::Error(p.status());
  auto lines = s.Review(who, *p);
  if (!lines.ok()) return Response::Error(lines.status());
  return Response::Json(ReviewJson(*p, *lines, s.units()));
}

Response ExportReview(TargetService& s, const Request& req, const auth::Principal& who) {
  auto p = Period::Parse(req.Query("period").value_or(""));
  if (!p.ok()) return Response::Error(p.status());
  auto lines = s.Review(who, *p);
  if (!lines.ok()) return Response::Error(lines.status());
  auto bytes = ReviewXlsx(*p, *lines, s.units(), s.Today());
  if (!bytes.ok()) return Response::Error(bytes.status());
  return http::Download(std::move(*bytes), http::kXlsxType,
                        "attachment; filename=\"danh-gia-chi-tieu-" + p->ToString() + ".xlsx\"");
}

// The English of the targets' form labels and import columns (core/message.h).
void RegisterTargetLabels() {
  RegisterLabels(
      {{"Mã chỉ số", "Indicator code"},
       {"Tên chỉ số", "Indicator name"},
       {"Tên tiếng Anh", "English name"},
       {"Đơn vị tính", "Unit of measure"},
       {"Chiều đánh giá", "Direction"},
       {"Cách tổng hợp", "Aggregation"},
       {"Kỳ báo cáo", "Reporting period"},
       {"Nhóm", "Group"},
       {"Cách tính", "Computation"},
       {"Phép so sánh", "Comparison"},
       {"Giá trị chỉ tiêu", "Target values"},
       {"Đơn vị", "Unit"},
       {"So với kỳ trước", "Compared with the previous period"},
       {"Kỳ", "Period"},
       {"Tỷ lệ", "Share"},
       {"Khối lượng", "Amount"},
       {"Chỉ số", "Indicator"},
       {"Chỉ tiêu", "Target"},
       {"Ghi chú", "Note"},
       {"Giá trị", "Value"},
       {"Loại số liệu", "Kind of value"},
       {"Loại số liệu (ước tính hay chính thức)", "Kind of value (estimate or official)"},
       {"Nguồn số liệu", "Source"},
       {"Nhiệm vụ", "Task"},
       {"Hạn trả lời", "Answer due"},
       {"Số ngày làm việc", "Working days"},
       {"Nội dung yêu cầu", "Request"},
       {"Nguyên nhân", "Causes"},
       {"Giải pháp", "Measures"},
       {"Giá trị dự kiến", "Expected value"},
       {"Ngày dự kiến đạt", "Expected date"},
       // The values' import (target_import.cc): its columns, their help and what it imports.
       {"Mã đơn vị", "Unit code"},
       {"số liệu", "values"},
       {"số liệu chỉ tiêu", "indicator values"},
       {"như tệp xuất từ hệ thống (Chỉ tiêu → Số liệu → Xuất Excel)",
        "as in a file exported from the system: Chỉ tiêu (Targets) → Số liệu (Values) → Xuất "
        "Excel (Export to Excel)"},
       {"Mã trong danh mục chỉ số.", "The code in the indicator catalogue."},
       {"Mã đơn vị báo cáo, ví dụ MA.SXD.", "The reporting unit's code, for example MA.SXD."},
       {"Năm 2024, quý 2024-Q2 hoặc tháng 2024-06.",
        "A year 2024, a quarter 2024-Q2 or a month 2024-06."},
       {"Số viết 1.234,5 hoặc 7,5.", "A number written 1.234,5 or 7,5."},
       {"Ghi \"ước tính\" hoặc \"chính thức\".",
        "Write “ước tính” (estimate) or “chính thức” (official)."}});
}

}  // namespace

void RegisterRoutes(http::Router& router, TargetService& s) {
  RegisterTargetLabels();
  static constexpr http::Route<TargetService&> kRoutes[] = {
      {"GET", "/api/v1/indicators", ListIndicators},
      {"POST", "/api/v1/indicators", PostIndicator},
      {"GET", "/api/v1/indicators/{id}", WithId<GetIndicator>},
      {"PATCH", "/api/v1/indicators/{id}", WithId<PatchIndicator>},
      {"POST", "/api/v1/targets/parse", ParseExpression},
      {"GET", "/api/v1/targets", ListTargets},
      {"POST", "/api/v1/targets", PostTarget},
      {"GET", "/api/v1/targets/{id}", WithId<GetTarget>},
      {"POST", "/api/v1/indicator-values", PostValue},
      {"GET", "/api/v1/indicator-values", ListValues},
      {"POST", "/api/v1/indicator-values/import", ImportValues},
      {"GET", "/api/v1/indicator-values/export.xlsx", ExportValues},
      {"GET", "/api/v1/indicator-values/{id}", WithId<GetValue>},
      {"POST", "/api/v1/indicator-values/{id}/approve", WithId<DecideValue<true>>},
      {"POST", "/api/v1/indicator-values/{id}/return", WithId<DecideValue<false>>},
      {"POST", "/api/v1/explanation-requests", PostExplanation},
      {"GET", "/api/v1/explanation-requests", ListExplanations},
      {"GET", "/api/v1/explanation-requests/{id}", WithId<GetExplanation>},
      {"POST", "/api/v1/explanation-requests/{id}/answer", WithId<AnswerExplanation>},
      {"POST", "/api/v1/explanation-requests/{id}/accept", WithId<AcceptExplanation>},
      {"POST", "/api/v1/explanation-requests/{id}/ask-again", WithId<AskAgain>},
      {"GET", "/api/v1/reviews", GetReview},
      {"GET", "/api/v1/reviews/export.xlsx", ExportReview},
  };
  http::RegisterTable(router, std::ref(s), kRoutes);
}

}  // namespace dh::targets
