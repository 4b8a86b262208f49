#include "tasks/task_office_routes.h"

#include "core/json.h"
#include "http/list_query.h"
#include "http/route_table.h"
#include "tasks/task_checks.h"
#include "tasks/task_messages.h"
#include "tasks/task_routes.h"
#include "tasks/task_unit_directory.h"

namespace dh::tasks {
namespace {

namespace bj = boost::json;
using http::Request;
using http::Response;

using Deps = RouteDeps;

const http::ListSpec& DirectoryList() {
  static const http::ListSpec spec{{{"q", http::ListFilter::Type::kText, "Tìm đơn vị"}}, 20, 50};
  return spec;
}

// GET /api/v1/unit-directory?q=: for whoever asks units for coordination (tasks.work) or
// names coordinators on a task (tasks.manage).
Response UnitDirectory(const Deps& d, const Request& req, const auth::Principal& who) {
  if (!who.Can(auth::Permission::kTasksWork) && !who.Can(auth::Permission::kTasksManage))
    return Response::Error(Status::Forbidden(Say(msg::kOnlyThoseWhoWorkTasks)));
  auto q = http::ListQuery::Parse(req, DirectoryList());
  if (!q.ok()) return Response::Error(q.status());
  int64_t total = 0;
  auto g = d.units.Get();
  const auto found = FindUnits(*g, q->Text("q").value_or(""), d.service.Today(),
                               static_cast<size_t>(q->limit()), &total);
  bj::array items;
  for (const units::Unit* u : found)
    items.push_back({{"id", u->id}, {"name", u->name}, {"code", u->code}, {"kind", u->kind}});
  return Response::List(std::move(items), total);
}

// GET /api/v1/deadline-check?date=YYYY-MM-DD: where a deadline typed in a form really falls
// (calendar/deadline.h), so the form warns before saving of a day off or a day passed.
Response DeadlineCheck(const Deps& d, const Request& req, const auth::Principal& who) {
  if (!who.Can(auth::Permission::kTasksRead))
    return Response::Error(Status::Forbidden(Say(msg::kYouSeeTasks)));
  static const http::ListSpec spec{{{"date", http::ListFilter::Type::kDate, "Hạn hoàn thành"}}};
  auto q = http::ListQuery::Parse(req, spec);
  if (!q.ok()) return Response::Error(q.status());
  const auto date = q->Day("date");
  if (!date)
    return Response::Error(Status::InvalidInput("date", Say(msg::kEnterDeadlineYearMonthDay)));
  const tasks::DeadlineCheck c = CheckDeadline(*date, d.service.Today(), *d.service.Calendar());
  return Response::Json(bj::object{{"date", c.date.ToString()},
                                   {"effective", c.effective.ToString()},
                                   {"day_off", c.day_off},
                                   {"past", c.past},
                                   {"working_days_left", c.working_days_left},
                                   {"today", d.service.Today().ToString()}});
}

// GET /api/v1/working-week: the working week ahead (WorkingWeekEnd), what "due this week"
// counts on the overview and the task list.
// With as_of (tasksa), the week ahead of that day: what "due this week" meant on it.
Response WorkingWeek(const Deps& d, const Request& req, const auth::Principal& who) {
  if (!who.Can(auth::Permission::kTasksRead))
    return Response::Error(Status::Forbidden(Say(msg::kYouSeeTasks)));
  auto as_of = http::QueryDate(req, "as_of");
  if (!as_of.ok()) return Response::Error(as_of.status());
  const Date today = as_of->value_or(d.service.Today());
  return Response::Json(bj::object{{"today", today.ToString()},
                                   {"end", WorkingWeekEnd(today, *d.service.Calendar()).ToString()},
                                   {"working_days", 5}});
}

constexpr http::Route<const Deps&> kRoutes[] = {
    {"GET", "/api/v1/unit-directory", UnitDirectory},
    {"GET", "/api/v1/deadline-check", DeadlineCheck},
    {"GET", "/api/v1/working-week", WorkingWeek},
};

}  // namespace

void RegisterOfficeRoutes(http::Router& router, TaskService& service,
                          const units::UnitDirectory& units) {
  http::RegisterTable(router, Deps{service, units}, kRoutes);
}

}  // namespace dh::tasks
