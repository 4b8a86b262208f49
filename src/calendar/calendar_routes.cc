#include "calendar/calendar_routes.h"

#include "calendar/calendar_messages.h"
#include "calendar/holiday_names.h"
#include "core/json.h"

namespace dh::calendar {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

// The working-day calendar of one year.
Response GetCalendar(CalendarService& service, const Request& req) {
  auto year = http::QueryInt(req, "year");
  if (!year.ok()) return Response::Error(year.status());
  // Checked as the int64 it was given, before it is an int (2^32 + 2026 is not 2026).
  const int64_t wanted = year->value_or(service.Today().year());
  if (wanted < 1990 || wanted > 2100)
    return Response::Error(Status::InvalidInput("year", Say(msg::kYearMustFrom), "out_of_range"));
  const int y = static_cast<int>(wanted);
  auto cal = service.Get();
  bj::array holidays, working;
  for (const auto& h : cal->HolidaysOf(y))
    holidays.push_back(
        {{"date", h.date.ToString()}, {"name", HolidayName(h, CurrentLang())}, {"kind", h.kind}});
  for (const auto& s : cal->swaps())
    if (s.working && s.date.year() == y)
      working.push_back({{"date", s.date.ToString()}, {"name", s.name}});
  return Response::Json(bj::object{{"year", y},
                                   {"holidays", std::move(holidays)},
                                   {"working_swaps", std::move(working)},
                                   {"working_days", cal->WorkingDaysInYear(y)}});
}

Response PostSwap(CalendarService& service, const Request& req, const auth::Principal& who) {
  auto o = json::ParseObject(req.body);
  if (!o.ok()) return Response::Error(o.status());
  auto known = json::OnlyFields(*o, {"date", "working", "name"});
  auto date = json::RequiredDate(*o, {"date", "Ngày"});
  auto working = json::OptionalBool(*o, {"working", "Loại"});
  auto name = json::OptionalString(*o, {"name", "Tên ngày nghỉ"}, 200);
  for (const Status& s : {known, date.status(), working.status(), name.status()})
    if (!s.ok()) return Response::Error(s);
  if (!*working)
    return Response::Error(Status::InvalidInput("working", Say(msg::kChooseWorkingTrueMakeUp)));
  auto s = service.AddSwap(who, {*date, **working, name->value_or("")});
  if (!s.ok()) return Response::Error(s.status());
  return Response::Json(
      bj::object{{"date", s->date.ToString()}, {"working", s->working}, {"name", s->name}}, 201);
}

}  // namespace

void RegisterRoutes(http::Router& router, CalendarService& service) {
  RegisterLabels({{"Ngày", "Date"}, {"Loại", "Kind"}, {"Tên ngày nghỉ", "Name of the day off"}});
  router.Protected(
      "GET", "/api/v1/calendar",
      [&service](const Request& req, const auth::Principal&) { return GetCalendar(service, req); });
  router.Protected("POST", "/api/v1/calendar/swaps",
                   [&service](const Request& req, const auth::Principal& who) {
                     return PostSwap(service, req, who);
                   });
}

}  // namespace dh::calendar
