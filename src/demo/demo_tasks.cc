// The demo city's mid-year conference conclusion: twelve groups of key tasks spread over
// its units, with a realistic mix of outcomes. Dates are set relative to today, so the
// demo tells the same story whenever it is loaded: some tasks done on time, some late,
// some overdue, some extended, some due this week.
#include "demo/demo_tasks.h"

#include <algorithm>
#include <map>

#include "demo/demo_users.h"
#include "tasks/task_demo_store.h"

namespace dh::demo {
namespace {

struct GroupSeed {
  const char* title;
  struct TaskSeed {
    const char* title;
    const char* lead;        // unit code
    const char* coordinate;  // unit code or nullptr
    int outcome;             // see Outcome below
  } tasks[4];
};

// What has happened to a task by today.
enum Outcome {
  kDoneOnTime = 0,
  kDoneLate,
  kOverdue,
  kInTime,
  kDueSoon,
  kExtended,
  kRegular,
  kMonthlyReport,
  kAwaiting,
  kReturned,
  kNotStarted,
  kDelegated,
};

const GroupSeed kGroups[] = {
    {"Tăng cường giải ngân vốn đầu tư công",
     {{"Rà soát, điều chuyển vốn các dự án chậm giải ngân sang dự án có khả năng giải ngân tốt",
       "MA.STC", "MA.SXD", kExtended},
      {"Báo cáo tiến độ giải ngân vốn đầu tư công hằng tháng", "MA.STC", nullptr, kMonthlyReport},
      {"Hoàn thành giải phóng mặt bằng dự án đường vành đai phía Bắc", "MA.BQLGT", "MA.P.BACSON",
       kOverdue},
      {"Đẩy nhanh thanh toán khối lượng hoàn thành các công trình dân dụng", "MA.BQLDD", "MA.STC",
       kDueSoon}}},
    {"Cải thiện môi trường đầu tư kinh doanh, nâng cao năng lực cạnh tranh",
     {{"Xây dựng kế hoạch cải thiện chỉ số PCI năm sau", "MA.STC", "MA.SCT", kDoneOnTime},
      {"Tổ chức hội nghị đối thoại doanh nghiệp quý IV", "MA.SCT", "MA.VP", kInTime},
      {"Rút ngắn thời gian giải quyết thủ tục đầu tư xuống còn 15 ngày", "MA.STC", nullptr,
       kAwaiting},
      {nullptr, nullptr, nullptr, 0}}},
    {"Đẩy mạnh chuyển đổi số, xây dựng chính quyền số",
     {{"Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "MA.VP", "MA.SNV", kDoneLate},
      {"Triển khai hệ thống họp trực tuyến đến cấp xã", "MA.VP", "MA.P.TRUNGTAM", kInTime},
      {"Kết nối cơ sở dữ liệu dân cư với các hệ thống chuyên ngành", "MA.SNV", nullptr, kReturned},
      {nullptr, nullptr, nullptr, 0}}},
    {"Phát triển hạ tầng giao thông, đô thị",
     {{"Khởi công cầu Sông Cầu 2", "MA.BQLGT", "MA.SXD", kOverdue},
      {"Lập quy hoạch phân khu đô thị phía Nam", "MA.SXD", "MA.SNNMT", kDelegated},
      {"Chỉnh trang vỉa hè các tuyến phố trung tâm", "MA.P.TRUNGTAM", "MA.SXD", kDoneOnTime},
      {nullptr, nullptr, nullptr, 0}}},
    {"Quản lý đất đai, tài nguyên, môi trường",
     {{"Xác định giá đất cụ thể cho các dự án trọng điểm", "MA.SNNMT", "MA.STC", kDelegated},
      {"Xử lý dứt điểm các điểm ô nhiễm rác thải tồn đọng", "MA.SNNMT", "MA.X.SONGCAU", kOverdue},
      {"Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "MA.SNNMT", nullptr, kRegular},
      {nullptr, nullptr, nullptr, 0}}},
    {"Phát triển nông nghiệp, xây dựng nông thôn mới",
     {{"Hoàn thiện hồ sơ xã đạt chuẩn nông thôn mới nâng cao", "MA.X.PHUOCHOA", "MA.SNNMT",
       kInTime},
      {"Chuyển đổi cơ cấu cây trồng vụ đông", "MA.X.DONGLAM", nullptr, kDoneOnTime},
      {nullptr, nullptr, nullptr, 0}}},
    {"Phát triển văn hóa, xã hội, giáo dục, y tế",
     {{"Hoàn thành sửa chữa trường học trước năm học mới", "MA.SGDDT", "MA.SXD", kDoneLate},
      {"Tiêm chủng mở rộng đạt trên 95% trẻ em trong độ tuổi", "MA.SYT", nullptr, kDueSoon},
      {"Tổ chức Lễ hội văn hóa - du lịch Minh An", "MA.SVHTTDL", "MA.VP", kDoneOnTime},
      {nullptr, nullptr, nullptr, 0}}},
    {"Bảo đảm an sinh xã hội",
     {{"Hỗ trợ xóa nhà tạm, nhà dột nát cho hộ nghèo", "MA.SNV", "MA.X.THACHBAN", kExtended},
      {"Chi trả trợ cấp xã hội đúng hạn hằng tháng", "MA.STC", nullptr, kRegular},
      {nullptr, nullptr, nullptr, 0}}},
    {"Cải cách hành chính, sắp xếp tổ chức bộ máy",
     {{"Kiện toàn tổ chức bộ máy các phường, xã mới sau sắp xếp", "MA.SNV", "MA.P.ANHOA",
       kDoneOnTime},
      {"Bố trí trụ sở làm việc dôi dư sau sắp xếp", "MA.STC", "MA.SNV", kOverdue},
      {"Rà soát thủ tục hành chính có thể cắt giảm", "MA.STP", nullptr, kNotStarted},
      {nullptr, nullptr, nullptr, 0}}},
    {"Thu ngân sách nhà nước, tiết kiệm chi",
     {{"Chống thất thu thuế trong lĩnh vực xây dựng tư nhân", "MA.STC", "MA.SXD", kInTime},
      {"Báo cáo tình hình thu ngân sách hằng quý", "MA.STC", nullptr, kMonthlyReport},
      {nullptr, nullptr, nullptr, 0}}},
    {"Bảo đảm quốc phòng, an ninh, trật tự an toàn xã hội",
     {{"Tổng kiểm tra an toàn phòng cháy tại chợ, trung tâm thương mại", "MA.SCT", "MA.P.TRUNGTAM",
       kDoneLate},
      {"Kiềm chế tai nạn giao thông cả ba tiêu chí", "MA.SXD", nullptr, kRegular},
      {nullptr, nullptr, nullptr, 0}}},
    {"Phòng, chống tham nhũng, lãng phí; giải quyết khiếu nại, tố cáo",
     {{"Giải quyết dứt điểm các vụ khiếu nại đông người, kéo dài", "MA.VP", "MA.STP", kDueSoon},
      {"Công khai kết luận thanh tra các dự án chậm tiến độ", "MA.STP", nullptr, kAwaiting},
      {nullptr, nullptr, nullptr, 0}}},
};

struct Loader {
  app::App& app;
  auth::Principal office;
  std::map<std::string, auth::Principal> officers;  // by unit code
  Date today;

  // The unit's officer; for a unit without one, the office's user acting for that unit (an
  // officer's grant on it), since only the lead unit refuses, extends or completes its work.
  const auth::Principal& WorkerFor(const std::string& unit_code) {
    auto it = officers.find(unit_code);
    if (it != officers.end()) return it->second;
    auth::Principal acting = office;
    acting.grants = {{auth::Role::kOfficer, Unit(unit_code.c_str())}};
    return acting_.insert_or_assign(unit_code, std::move(acting)).first->second;
  }
  std::map<std::string, auth::Principal> acting_;  // WorkerFor's, by unit code

  int64_t Unit(const char* code) { return app.unit_directory().Get()->FindByCode(code)->id; }

  // Asks for more time and gets it once.
  Status PlayExtended(const auth::Principal& worker, int64_t id, Date past) {
    auto& tasks = app.tasks();
    DH_RETURN_IF_ERROR(tasks.Report(worker, id, past, 45, "Đã rà soát 12 dự án.").status());
    DH_ASSIGN_OR_RETURN(auto e,
                        tasks.RequestExtension(worker, id, today.AddDays(30),
                                               "Chờ số liệu giải ngân của Kho bạc Nhà nước."));
    return tasks.DecideExtension(office, e.id, true, "Đồng ý gia hạn một lần.").status();
  }

  // Hands a part to a unit below or to an officer, who reports on it.
  Status PlayDelegated(const auth::Principal& worker, int64_t id, const char* lead, Date past) {
    auto& tasks = app.tasks();
    DH_RETURN_IF_ERROR(tasks.Report(worker, id, past, 20, "Đã phân công thực hiện.").status());
    std::vector<tasks::DelegationPart> parts;
    const std::string lead_code = lead;
    if (lead_code == "MA.SNNMT") {
      parts.push_back({Unit("MA.TTPTQD"), std::nullopt, 50, std::nullopt, ""});
    } else if (officers.count(lead_code)) {
      parts.push_back({std::nullopt, officers.at(lead_code).user_id, 40, std::nullopt, ""});
    }
    if (parts.empty()) return Status::Ok();
    DH_ASSIGN_OR_RETURN(auto created, tasks.Delegate(worker, id, parts));
    return tasks
        .Report(lead_code == "MA.SNNMT" ? office : officers.at(lead_code), created.front().task.id,
                today.AddDays(-3), 60, "Đã hoàn thành khảo sát hiện trạng.")
        .status();
  }

  // tasksa: the first report, a week or two after the task was given (its history).
  Status PlayFirstReport(const auth::Principal& worker, int64_t id, int outcome, int index) {
    if (outcome == kNotStarted || outcome == kRegular || outcome == kMonthlyReport ||
        outcome == kReturned)
      return Status::Ok();
    return app.tasks()
        .Report(worker, id, today.AddDays(-110 + index % 8), 10 + index % 3 * 5,
                "Đã xây dựng kế hoạch triển khai, phân công cán bộ thực hiện.")
        .status();
  }

  Status Play(int64_t id, const char* lead, int outcome, int index) {
    auto& tasks = app.tasks();
    const auth::Principal& worker = WorkerFor(lead);
    const Date past = today.AddDays(-40 - index);
    DH_RETURN_IF_ERROR(PlayFirstReport(worker, id, outcome, index));
    switch (outcome) {
      case kDoneOnTime:
        DH_RETURN_IF_ERROR(
            tasks.Report(worker, id, past, 60, "Đã triển khai theo kế hoạch.").status());
        DH_RETURN_IF_ERROR(
            tasks.Submit(worker, id, today.AddDays(-25), "Đã hoàn thành, có báo cáo kết quả.")
                .status());
        return tasks.Confirm(office, id, true, "").status();
      case kDoneLate:
        DH_RETURN_IF_ERROR(
            tasks.Report(worker, id, past, 50, "Đang triển khai, vướng thủ tục.").status());
        DH_RETURN_IF_ERROR(
            tasks.Submit(worker, id, today.AddDays(-5), "Hoàn thành muộn do chờ ý kiến các sở.")
                .status());
        return tasks.Confirm(office, id, true, "").status();
      case kOverdue:
        DH_RETURN_IF_ERROR(tasks
                               .Report(worker, id, past, 40,
                                       "Còn vướng mặt bằng, chưa thống nhất phương án bồi thường.")
                               .status());
        // One overdue task asks for more time, and waits for the office's decision.
        if (std::string_view(lead) == "MA.STC")
          return tasks
              .RequestExtension(worker, id, today.AddDays(20),
                                "Chờ phương án sắp xếp trụ sở của UBND thành phố.")
              .status();
        return Status::Ok();
      case kInTime:
        return tasks
            .Report(worker, id, today.AddDays(-7), 35, "Đã xây dựng dự thảo, đang lấy ý kiến.")
            .status();
      case kExtended:
        return PlayExtended(worker, id, past);
      case kAwaiting:
        DH_RETURN_IF_ERROR(tasks.Report(worker, id, past, 80, "Cơ bản hoàn thành.").status());
        return tasks.Submit(worker, id, today.AddDays(-2), "Trình dự thảo quyết định.").status();
      case kReturned:
        DH_RETURN_IF_ERROR(
            tasks.Submit(worker, id, today.AddDays(-10), "Đã kết nối thử nghiệm.").status());
        return tasks
            .Confirm(office, id, false, "Chưa kết nối được hệ thống hộ tịch; đề nghị bổ sung.")
            .status();
      case kMonthlyReport:
        return tasks.Submit(worker, id, today.AddDays(-20), "Báo cáo kỳ trước.").status();
      case kDelegated:
        return PlayDelegated(worker, id, lead, past);
      default:
        return Status::Ok();
    }
  }
};

Date DeadlineFor(int outcome, Date today, int index) {
  switch (outcome) {
    case kDoneOnTime:
      return today.AddDays(-20 + index % 5);
    case kDoneLate:
      return today.AddDays(-15 - index % 4);
    case kOverdue:
      return today.AddDays(-9 - index % 7);
    case kInTime:
      return today.AddDays(25 + index % 10);
    case kDueSoon:
      return today.AddDays(2);
    case kExtended:
      return today.AddDays(-3);
    case kAwaiting:
      return today.AddDays(5);
    case kReturned:
      return today.AddDays(12);
    case kNotStarted:
      return today.AddDays(45);
    case kDelegated:
      return today.AddDays(35);
    default:
      return today.AddDays(30);
  }
}

// A directive of the city's People's Committee, issued `days_back` days before today.
Result<tasks::Directive> IssueDirective(Loader& loader, const char* kind, const char* number,
                                        int days_back, std::string title, std::string body) {
  tasks::DirectiveInput d;
  d.kind = kind;
  d.number = number;
  d.issued_on = loader.today.AddDays(-days_back);
  d.issuer_unit_id = loader.Unit("MA");
  d.title = std::move(title);
  d.body = std::move(body);
  return loader.app.tasks().CreateDirective(loader.office, d);
}

// The conclusion the tasks carry out.
Result<tasks::Directive> CreateConclusion(Loader& loader) {
  return IssueDirective(
      loader, "conclusion", "245/TB-UBND", 120,
      "Kết luận của Chủ tịch UBND thành phố tại Hội nghị sơ kết 6 tháng đầu năm, triển khai 12 "
      "nhóm nhiệm "
      "vụ, giải pháp trọng tâm 6 tháng cuối năm (dữ liệu minh họa)",
      "Để hoàn thành thắng lợi kế hoạch phát triển kinh tế - xã hội năm, Chủ tịch UBND thành phố "
      "yêu cầu các "
      "sở, ban, ngành, UBND các phường, xã tập trung thực hiện 12 nhóm nhiệm vụ, giải pháp trọng "
      "tâm sau …");
}

// One task of a group, played to its outcome. `index` counts the tasks created so far; the
// first four groups hold key tasks.
Status CreateTask(Loader& loader, const tasks::TaskGroup& g, bool key,
                  const GroupSeed::TaskSeed& ts, int index) {
  tasks::TaskInput in;
  in.directive_id = g.directive_id;
  in.group_id = g.id;
  in.title = ts.title;
  in.lead_unit_id = loader.Unit(ts.lead);
  if (ts.coordinate) in.coordinator_ids = std::vector<int64_t>{loader.Unit(ts.coordinate)};
  in.is_key = key;
  in.output_kind = ts.outcome == kMonthlyReport ? "report" : "plan";
  if (ts.outcome == kMonthlyReport) {
    in.recurrence = index % 2 ? "quarterly:15" : "monthly:20";
  } else if (ts.outcome != kRegular) {
    in.deadline = DeadlineFor(ts.outcome, loader.today, index);
  }
  // tasksa: given months ago (the conclusion came out before), so that the boards as of a
  // past day — the reporting cut-offs — show the work then.
  const Date given = loader.today.AddDays(-118 + index % 3);
  in.start_on = given;
  DH_ASSIGN_OR_RETURN(auto view, loader.app.tasks().Create(&loader.office, in));
  DH_RETURN_IF_ERROR(db::InTransaction(loader.app.tasks().db(), [&](db::Connection& c) {
    return tasks::SetTaskCreatedForDemo(c, view.task.id, VietnamStartOfDay(given) + 9 * 3600);
  }));
  return loader.Play(view.task.id, ts.lead, ts.outcome, index);
}

Status CreateGroups(Loader& loader, int64_t directive_id) {
  int index = 0, position = 0;
  for (const GroupSeed& gs : kGroups) {
    tasks::TaskGroup g;
    g.directive_id = directive_id;
    g.title = gs.title;
    g.position = ++position;
    DH_ASSIGN_OR_RETURN(g, loader.app.tasks().CreateGroup(loader.office, g));
    for (const auto& ts : gs.tasks) {
      if (!ts.title) continue;
      DH_RETURN_IF_ERROR(CreateTask(loader, g, position <= 4, ts, index));
      ++index;
    }
  }
  return Status::Ok();
}

// Coordination: Sở Tài chính asks Sở Xây dựng for figures; one answered late, one not at all.
Status RequestCoordination(Loader& loader) {
  auto& tasks = loader.app.tasks();
  int64_t total = 0;
  tasks::TaskFilter f;
  f.unit_id = loader.Unit("MA.STC");
  DH_ASSIGN_OR_RETURN(auto list, tasks.List(loader.office, f, 100, 0, &total));
  // Only a task its unit still holds takes a request for coordination.
  auto held = std::find_if(list.begin(), list.end(),
                           [](const auto& v) { return tasks::WithHolder(v.task.state); });
  if (held == list.end()) return Status::Internal("demo: no open task of Sở Tài chính");
  const int64_t stc_task = held->task.id;
  const auto& stc = loader.officers.at("MA.STC");
  DH_RETURN_IF_ERROR(
      tasks
          .RequestCoordination(stc, stc_task, loader.Unit("MA.SXD"),
                               "Đề nghị cung cấp số liệu khối lượng hoàn thành các công trình.",
                               loader.today)
          .status());
  return tasks
      .RequestCoordination(stc, stc_task, loader.Unit("MA.SNNMT"),
                           "Đề nghị cho ý kiến về phương án điều chuyển vốn bồi thường.",
                           loader.today.AddDays(7))
      .status();
}

// ---- A year of work: the city's annual work programme --------------------------------------

// The programme's tasks, one given every two weeks from about a year ago, each due six weeks
// after it was given; the lead units take turns.
constexpr const char* kYearTasks[] = {
    "Xây dựng kế hoạch phát triển kinh tế - xã hội theo quý",
    "Rà soát thủ tục hành chính lĩnh vực đất đai",
    "Kiểm tra công tác phòng cháy, chữa cháy tại chợ, trung tâm thương mại",
    "Tổng hợp kết quả giải ngân vốn đầu tư công theo tháng",
    "Triển khai tiêm chủng mở rộng tại các phường, xã",
    "Kiểm tra an toàn thực phẩm dịp lễ, tết",
    "Cập nhật cơ sở dữ liệu cán bộ, công chức",
    "Xây dựng phương án phòng, chống thiên tai mùa mưa bão",
    "Đánh giá tình hình thực hiện dự toán ngân sách",
    "Rà soát các dự án chậm tiến độ, đề xuất điều chuyển vốn",
    "Tổ chức đối thoại với doanh nghiệp về thủ tục đầu tư",
    "Chỉnh trang đô thị các tuyến phố chính",
    "Kiểm tra việc thu hồi đất các dự án giao thông",
    "Sơ kết 6 tháng thực hiện chương trình công tác",
    "Triển khai dịch vụ công trực tuyến toàn trình",
    "Hướng dẫn quyết toán vốn các dự án hoàn thành",
    "Rà soát quy hoạch sử dụng đất cấp thành phố",
    "Tổng kết năm học, chuẩn bị năm học mới",
    "Kiểm tra trật tự xây dựng tại các phường",
    "Báo cáo tình hình thu ngân sách 9 tháng",
    "Lấy ý kiến về dự thảo quy chế làm việc",
    "Chuẩn bị nội dung kỳ họp cuối năm",
    "Kiểm kê tài sản công tại các cơ quan",
    "Xây dựng chương trình công tác năm sau",
};
constexpr const char* kYearLeads[] = {"MA.STC", "MA.SXD", "MA.SNNMT", "MA.STP", "MA.SNV", "MA.SCT"};

struct YearTask {
  int64_t id = 0;
  Date given, deadline;
  const char* lead = nullptr;
};

Result<tasks::Directive> CreateYearProgramme(Loader& loader) {
  return IssueDirective(loader, "plan", "12/KH-UBND", 365,
                        "Chương trình công tác năm của UBND thành phố (dữ liệu minh họa)",
                        "Các nhiệm vụ thường xuyên của năm, giao theo từng tháng cho các sở, "
                        "ngành.");
}

// Its decisions (a confirmation, an extension) happened on `on`, at ten in the morning.
Status DatedDecisions(Loader& loader, int64_t id, Date on) {
  return db::InTransaction(loader.app.tasks().db(), [&](db::Connection& c) {
    return tasks::SetTaskDecidedForDemo(c, id, on, VietnamStartOfDay(on) + 10 * 3600);
  });
}

// Submitted on `on` and confirmed two days later (never after today).
Status PlayYearDone(Loader& loader, const YearTask& t, Date on, const char* note) {
  auto& tasks = loader.app.tasks();
  const auth::Principal& worker = loader.WorkerFor(t.lead);
  DH_RETURN_IF_ERROR(tasks.Submit(worker, t.id, on, note).status());
  DH_RETURN_IF_ERROR(tasks.Confirm(loader.office, t.id, true, "").status());
  return DatedDecisions(loader, t.id, std::min(on.AddDays(2), loader.today));
}

// The k-th task of the year: done on time, done late, extended then done, or still open
// (late, or in time for the recent ones).
Status PlayYearTask(Loader& loader, const YearTask& t, int k) {
  auto& tasks = loader.app.tasks();
  const auth::Principal& worker = loader.WorkerFor(t.lead);
  const Date today = loader.today;
  const Date first = t.given.AddDays(12);
  if (first >= today) return Status::Ok();
  DH_RETURN_IF_ERROR(
      tasks.Report(worker, t.id, first, 30, "Đã xây dựng kế hoạch, phân công thực hiện.").status());
  const int kind = k % 4;
  if (kind == 2 && t.deadline.AddDays(30) > today && t.deadline.AddDays(-4) < today) {
    DH_ASSIGN_OR_RETURN(auto e, tasks.RequestExtension(worker, t.id, t.deadline.AddDays(30),
                                                       "Chờ ý kiến của các sở, ngành."));
    DH_RETURN_IF_ERROR(
        tasks.DecideExtension(loader.office, e.id, true, "Đồng ý gia hạn.").status());
    return DatedDecisions(loader, t.id, t.deadline.AddDays(-4));
  }
  if (kind == 3 && k >= 12) {
    return tasks
        .Report(worker, t.id, std::min(t.deadline.AddDays(-3), today), 60,
                "Đang hoàn thiện, còn vướng ý kiến các sở.")
        .status();
  }
  const Date done = kind == 1 ? t.deadline.AddDays(12) : t.deadline.AddDays(-5);
  if (done.AddDays(2) > today) return Status::Ok();
  return PlayYearDone(loader, t, done,
                      kind == 1 ? "Hoàn thành muộn, chờ số liệu của các đơn vị."
                                : "Đã hoàn thành, có báo cáo kết quả.");
}

// tasks: a year of history, so that a board as of any day of the year (the cut-offs 14/6,
// 14/12) shows the work then.
Status CreateYearOfWork(Loader& loader) {
  DH_ASSIGN_OR_RETURN(auto directive, CreateYearProgramme(loader));
  int k = 0;
  for (const char* title : kYearTasks) {
    YearTask t;
    t.given = loader.today.AddDays(-360 + 14 * k);
    t.deadline = t.given.AddDays(42);
    t.lead = kYearLeads[k % std::size(kYearLeads)];
    tasks::TaskInput in;
    in.directive_id = directive.id;
    in.title = title;
    in.lead_unit_id = loader.Unit(t.lead);
    in.output_kind = "report";
    in.deadline = t.deadline;
    in.start_on = t.given;
    DH_ASSIGN_OR_RETURN(auto view, loader.app.tasks().Create(&loader.office, in));
    t.id = view.task.id;
    DH_RETURN_IF_ERROR(db::InTransaction(loader.app.tasks().db(), [&](db::Connection& c) {
      return tasks::SetTaskCreatedForDemo(c, t.id, VietnamStartOfDay(t.given) + 9 * 3600);
    }));
    DH_RETURN_IF_ERROR(PlayYearTask(loader, t, k++));
  }
  return Status::Ok();
}

}  // namespace

Status LoadDemoTasks(app::App& app) {
  DH_ASSIGN_OR_RETURN(auth::Principal office, PrincipalOf(app, "vanphong"));
  Loader loader{app, office, {}, app.clock().Today()};
  for (auto [user, unit] :
       {std::pair{"canbo.stc", "MA.STC"}, {"canbo.sxd", "MA.SXD"}, {"chudautu.gt", "MA.BQLGT"}}) {
    DH_ASSIGN_OR_RETURN(auto p, PrincipalOf(app, user));
    loader.officers.emplace(unit, std::move(p));
  }
  DH_ASSIGN_OR_RETURN(auto directive, CreateConclusion(loader));
  DH_RETURN_IF_ERROR(CreateGroups(loader, directive.id));
  DH_RETURN_IF_ERROR(CreateYearOfWork(loader));
  return RequestCoordination(loader);
}

}  // namespace dh::demo
