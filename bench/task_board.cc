// The national task board (issue 4 "Speed", DESIGN §3 and §5): the tasks read model
// (TaskIndex) against the same counts computed by SQL on SQLite and on PostgreSQL.
//
//   task_board generate --sqlite PATH [--pg URL] [--tasks N] [--units N]
//       Creates the schema (migrations) and fills it with a country generated from a
//       fixed seed: units (central agencies, provinces, their departments, districts and
//       wards), officials, directives with nested task groups, tasks with deadlines over two
//       years, a spread of states, completion dates, extensions, coordinating units, parts
//       delegated to sub-units and to named officials, coordination requests. The same rows
//       go into every database given. Beside the SQLite file it writes PATH.expected: the
//       boards computed from the generated rows with the domain rule (tasks::TimelinessOf).
//
//   task_board measure --sqlite PATH [--pg URL] [--repeat N] [--sql-repeat N] [--load-repeat N]
//       Loads the read model from each database (timed), times TaskIndex::Board by unit,
//       by directive and for one province's leader (a scope), times the equivalent GROUP BY
//       on each database, checks that every count is identical (read model, SQLite,
//       PostgreSQL and the domain rule) and fails loudly otherwise. Prints (DESIGN §5):
//
//     bench: task_board ours_ms=<median> sqlite_ms=<median> postgres_ms=<median> ratio=<r>
//     bench: task_board_directive ours_ms=… sqlite_ms=… postgres_ms=… ratio=…
//     bench: task_board_scoped ours_ms=… sqlite_ms=… postgres_ms=… ratio=…
//     bench: task_index_load db=sqlite ms=<median> cpu_ms=… rows_path_ms=<through db::Rows>
//            rows_path_cpu_ms=… rows_ratio=… old_ms=<the path before issue 8> ratio=… rows=<n>
//     bench: task_index_load db=postgres ms=<median> old_ms=… ratio=… rows=<n>
//     bench: task_index tasks=<n> rss_mb=<resident size the loaded model added>
//            bytes_per_task=… index_mb=<TaskIndex::MemoryBytes> peak_rss_mb=<the process's>
//
//   task_board measure --sqlite PATH --memory-only 1 [--load-repeat N]
//       Loads the model from SQLite (N times, medians of wall and CPU time): the
//       task_index_load (ms, cpu_ms) and task_index lines only.
//
//   task_board memory [--tasks N] [--units N]
//       Builds the model from the generated rows streamed in without a database and prints
//       the task_index line (bench/task_board.sh runs it on 5 000 000 tasks: generating
//       them into SQLite alone would take minutes).
//
//   where r = the faster SQL's median / ours. The scoped board is one province's leader's:
//   the tasks led by, or coordinated with, any of the province's units.
//
// The SQL side gets its best case: the effective deadline (a deadline on a day off moves to
// the next working day) is precomputed into an extra column, bench_effective_deadline, that
// only the benchmark's databases have; both databases are analyzed after loading; each query
// is written in the form the databases answer fastest (see Queries).
// bench/run.sh starts a private PostgreSQL server and runs both steps.
#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "calendar/work_calendar.h"
#include "core/date.h"
#include "core/text.h"
#include "db/database.h"
#include "db/migrations.h"
#include "tasks/task.h"
#include "tasks/task_index.h"
#include "tasks/task_model_baseline.h"
#include "tasks/task_store.h"

namespace {

using dh::Date;
using dh::Status;
using dh::tasks::BoardCounts;
using dh::tasks::TaskState;
using dh::tasks::Timeliness;
namespace db = dh::db;

// ---- Fixed facts of the benchmark ---------------------------------------------------------

constexpr uint64_t kSeed = 0x6469657568616e68;  // "dieuhanh"
constexpr int kDueSoonDays = 3;                 // TaskSettings' default
Date Today() { return *Date::FromYmd(2026, 1, 14); }
Date FirstDeadline() { return *Date::FromYmd(2025, 1, 1); }
Date LastDeadline() { return *Date::FromYmd(2026, 12, 31); }
constexpr int kScopeProvince = 7;  // the province whose leader's board is timed

// splitmix64: the same numbers on every platform and library (std distributions are not).
class Rng {
 public:
  explicit Rng(uint64_t seed) : s_(seed) {}
  uint64_t Next() {
    uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  int64_t Uniform(int64_t lo, int64_t hi) {
    return lo + static_cast<int64_t>(Next() % uint64_t(hi - lo + 1));
  }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
  template <typename T>
  const T& Pick(const std::vector<T>& v) {
    return v[Next() % v.size()];
  }

 private:
  uint64_t s_;
};

[[noreturn]] void Fail(const std::string& what) {
  std::fprintf(stderr, "task_board: %s\n", what.c_str());
  std::exit(1);
}
void Check(const Status& s, const std::string& what) {
  if (!s.ok()) Fail(what + ": " + s.ToString());
}
void Note(const std::string& s) { std::fprintf(stderr, "  %s\n", s.c_str()); }

double MsSince(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
template <typename F>
double TimeMs(F&& f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return MsSince(t0);
}
// CPU time of this thread: beside the wall clock, it shows what a run cost when other
// processes share the two cores.
double ThreadCpuMs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
double Median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}
std::string Fmt(const char* f, double x) {
  char b[64];
  std::snprintf(b, sizeof b, f, x);
  return b;
}

// ---- The generated country ----------------------------------------------------------------

struct Unit {
  int64_t id = 0, parent = 0;  // parent 0: the root
  int province = -1;           // -1: central
  std::string kind, code, name;
  int64_t weight = 0;  // how many tasks it leads, relatively
};

struct DirectiveRow {
  int64_t id = 0, issuer = 0;
  int province = -1;
  std::string kind, number, title;
  Date issued_on;
};

struct GroupRow {
  int64_t id = 0, directive_id = 0, parent_id = 0;
  int position = 0;
  std::string title;
};

struct TaskRow {
  int64_t id = 0, directive_id = 0, group_id = 0, parent_id = 0, lead = 0, assignee = 0;
  int share = 100, progress = 0;
  uint8_t title_kind = 0, output_kind = 0;
  bool key = false, monthly = false;
  TaskState state = TaskState::kNotStarted;
  std::optional<Date> original_deadline, deadline, finished_on, last_report_on;
};

struct CoordinationRow {
  int64_t id = 0, task_id = 0, from = 0, to = 0;
  Date due_on;
  std::optional<Date> answered_on;
};

struct World {
  std::vector<Unit> units;                                // units[id - 1]
  std::vector<std::vector<int64_t>> children;             // by unit id
  std::vector<DirectiveRow> directives;                   // directives[id - 1]
  std::vector<GroupRow> groups;                           // groups[id - 1]
  std::vector<std::vector<int64_t>> groups_of;            // by directive id
  std::vector<TaskRow> tasks;                             // tasks[id - 1]
  std::vector<std::pair<int64_t, int64_t>> coordinators;  // (task, unit), by task then unit
  std::vector<CoordinationRow> coordinations;
  int provinces = 0;
};

const std::vector<std::string> kDepartments = {"Sở Tài chính",
                                               "Sở Kế hoạch và Đầu tư",
                                               "Sở Xây dựng",
                                               "Sở Giao thông vận tải",
                                               "Sở Nông nghiệp và Phát triển nông thôn",
                                               "Sở Tài nguyên và Môi trường",
                                               "Sở Y tế",
                                               "Sở Giáo dục và Đào tạo",
                                               "Sở Công Thương",
                                               "Sở Nội vụ",
                                               "Sở Tư pháp",
                                               "Sở Lao động - Thương binh và Xã hội",
                                               "Sở Văn hóa, Thể thao và Du lịch",
                                               "Sở Khoa học và Công nghệ",
                                               "Sở Thông tin và Truyền thông",
                                               "Thanh tra tỉnh",
                                               "Văn phòng Ủy ban nhân dân tỉnh",
                                               "Ban Quản lý các khu công nghiệp"};

const std::vector<std::string> kTaskTitles = {
    "Triển khai kế hoạch giải ngân vốn đầu tư công năm 2025",
    "Rà soát, đơn giản hóa thủ tục hành chính trên Cổng dịch vụ công",
    "Báo cáo kết quả thực hiện Nghị quyết về phát triển kinh tế - xã hội",
    "Xây dựng đề án chuyển đổi số trong cơ quan nhà nước",
    "Đẩy nhanh tiến độ giải phóng mặt bằng các dự án trọng điểm",
    "Kiểm tra, xử lý vi phạm trật tự xây dựng đô thị",
    "Tổ chức đối thoại với doanh nghiệp, tháo gỡ khó khăn về đất đai",
    "Hoàn thành cấp giấy chứng nhận quyền sử dụng đất lần đầu",
    "Tham mưu ban hành quy chế phối hợp quản lý tài nguyên nước",
    "Đánh giá, xếp loại chất lượng đơn vị sự nghiệp công lập",
    "Triển khai chương trình mục tiêu quốc gia xây dựng nông thôn mới",
    "Sắp xếp, tinh gọn tổ chức bộ máy theo Nghị quyết số 18-NQ/TW",
    "Phòng, chống dịch bệnh trên đàn gia súc, gia cầm",
    "Nâng cao chỉ số năng lực cạnh tranh cấp tỉnh (PCI)",
    "Đôn đốc thu ngân sách nhà nước, chống thất thu thuế",
    "Bảo đảm trật tự an toàn giao thông dịp Tết Nguyên đán"};

const std::vector<std::string> kOutputKinds = {"report", "plan", "draft_decision", "proposal",
                                               "other"};
const std::vector<std::string> kDirectiveKinds = {"conclusion", "resolution", "plan", "decision",
                                                  "notice"};
const std::vector<std::string> kFamily = {"Nguyễn", "Trần", "Lê",    "Phạm", "Hoàng", "Huỳnh",
                                          "Phan",   "Vũ",   "Võ",    "Đặng", "Bùi",   "Đỗ",
                                          "Hồ",     "Ngô",  "Dương", "Lý"};
const std::vector<std::string> kGiven = {"Văn An",    "Thị Bình",  "Minh Châu", "Quốc Dũng",
                                         "Thu Hà",    "Đức Huy",   "Thị Lan",   "Hoàng Long",
                                         "Ngọc Mai",  "Thanh Nam", "Kim Oanh",  "Văn Phúc",
                                         "Thị Quyên", "Anh Tuấn",  "Hải Yến"};

std::string Pad(int64_t n, int w) {
  std::string s = std::to_string(n);
  return std::string(s.size() < size_t(w) ? w - s.size() : 0, '0') + s;
}

// Picks an id with probability proportional to its weight.
struct Weighted {
  std::vector<int64_t> ids, cum;
  void Add(int64_t id, int64_t w) {
    ids.push_back(id);
    cum.push_back((cum.empty() ? 0 : cum.back()) + w);
  }
  int64_t Pick(Rng& r) const {
    const int64_t x = static_cast<int64_t>(r.Next() % uint64_t(cum.back()));
    return ids[std::upper_bound(cum.begin(), cum.end(), x) - cum.begin()];
  }
};

int64_t AddUnit(World& w, int64_t parent, int province, const char* kind, std::string code,
                std::string name, int64_t weight) {
  Unit u;
  u.id = static_cast<int64_t>(w.units.size()) + 1;
  u.parent = parent, u.province = province, u.kind = kind, u.code = std::move(code);
  u.name = std::move(name), u.weight = weight;
  w.units.push_back(std::move(u));
  return w.units.back().id;
}

// Where work comes from and lands: the ministries, the provinces, and the units weighted by
// how much work they hold, everywhere and by province.
struct Places {
  int64_t ministries = 0;
  std::vector<int64_t> province_ids;
  Weighted everywhere;
  std::vector<Weighted> in_province;
};

Places GenerateUnits(World& w, int64_t n_units) {
  // Central: the Government Office and ministries; 63 provinces, each with 18 departments
  // and 10 districts; the rest are wards and communes under the districts.
  const int64_t ministries = std::max<int64_t>(1, n_units * 30 / 10000);
  const int provinces = static_cast<int>(std::max<int64_t>(1, n_units * 63 / 10000));
  const int districts_per = 10;
  const int64_t fixed =
      1 + ministries + provinces * (1 + int64_t(kDepartments.size()) + districts_per);
  if (n_units < fixed + provinces * districts_per)
    Fail("--units too small (at least " + std::to_string(fixed + provinces * districts_per) + ")");
  w.provinces = provinces;
  const int64_t root = AddUnit(w, 0, -1, "agency", "VPCP", "Văn phòng Chính phủ", 100);
  for (int64_t m = 1; m <= ministries; ++m)
    AddUnit(w, root, -1, "agency", "B" + Pad(m, 2), "Bộ, ngành trung ương số " + std::to_string(m),
            100);
  std::vector<int64_t> province_ids, district_ids;
  for (int p = 0; p < provinces; ++p) {
    const std::string pc = "T" + Pad(p + 1, 2), pn = "tỉnh số " + std::to_string(p + 1);
    const int64_t pid = AddUnit(w, root, p, "city", pc, "Ủy ban nhân dân " + pn, 150);
    province_ids.push_back(pid);
    for (size_t d = 0; d < kDepartments.size(); ++d)
      AddUnit(w, pid, p, "department", pc + ".S" + Pad(int64_t(d) + 1, 2),
              kDepartments[d] + " " + pn, 150);
    for (int k = 1; k <= districts_per; ++k)
      district_ids.push_back(AddUnit(w, pid, p, "district", pc + ".H" + Pad(k, 2),
                                     "Ủy ban nhân dân huyện số " + std::to_string(k) + ", " + pn,
                                     120));
  }
  for (int64_t i = 0; static_cast<int64_t>(w.units.size()) < n_units; ++i) {
    const Unit& d = w.units[district_ids[i % district_ids.size()] - 1];
    const int64_t j = i / static_cast<int64_t>(district_ids.size()) + 1;
    AddUnit(
        w, d.id, d.province, "ward", d.code + ".X" + Pad(j, 2),
        "Ủy ban nhân dân xã số " + std::to_string(j) + ", " + d.name.substr(d.name.find("huyện")),
        40);
  }
  w.children.resize(w.units.size() + 1);
  for (const Unit& u : w.units)
    if (u.parent) w.children[u.parent].push_back(u.id);
  Places at;
  at.ministries = ministries;
  at.province_ids = std::move(province_ids);
  at.in_province.resize(provinces);
  for (const Unit& u : w.units) {
    at.everywhere.Add(u.id, u.weight);
    if (u.province >= 0) at.in_province[u.province].Add(u.id, u.weight);
  }
  return at;
}

void GenerateDirectives(World& w, Rng& rng, const Places& at, int64_t n_directives) {
  // Directives: a tenth from the centre, the rest from provinces; 3 to 12 task groups each,
  // a fifth of them nested under another group.
  const int32_t issued_from = Date::FromYmd(2024, 7, 1)->days(),
                issued_to = Date::FromYmd(2025, 12, 31)->days();
  std::vector<int64_t> numbers(w.units.size() + 1, 0);
  w.groups_of.resize(n_directives + 1);
  for (int64_t id = 1; id <= n_directives; ++id) {
    DirectiveRow d;
    d.id = id;
    if (rng.Chance(0.1)) {
      d.issuer = rng.Uniform(1, 1 + at.ministries);
    } else {
      d.province = static_cast<int>(rng.Uniform(0, w.provinces - 1));
      d.issuer = at.province_ids[d.province];
    }
    d.kind = rng.Pick(kDirectiveKinds);
    d.number = std::to_string(++numbers[d.issuer]) + "/" +
               (d.kind == "conclusion"   ? "TB"
                : d.kind == "plan"       ? "KH"
                : d.kind == "resolution" ? "NQ"
                                         : "QĐ") +
               "-" + w.units[d.issuer - 1].code;
    d.issued_on = Date::FromDays(static_cast<int32_t>(rng.Uniform(issued_from, issued_to)));
    d.title = "Kết luận của Chủ tịch tại hội nghị giao ban, văn bản số " + d.number;
    const int n_groups = static_cast<int>(rng.Uniform(3, 12));
    for (int g = 1; g <= n_groups; ++g) {
      GroupRow row;
      row.id = static_cast<int64_t>(w.groups.size()) + 1;
      row.directive_id = id;
      row.position = g;
      if (g > 1 && rng.Chance(0.2)) row.parent_id = w.groups_of[id][rng.Uniform(0, g - 2)];
      row.title = "Nhóm nhiệm vụ " + std::to_string(g) + ": " + rng.Pick(kTaskTitles);
      w.groups_of[id].push_back(row.id);
      w.groups.push_back(std::move(row));
    }
    w.directives.push_back(std::move(d));
  }
}

TaskState DrawState(Rng& rng, double done, double waiting, double doing, double fresh,
                    double returned, double suspended) {
  const double x = static_cast<double>(rng.Next() >> 11) * 0x1.0p-53;
  double c = done;
  if (x < c) return TaskState::kDone;
  if (x < (c += waiting)) return TaskState::kAwaitingConfirmation;
  if (x < (c += doing)) return TaskState::kInProgress;
  if (x < (c += fresh)) return TaskState::kNotStarted;
  if (x < (c += returned)) return TaskState::kReturned;
  if (x < (c += suspended)) return TaskState::kSuspended;
  return TaskState::kRefused;
}

// The task's directive, group, lead unit, coordinating units and deadline: a part passed on
// from an earlier task, or a task of its own.
void PlaceTask(World& w, Rng& rng, const Places& at, int64_t n_directives, TaskRow& t) {
  const int64_t id = t.id;
  std::vector<int64_t> coordinators;
  if (id > 1000 && rng.Chance(0.12)) {
    // A part passed on by the holder of an earlier task: to a sub-unit, or to one of its
    // officials ("to each person").
    const TaskRow& p = w.tasks[rng.Uniform(1, id - 1) - 1];
    t.parent_id = p.id, t.directive_id = p.directive_id, t.group_id = p.group_id;
    t.share = static_cast<int>(rng.Uniform(10, 60));
    const auto& below = w.children[p.lead];
    if (!below.empty() && rng.Chance(0.7)) {
      t.lead = rng.Pick(below);
    } else {
      t.lead = p.lead;
      t.assignee = 2 * (p.lead - 1) + rng.Uniform(1, 2);  // the unit's two officials
    }
    if (p.deadline) t.deadline = p.deadline->AddDays(-static_cast<int>(rng.Uniform(0, 30)));
  } else {
    int province = -1;
    if (rng.Chance(0.95)) {
      const DirectiveRow& d = w.directives[rng.Uniform(1, n_directives) - 1];
      t.directive_id = d.id;
      province = d.province;
      if (rng.Chance(0.9)) t.group_id = rng.Pick(w.groups_of[d.id]);
    } else if (rng.Chance(0.8)) {
      province = static_cast<int>(rng.Uniform(0, w.provinces - 1));
    }
    const Weighted& from = province >= 0 ? at.in_province[province] : at.everywhere;
    t.lead = from.Pick(rng);
    t.key = rng.Chance(0.15);
    if (!rng.Chance(0.08))
      t.deadline = Date::FromDays(
          static_cast<int32_t>(rng.Uniform(FirstDeadline().days(), LastDeadline().days())));
    t.monthly = t.deadline && rng.Chance(0.01);
    if (rng.Chance(0.25)) {
      const int n = static_cast<int>(rng.Uniform(1, 3));
      for (int k = 0; k < n; ++k) {
        const int64_t u = from.Pick(rng);
        if (u != t.lead &&
            std::find(coordinators.begin(), coordinators.end(), u) == coordinators.end())
          coordinators.push_back(u);
      }
      std::sort(coordinators.begin(), coordinators.end());
      for (int64_t u : coordinators) w.coordinators.push_back({id, u});
    }
  }
}

// Its state, following from where the deadline stands against today, its progress and dates.
void SetProgress(Rng& rng, Date today, TaskRow& t) {
  t.original_deadline = t.deadline;
  if (t.deadline && rng.Chance(0.06))
    t.original_deadline = t.deadline->AddDays(-static_cast<int>(rng.Uniform(7, 60)));
  if (!t.deadline)
    t.state = DrawState(rng, 0.25, 0.02, 0.55, 0.10, 0.02, 0.03);
  else if (*t.deadline < today)
    t.state = DrawState(rng, 0.68, 0.05, 0.13, 0.03, 0.03, 0.03);
  else
    t.state = DrawState(rng, 0.12, 0.03, 0.50, 0.25, 0.03, 0.03);
  if (t.state == TaskState::kDone || t.state == TaskState::kAwaitingConfirmation) {
    t.progress = 100;
    if (!rng.Chance(0.005)) {  // a few old rows lack the completion date
      Date f = t.deadline ? t.deadline->AddDays(static_cast<int>(rng.Uniform(-45, 15)))
                          : today.AddDays(-static_cast<int>(rng.Uniform(1, 365)));
      if (f > today) f = today.AddDays(-static_cast<int>(rng.Uniform(0, 20)));
      t.finished_on = f;
    }
  } else if (t.state != TaskState::kNotStarted) {
    t.progress = static_cast<int>(rng.Uniform(5, 95));
  }
  if (t.state != TaskState::kNotStarted && rng.Chance(0.8))
    t.last_report_on = today.AddDays(-static_cast<int>(rng.Uniform(0, 120)));
}

void GenerateTasks(World& w, Rng& rng, const Places& at, int64_t n_directives, int64_t n_tasks) {
  // Tasks. A state follows from where the deadline stands against today: most tasks due in
  // the past are done (some late), most due later are under way.
  const Date today = Today();
  w.tasks.reserve(n_tasks);
  for (int64_t id = 1; id <= n_tasks; ++id) {
    TaskRow t;
    t.id = id;
    t.title_kind = static_cast<uint8_t>(rng.Next() % kTaskTitles.size());
    t.output_kind = static_cast<uint8_t>(rng.Next() % kOutputKinds.size());
    PlaceTask(w, rng, at, n_directives, t);
    SetProgress(rng, today, t);
    w.tasks.push_back(std::move(t));
  }
}

void GenerateCoordinations(World& w, Rng& rng, int64_t n_tasks) {
  const Date today = Today();
  // Coordination requests: lead units asking their coordinating units for input.
  const int64_t n_requests =
      std::min<int64_t>(static_cast<int64_t>(w.coordinators.size()), n_tasks / 50);
  for (int64_t id = 1; id <= n_requests; ++id) {
    const auto& [task, unit] = w.coordinators[rng.Next() % w.coordinators.size()];
    CoordinationRow r;
    r.id = id, r.task_id = task, r.from = w.tasks[task - 1].lead, r.to = unit;
    r.due_on = today.AddDays(static_cast<int>(rng.Uniform(-200, 60)));
    if (rng.Chance(0.6))
      r.answered_on = std::min(today, r.due_on.AddDays(static_cast<int>(rng.Uniform(-20, 10))));
    w.coordinations.push_back(r);
  }
}

World Generate(int64_t n_units, int64_t n_tasks) {
  Rng rng(kSeed);
  World w;
  const Places at = GenerateUnits(w, n_units);
  const int64_t n_directives = std::max<int64_t>(10, n_tasks / 330);
  GenerateDirectives(w, rng, at, n_directives);
  GenerateTasks(w, rng, at, n_directives, n_tasks);
  GenerateCoordinations(w, rng, n_tasks);
  return w;
}

// ---- Writing it into a database -----------------------------------------------------------

// Multi-row INSERTs of `rows_per` rows each, through the ordinary db::Connection.
class BulkInsert {
 public:
  BulkInsert(db::Connection& c, std::string head, int columns, int rows_per)
      : c_(c), head_(std::move(head)), columns_(columns), rows_per_(rows_per) {
    params_.reserve(size_t(columns) * rows_per);
  }
  template <typename... V>
  void Row(V&&... v) {
    (params_.emplace_back(std::forward<V>(v)), ...);
    if (++rows_ == rows_per_) Flush();
  }
  void Flush() {
    if (rows_ == 0) return;
    if (params_.size() != size_t(rows_) * columns_)
      Fail("bulk insert: wrong number of values for " + head_);
    std::string& sql = rows_ == rows_per_ ? full_sql_ : tail_sql_;
    if (sql.empty() || rows_ != rows_per_) sql = Sql(rows_);
    auto r = c_.Exec(sql, params_);
    Check(r.status(), "insert " + head_.substr(0, 40));
    params_.clear();
    rows_ = 0;
  }

 private:
  std::string Sql(int rows) const {
    std::string one = "(";
    for (int i = 0; i < columns_; ++i) one += i ? ",?" : "?";
    one += ")";
    std::string s = head_ + " VALUES ";
    s.reserve(s.size() + size_t(rows) * (one.size() + 1));
    for (int r = 0; r < rows; ++r) {
      if (r) s += ',';
      s += one;
    }
    return s;
  }
  db::Connection& c_;
  std::string head_;
  int columns_, rows_per_, rows_ = 0;
  db::Params params_;
  std::string full_sql_, tail_sql_;
};

db::Value Opt(int64_t id) { return id ? db::Value(id) : db::Value(); }
db::Value Opt(const std::optional<Date>& d) { return d ? db::Value(d->ToString()) : db::Value(); }

void InsertUnitsUsersDirectives(db::Connection& c, const World& w, int64_t created) {
  BulkInsert units(
      c, "INSERT INTO units (id, code, name, name_folded, kind, valid_from, valid_to, created_at)",
      8, 1000);
  BulkInsert links(c, "INSERT INTO unit_parents (id, unit_id, parent_id, valid_from, valid_to)", 5,
                   1000);
  for (const Unit& u : w.units)
    units.Row(u.id, u.code, u.name, dh::text::FoldForSearch(u.name), u.kind,
              std::string("2020-01-01"), db::Value(), created);
  units.Flush();
  for (const Unit& u : w.units)
    links.Row(u.id, u.id, Opt(u.parent), std::string("2020-01-01"), db::Value());
  links.Flush();
  BulkInsert users(
      c,
      "INSERT INTO users (id, username, full_name, full_name_folded, email, password_hash, "
      "active, created_at)",
      8, 1000);
  BulkInsert roles(c, "INSERT INTO user_roles (id, user_id, role, unit_id)", 4, 2000);
  for (const Unit& u : w.units)
    for (int k = 1; k <= 2; ++k) {
      const int64_t id = 2 * (u.id - 1) + k;
      const std::string name =
          kFamily[id % kFamily.size()] + " " + kGiven[(id / 7) % kGiven.size()];
      users.Row(id, "cb" + std::to_string(id), name, dh::text::FoldForSearch(name),
                "cb" + std::to_string(id) + "@example.gov.vn", std::string("!bench"), int64_t{1},
                created);
    }
  users.Flush();
  for (const Unit& u : w.units)
    for (int k = 1; k <= 2; ++k)
      roles.Row(2 * (u.id - 1) + k, 2 * (u.id - 1) + k, std::string("officer"), u.id);
  roles.Flush();
  BulkInsert dirs(
      c,
      "INSERT INTO directives (id, kind, number, issued_on, issuer_unit_id, title, title_folded, "
      "body, created_by, created_at)",
      10, 1000);
  for (const auto& d : w.directives)
    dirs.Row(d.id, d.kind, d.number, d.issued_on.ToString(), d.issuer, d.title,
             dh::text::FoldForSearch(d.title), "Toàn văn " + d.title, db::Value(), created);
  dirs.Flush();
  BulkInsert groups(c, "INSERT INTO task_groups (id, directive_id, parent_id, title, position)", 5,
                    2000);
  for (const auto& g : w.groups)
    groups.Row(g.id, g.directive_id, Opt(g.parent_id), g.title, int64_t{g.position});
  groups.Flush();
}

// Titles are a template and a number; the template is folded once (checked against
// FoldForSearch on the first rows).
struct TaskTitles {
  std::vector<std::string> folded;
  explicit TaskTitles(const World& w) {
    for (const auto& t : kTaskTitles) folded.push_back(dh::text::FoldForSearch(t));
    for (size_t i = 0; i < std::min<size_t>(w.tasks.size(), 200); ++i)
      if (dh::text::FoldForSearch(Title(w.tasks[i])) != Folded(w.tasks[i]))
        Fail("folded title differs from FoldForSearch: " + Title(w.tasks[i]));
  }
  std::string Title(const TaskRow& t) const {
    return kTaskTitles[t.title_kind] + " (" + std::to_string(t.id) + ")";
  }
  std::string Folded(const TaskRow& t) const {
    return folded[t.title_kind] + " (" + std::to_string(t.id) + ")";
  }
};

void InsertTasks(db::Connection& c, const World& w, const dh::calendar::WorkCalendar& cal,
                 int64_t created) {
  const TaskTitles titles(w);
  BulkInsert tasks(
      c,
      "INSERT INTO tasks (id, directive_id, group_id, parent_task_id, share_percent, title, "
      "title_folded, description, lead_unit_id, assignee_id, output_kind, original_deadline, "
      "deadline, recurrence, is_key, state, progress_percent, own_progress_percent, finished_on, "
      "output_text, last_report_on, created_by, created_at, updated_at, "
      "bench_effective_deadline)",
      25, 1000);
  for (const TaskRow& t : w.tasks) {
    const bool done = t.state == TaskState::kDone;
    tasks.Row(t.id, Opt(t.directive_id), Opt(t.group_id), Opt(t.parent_id), int64_t{t.share},
              titles.Title(t), titles.Folded(t),
              std::string("Thực hiện theo văn bản chỉ đạo; báo cáo kết quả về Văn phòng."), t.lead,
              Opt(t.assignee), kOutputKinds[t.output_kind], Opt(t.original_deadline),
              Opt(t.deadline), std::string(t.monthly ? "monthly:20" : ""), int64_t{t.key},
              std::string(dh::tasks::StateName(t.state)), int64_t{t.progress}, int64_t{t.progress},
              Opt(t.finished_on),
              std::string(done ? "Báo cáo kết quả số " + std::to_string(t.id) : ""),
              Opt(t.last_report_on), db::Value(), created + t.id, created + t.id,
              t.deadline ? db::Value(dh::tasks::EffectiveDeadline(*t.deadline, cal).ToString())
                         : db::Value());
  }
  tasks.Flush();
  BulkInsert co(c, "INSERT INTO task_coordinators (task_id, unit_id)", 2, 5000);
  for (const auto& [task, unit] : w.coordinators) co.Row(task, unit);
  co.Flush();
  BulkInsert req(
      c,
      "INSERT INTO coordination_requests (id, task_id, from_unit_id, to_unit_id, body, due_on, "
      "answered_on, answer, created_by, created_at)",
      10, 2000);
  for (const auto& r : w.coordinations)
    req.Row(r.id, r.task_id, r.from, r.to, std::string("Đề nghị cho ý kiến bằng văn bản."),
            r.due_on.ToString(), Opt(r.answered_on),
            std::string(r.answered_on ? "Đã có ý kiến." : ""), db::Value(), created);
  req.Flush();
}

// The big tables' secondary indexes are dropped while loading and built again afterwards
// (one sort each instead of a million random inserts): the schema ends as migrated.
std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX statement
std::vector<std::pair<std::string, std::string>> DropTaskIndexes(db::Connection& c, bool pg) {
  std::vector<std::pair<std::string, std::string>> indexes;  // name, CREATE INDEX statement
  auto r =
      c.Query(pg ? "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
                   "AND tablename IN ('tasks', 'task_coordinators', 'coordination_requests') "
                   "AND right(indexname, 5) <> '_pkey'"
                 : "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
                   "AND tbl_name IN ('tasks', 'task_coordinators', 'coordination_requests')");
  Check(r.status(), "list indexes");
  for (size_t i = 0; i < r->size(); ++i) indexes.push_back({r->Text(i, 0), r->Text(i, 1)});
  if (indexes.size() < 6)
    Fail("expected the tasks table's indexes, found " + std::to_string(indexes.size()));
  for (const auto& [name, sql] : indexes)
    Check(c.ExecScript("DROP INDEX " + name), "drop index " + name);
  return indexes;
}

// Ids continue after the loaded rows (PostgreSQL), and the planner's statistics are fresh.
void FinishLoad(db::Connection& c, bool pg) {
  if (pg) {
    Check(c.ExecScript("SET session_replication_role = DEFAULT"), "default role");
    // Identity columns start after the rows written with explicit ids.
    for (const char* t : {"units", "unit_parents", "users", "user_roles", "directives",
                          "task_groups", "tasks", "coordination_requests"})
      Check(c.Query(std::string("SELECT setval(pg_get_serial_sequence('") + t +
                    "', 'id'), (SELECT MAX(id) FROM " + t + "))")
                .status(),
            "setval");
  }
  const double ms =
      TimeMs([&] { Check(c.ExecScript(pg ? "VACUUM (ANALYZE)" : "ANALYZE"), "analyze"); });
  Note(std::string(pg ? "postgres" : "sqlite  ") + (pg ? " vacuum analyze: " : " analyze: ") +
       Fmt("%.0f ms", ms));
}

void Fill(db::Database& database, const World& w, const dh::calendar::WorkCalendar& cal) {
  Check(db::Migrate(database).status(), "migrate " + database.url());
  auto conn = database.Acquire();
  Check(conn.ok() ? Status::Ok() : conn.status(), "connect");
  db::Connection& c = **conn;
  const bool pg = c.dialect() == db::Dialect::kPostgres;
  if (!pg) Check(c.ExecScript("PRAGMA cache_size=-262144"), "pragma");  // 256 MiB while loading
  // PostgreSQL checks foreign keys with a trigger per row and key, which would make the
  // load the slowest part of the benchmark: they are off while loading, as pg_restore
  // --disable-triggers does. SQLite checks the very same rows with its foreign keys on.
  if (pg) Check(c.ExecScript("SET session_replication_role = replica"), "replica role");
  Check(c.ExecScript("ALTER TABLE tasks ADD COLUMN bench_effective_deadline TEXT"), "alter tasks");
  const int64_t created = 1735689600;  // 2025-01-01
  auto in_transaction = [&](const char* what, const std::function<void()>& body) {
    const double ms = TimeMs([&] {
      Check(c.Begin(true), "begin");
      body();
      Check(c.Commit(), "commit");
    });
    Note(std::string(pg ? "postgres" : "sqlite  ") + " " + what + ": " + Fmt("%.0f ms", ms));
  };

  in_transaction("insert units, officials, directives, groups",
                 [&] { InsertUnitsUsersDirectives(c, w, created); });
  const auto indexes = DropTaskIndexes(c, pg);
  in_transaction("insert tasks, coordinators, coordination requests",
                 [&] { InsertTasks(c, w, cal, created); });
  in_transaction("create the indexes again", [&] {
    for (const auto& [name, sql] : indexes) Check(c.ExecScript(sql), "create index " + name);
  });
  FinishLoad(c, pg);
}

// ---- Boards ---------------------------------------------------------------------------------

// Per key: total, then the six timeliness classes in enum order.
using Counts = std::array<int64_t, 7>;
using Board = std::map<int64_t, Counts>;

Board FromIndex(const std::unordered_map<int64_t, BoardCounts>& m) {
  Board b;
  for (const auto& [k, c] : m)
    b[k] = {c.total, c.in_time, c.due_soon, c.overdue, c.done_on_time, c.done_late, c.no_deadline};
  return b;
}

const char* kClassNames[] = {"total",        "in_time",   "due_soon",   "overdue",
                             "done_on_time", "done_late", "no_deadline"};

// Fails loudly, naming the first differences.
void Same(const std::string& what, const Board& a, const std::string& an, const Board& b,
          const std::string& bn) {
  if (a == b) return;
  std::fprintf(stderr, "task_board: MISMATCH in %s between %s and %s\n", what.c_str(), an.c_str(),
               bn.c_str());
  int shown = 0;
  std::map<int64_t, std::pair<Counts, Counts>> all;
  for (const auto& [k, c] : a) all[k].first = c;
  for (const auto& [k, c] : b) all[k].second = c;
  for (const auto& [k, p] : all) {
    if (p.first == p.second) continue;
    std::string line = "  key " + std::to_string(k) + ":";
    for (int i = 0; i < 7; ++i)
      if (p.first[i] != p.second[i])
        line += std::string(" ") + kClassNames[i] + " " + std::to_string(p.first[i]) + " vs " +
                std::to_string(p.second[i]);
    std::fprintf(stderr, "%s\n", line.c_str());
    if (++shown == 10) break;
  }
  std::exit(1);
}

// The timeliness class of one task, as SQL: the same rule as tasks::TimelinessOf, with the
// effective deadline precomputed. 0 in_time, 1 due_soon, 2 overdue, 3 done_on_time,
// 4 done_late, 5 no_deadline (the enum's order). Parameters: today, the due-soon limit.
constexpr const char* kClassSql =
    "CASE WHEN state = 'suspended' THEN 5 "
    "WHEN state IN ('done', 'awaiting_confirmation') AND finished_on IS NOT NULL THEN "
    "CASE WHEN bench_effective_deadline IS NULL OR finished_on <= bench_effective_deadline THEN 3 "
    "ELSE 4 END "
    "WHEN bench_effective_deadline IS NULL THEN 5 "
    "WHEN bench_effective_deadline < ? THEN 2 "
    "WHEN bench_effective_deadline <= ? THEN 1 "
    "ELSE 0 END";

std::string BoardSql(const std::string& key, const std::string& where) {
  std::string s = "SELECT k, COUNT(*)";
  for (int c = 0; c < 6; ++c)
    s += ", SUM(CASE WHEN c = " + std::to_string(c) + " THEN 1 ELSE 0 END)";
  s += " FROM (SELECT " + key + " AS k, " + kClassSql + " AS c FROM tasks t" + where +
       ") x GROUP BY k";
  return s;
}

Board FromRows(const db::Rows& r) {
  Board b;
  for (size_t i = 0; i < r.size(); ++i) {
    Counts c;
    for (int j = 0; j < 7; ++j) c[j] = r.Int(i, j + 1);
    b[r.Int(i, 0)] = c;
  }
  return b;
}

struct Query {
  std::string name, by, sql;
  db::Params params;
  const std::vector<bool>* scope = nullptr;
};

std::vector<Query> Queries(const dh::tasks::TimelinessClock& clock,
                           const std::vector<int64_t>& scope_units,
                           const std::vector<bool>& scope_bits) {
  const std::string today = clock.today.ToString(), soon = clock.soon_limit.ToString();
  std::vector<Query> q;
  // The SQL each database answers fastest (measured): `+lead_unit_id` keeps SQLite from
  // walking the lead-unit index and fetching rows one by one (a plain scan is several times
  // faster), and the scope's coordinated tasks as an IN list, not a correlated EXISTS, let
  // both databases start from their indexes.
  q.push_back({"task_board", "unit", BoardSql("+lead_unit_id", ""), {today, soon}});
  q.push_back({"task_board_directive",
               "directive",
               BoardSql("COALESCE(directive_id, 0)", ""),
               {today, soon}});
  std::string in = "(";
  for (size_t i = 0; i < scope_units.size(); ++i) in += i ? ",?" : "?";
  in += ")";
  Query s{
      "task_board_scoped",
      "unit",
      BoardSql("+lead_unit_id",
               " WHERE lead_unit_id IN " + in +
                   " OR id IN (SELECT task_id FROM task_coordinators WHERE unit_id IN " + in + ")"),
      {today, soon},
      &scope_bits};
  for (int k = 0; k < 2; ++k)
    for (int64_t u : scope_units) s.params.push_back(u);
  q.push_back(std::move(s));
  return q;
}

std::vector<int64_t> ScopeUnits(const World& w) {
  std::vector<int64_t> out;
  for (const Unit& u : w.units)
    if (u.province == kScopeProvince % w.provinces) out.push_back(u.id);
  return out;
}

// The expected boards, from the generated rows and the domain rule (tasks::TimelinessOf).
void WriteExpected(const World& w, const dh::calendar::WorkCalendar& cal, const std::string& path) {
  const auto scope = ScopeUnits(w);
  std::vector<bool> in_scope(w.units.size() + 1, false);
  for (int64_t u : scope) in_scope[u] = true;
  std::map<std::string, Board> boards;
  size_t co = 0;
  std::array<int64_t, 6> totals{};
  for (const TaskRow& t : w.tasks) {
    const auto cls = static_cast<int>(
        dh::tasks::TimelinessOf(t.state, t.deadline, t.finished_on, Today(), cal, kDueSoonDays));
    ++totals[cls];
    auto add = [&](const char* board, int64_t key) {
      Counts& c = boards[board][key];
      ++c[0];
      ++c[cls + 1];
    };
    add("task_board", t.lead);
    add("task_board_directive", t.directive_id);
    bool visible = in_scope[t.lead];
    for (; co < w.coordinators.size() && w.coordinators[co].first == t.id; ++co)
      visible = visible || in_scope[w.coordinators[co].second];
    if (visible) add("task_board_scoped", t.lead);
  }
  std::ofstream out(path);
  for (const auto& [name, b] : boards)
    for (const auto& [k, c] : b) {
      out << name << ' ' << k;
      for (int64_t x : c) out << ' ' << x;
      out << '\n';
    }
  if (!out) Fail("cannot write " + path);
  std::string line = "timeliness on " + Today().ToString() + ":";
  for (int i = 0; i < 6; ++i)
    line += std::string(" ") + kClassNames[i + 1] + " " + std::to_string(totals[i]);
  Note(line);
}

std::map<std::string, Board> ReadExpected(const std::string& path) {
  std::ifstream in(path);
  if (!in) Fail("no " + path + " (run `task_board generate` first)");
  std::map<std::string, Board> boards;
  std::string name;
  int64_t key;
  while (in >> name >> key) {
    Counts c;
    for (auto& x : c) in >> x;
    boards[name][key] = c;
  }
  return boards;
}

// The resident size now, after returning freed heap to the system (what a model holds is
// the difference of two of these).
double RssMb() {
  malloc_trim(0);
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmRSS:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
  return 0;
}

// The loading path before issue 8, kept here as the baseline: every task read as a record
// of all 24 columns (ForEachTask), its title folded with ICU in batches on other threads
// (the columns themselves are not filled: the baseline is, if anything, flattered).
double OldLoadMs(db::Database& d) {
  using Titles = std::vector<std::string>;
  auto fold = [](Titles batch) {
    for (auto& t : batch) t = dh::text::FoldForSearch(t);
    return batch.size();
  };
  return TimeMs([&] {
    Titles titles;
    std::vector<std::future<size_t>> folding;
    Check(db::Read(d,
                   [&](db::Connection& c) {
                     return dh::tasks::ForEachTask(c, [&](dh::tasks::TaskRecord&& t) {
                       titles.push_back(std::move(t.title));
                       if (titles.size() < 50000) return;
                       folding.push_back(std::async(std::launch::async, fold, std::move(titles)));
                       titles = {};
                       if (folding.size() >= 3) folding[folding.size() - 3].get();
                     });
                   }),
          "the former load");
    for (auto& f : folding)
      if (f.valid()) f.get();
    fold(std::move(titles));
  });
}

// The load through db::Rows (a Value per cell), the path before QueryEach streamed rows
// into the columns: the same index, the same rows. Returns {wall ms, cpu ms}.
std::pair<double, double> RowsPathLoadMs(db::Database& d, const dh::calendar::WorkCalendar& cal) {
  dh::tasks::TaskIndex index;
  const double c0 = ThreadCpuMs();
  const double ms = TimeMs([&] {
    Check(db::Read(d,
                   [&](db::Connection& c) -> Status {
                     DH_ASSIGN_OR_RETURN(const auto size, dh::tasks::TaskTableSizeOf(c));
                     return index.LoadRows(
                         static_cast<size_t>(size.count), size.max_id,
                         [&](const dh::tasks::ModelRowVisitor& visit) {
                           return dh::tasks::ForEachModelRowThroughRows(c, visit);
                         },
                         cal);
                   }),
          "the load through db::Rows");
  });
  return {ms, ThreadCpuMs() - c0};
}

// The medians of `repeat` loads of the read model from `d`, each after one through db::Rows
// (one index in memory at a time); the last load stays in `index`.
struct LoadTimes {
  double ms = 0, cpu_ms = 0, rows_ms = 0, rows_cpu_ms = 0;
};
LoadTimes TimeLoads(db::Database& d, const std::string& name, int repeat,
                    const dh::calendar::WorkCalendar& cal,
                    std::unique_ptr<dh::tasks::TaskIndex>& index) {
  std::vector<double> ms, cpu, rows_ms, rows_cpu;
  for (int r = 0; r < repeat; ++r) {
    index.reset();
    const auto [wall, wall_cpu] = RowsPathLoadMs(d, cal);
    rows_ms.push_back(wall), rows_cpu.push_back(wall_cpu);
    index = std::make_unique<dh::tasks::TaskIndex>();
    const double c0 = ThreadCpuMs();
    ms.push_back(TimeMs([&] { Check(index->Load(d, cal), "load from " + name); }));
    cpu.push_back(ThreadCpuMs() - c0);
    Note("load from " + name + Fmt(": %.0f ms", ms.back()) + Fmt(" (cpu %.0f ms)", cpu.back()) +
         Fmt("; through db::Rows %.0f ms", wall) + Fmt(" (cpu %.0f ms)", wall_cpu));
  }
  return {Median(ms), Median(cpu), Median(rows_ms), Median(rows_cpu)};
}

double PeakRssMb() {
  std::ifstream in("/proc/self/status");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::atof(line.c_str() + 6) / 1024;
  return 0;
}

// ---- Command line -----------------------------------------------------------------------------

struct Options {
  std::string mode, sqlite, pg;
  int64_t tasks = 1000000, units = 10000;
  int repeat = 21, sql_repeat = 5, load_repeat = 3;
  bool memory_only = false;  // measure: load once from SQLite, print the memory line only
};

Options Parse(int argc, char** argv) {
  Options o;
  if (argc < 2) Fail("usage: task_board generate|measure --sqlite PATH [--pg URL] [options]");
  o.mode = argv[1];
  for (int i = 2; i < argc; ++i) {
    const std::string a = argv[i];
    if (i + 1 >= argc) Fail("missing value after " + a);
    const std::string v = argv[++i];
    if (a == "--sqlite")
      o.sqlite = v;
    else if (a == "--pg")
      o.pg = v;
    else if (a == "--tasks")
      o.tasks = std::atoll(v.c_str());
    else if (a == "--units")
      o.units = std::atoll(v.c_str());
    else if (a == "--repeat")
      o.repeat = std::atoi(v.c_str());
    else if (a == "--sql-repeat")
      o.sql_repeat = std::atoi(v.c_str());
    else if (a == "--load-repeat")
      o.load_repeat = std::atoi(v.c_str());
    else if (a == "--memory-only")
      o.memory_only = v == "1";
    else
      Fail("unknown option " + a);
  }
  if (o.sqlite.empty() && o.mode != "memory") Fail("--sqlite PATH is required");
  if (o.tasks < 2000 || o.repeat < 1 || o.sql_repeat < 0 || o.load_repeat < 1) Fail("bad numbers");
  return o;
}

std::unique_ptr<db::Database> Open(const std::string& url) {
  auto d = db::Database::Open(url, 2);
  Check(d.ok() ? Status::Ok() : d.status(), "open " + url);
  return std::move(*d);
}

int GenerateMain(const Options& o) {
  const dh::calendar::WorkCalendar cal;
  World w;
  const double gen_ms = TimeMs([&] { w = Generate(o.units, o.tasks); });
  Note("generated " + std::to_string(w.units.size()) + " units, " +
       std::to_string(2 * w.units.size()) + " officials, " + std::to_string(w.directives.size()) +
       " directives, " + std::to_string(w.groups.size()) + " task groups, " +
       std::to_string(w.tasks.size()) + " tasks (" +
       std::to_string(std::count_if(w.tasks.begin(), w.tasks.end(),
                                    [](const TaskRow& t) { return t.parent_id; })) +
       " delegated parts), " + std::to_string(w.coordinators.size()) + " coordinating units, " +
       std::to_string(w.coordinations.size()) + " coordination requests" +
       Fmt(" in %.0f ms", gen_ms));
  WriteExpected(w, cal, o.sqlite + ".expected");
  std::remove(o.sqlite.c_str());
  std::remove((o.sqlite + "-wal").c_str());
  std::remove((o.sqlite + "-shm").c_str());
  Fill(*Open("sqlite:" + o.sqlite), w, cal);
  if (!o.pg.empty()) Fill(*Open(o.pg), w, cal);
  return 0;
}

// bench: task_index tasks=<n> rss_mb=<resident size the loaded model added>
//   bytes_per_task=<the same per task> index_mb=<MemoryBytes> peak_rss_mb=<the process's>
void PrintHeld(double held_mb, const dh::tasks::TaskIndex& index) {
  const size_t n = index.size();
  std::printf(
      "bench: task_index tasks=%zu rss_mb=%.1f bytes_per_task=%.0f index_mb=%.1f "
      "peak_rss_mb=%.1f\n",
      n, held_mb, held_mb * 1024 * 1024 / static_cast<double>(std::max<size_t>(n, 1)),
      static_cast<double>(index.MemoryBytes()) / (1024 * 1024), PeakRssMb());
  std::fflush(stdout);
}

// measure --memory-only 1: loads from SQLite (--load-repeat of them, one index in memory at
// a time), what the first holds and how long they took (medians).
int MemoryMain(db::Database& d, const dh::calendar::WorkCalendar& cal, int repeat) {
  const double rss_before = RssMb();
  double held_mb = 0;
  std::vector<double> ms, cpu;
  auto index = std::make_unique<dh::tasks::TaskIndex>();
  for (int r = 0; r < repeat; ++r) {
    if (r > 0) index = std::make_unique<dh::tasks::TaskIndex>();
    const double c0 = ThreadCpuMs();
    ms.push_back(TimeMs([&] { Check(index->Load(d, cal), "load from sqlite"); }));
    cpu.push_back(ThreadCpuMs() - c0);
    if (r == 0) held_mb = RssMb() - rss_before;
  }
  std::printf("bench: task_index_load db=sqlite ms=%.0f cpu_ms=%.0f rows=%zu\n", Median(ms),
              Median(cpu), index->size());
  PrintHeld(held_mb, *index);
  return 0;
}

// memory --tasks N --units N: the model built from the generated country's rows streamed
// in without a database (generating 5 000 000 tasks into SQLite alone takes minutes).
int MemoryFromRowsMain(const Options& o) {
  const dh::calendar::WorkCalendar cal;
  const World w = Generate(o.units, o.tasks);
  std::vector<std::string> folded;
  for (const auto& t : kTaskTitles) folded.push_back(dh::text::FoldForSearch(t));
  const double rss_before = RssMb();
  dh::tasks::TaskIndex index;
  auto rows = [&](const dh::tasks::ModelRowVisitor& visit) {
    dh::tasks::ModelRow m;
    std::string title;
    size_t c = 0;
    for (const TaskRow& t : w.tasks) {
      m.id = t.id, m.lead_unit_id = t.lead, m.directive_id = t.directive_id;
      m.group_id = t.group_id, m.parent_id = t.parent_id, m.assignee_id = t.assignee;
      m.deadline = t.deadline, m.finished_on = t.finished_on, m.last_report_on = t.last_report_on;
      m.created_at = 1735689600 + t.id, m.state = t.state, m.is_key = t.key;
      title = folded[t.title_kind] + " (" + std::to_string(t.id) + ")";
      m.title_folded = title;
      m.coordinator_ids.clear();
      for (; c < w.coordinators.size() && w.coordinators[c].first == t.id; ++c)
        m.coordinator_ids.push_back(w.coordinators[c].second);
      visit(m);
    }
    return Status::Ok();
  };
  const double ms =
      TimeMs([&] { Check(index.LoadRows(w.tasks.size(), w.tasks.back().id, rows, cal), "load"); });
  const double held_mb = RssMb() - rss_before;
  Note(Fmt("built from %.0f generated rows", static_cast<double>(index.size())) +
       Fmt(" in %.0f ms", ms));
  PrintHeld(held_mb, index);
  return 0;
}

// The units of one province (its leader's scope), read from the SQLite copy.
std::vector<int64_t> ProvinceScope(const std::string& sqlite) {
  std::vector<int64_t> scope_units;
  auto sdb = Open("sqlite:" + sqlite);
  auto conn = sdb->Acquire();
  Check(conn.ok() ? Status::Ok() : conn.status(), "connect");
  auto n = (*conn)->Query("SELECT COUNT(*) FROM units WHERE kind = 'city'");
  Check(n.status(), "provinces");
  const std::string code = "T" + Pad(kScopeProvince % std::max<int64_t>(1, n->Int(0, 0)) + 1, 2);
  auto r = (*conn)->Query("SELECT id FROM units WHERE code = ? OR code LIKE ? ORDER BY id",
                          {code, code + ".%"});
  Check(r.status(), "scope");
  for (size_t i = 0; i < r->size(); ++i) scope_units.push_back(r->Int(i, 0));
  return scope_units;
}

struct Source {
  std::string name;
  std::unique_ptr<db::Database> db;
};

// The read model and what the measurement learnt of it: the load times by source, the rows,
// what the first load holds in memory.
struct Model {
  std::unique_ptr<dh::tasks::TaskIndex> index;
  std::map<std::string, double> old_load_ms;
  std::map<std::string, LoadTimes> loads;
  size_t rows = 0;
  double held_mb = 0;
  dh::tasks::TimelinessClock clock;

  // The board as the index answers it (what is timed), and as the checks compare it.
  std::unordered_map<int64_t, BoardCounts> Raw(const Query& q) const {
    dh::tasks::TaskFilter f;
    f.visible_units = q.scope;
    return index->Board(q.by, f, clock);
  }
  Board BoardOf(const Query& q) const { return FromIndex(Raw(q)); }
};

// The read model, loaded from each database (after the former loading path, so that the
// model's own resident size is measured from a process that has already read every row
// once), its boards checked against the domain rule.
void LoadFromEach(std::vector<Source>& sources, const Options& o,
                  const dh::calendar::WorkCalendar& cal, const std::vector<Query>& queries,
                  const std::map<std::string, Board>& expected, Model& m) {
  for (auto& s : sources) {
    m.old_load_ms[s.name] = OldLoadMs(*s.db);
    Note("the former load from " + s.name + Fmt(": %.0f ms", m.old_load_ms[s.name]));
  }
  const double rss_before = RssMb();
  for (auto& s : sources) {
    m.loads[s.name] = TimeLoads(*s.db, s.name, o.load_repeat, cal, m.index);
    m.rows = m.index->size();
    if (&s == &sources.front()) m.held_mb = RssMb() - rss_before;
    for (const auto& q : queries) {
      const auto it = expected.find(q.name);
      Same(q.name, m.BoardOf(q), "the read model loaded from " + s.name,
           it == expected.end() ? Board{} : it->second, "the domain rule on the generated rows");
    }
  }
}

// The median time of each query answered by the read model (the index loaded last).
void TimeOurs(const Model& m, const Options& o, const std::vector<Query>& queries,
              std::map<std::string, std::map<std::string, double>>& ms) {
  for (const auto& q : queries) {
    std::vector<double> v, cpu;
    m.Raw(q);  // warm
    for (int r = 0; r < o.repeat; ++r) {
      const double c0 = ThreadCpuMs();
      v.push_back(TimeMs([&] { m.Raw(q); }));
      cpu.push_back(ThreadCpuMs() - c0);
    }
    ms[q.name]["ours"] = Median(v);
    Note(q.name + Fmt(": ours %.3f ms", Median(v)) + Fmt(" (cpu %.3f ms,", Median(cpu)) +
         Fmt(" fastest %.3f ms)", *std::min_element(v.begin(), v.end())));
  }
}

// The median time of each query's SQL on each database, its answer checked.
void TimeSql(std::vector<Source>& sources, const Options& o, const std::vector<Query>& queries,
             const std::map<std::string, Board>& expected,
             std::map<std::string, std::map<std::string, double>>& ms) {
  for (auto& s : sources) {
    auto conn = s.db->Acquire();
    Check(conn.ok() ? Status::Ok() : conn.status(), "connect " + s.name);
    for (const auto& q : queries) {
      Board got;
      auto run = [&] {
        auto r = (*conn)->Query(q.sql, q.params);
        Check(r.status(), q.name + " on " + s.name);
        got = FromRows(*r);
      };
      run();  // warm (caches, hint bits)
      std::vector<double> v;
      for (int r = 0; r < o.sql_repeat; ++r) v.push_back(TimeMs(run));
      ms[q.name][s.name] = Median(v);
      Same(q.name, got, s.name, expected.at(q.name), "the read model and the domain rule");
    }
  }
}

void PrintResults(const std::vector<Source>& sources, const std::vector<Query>& queries,
                  std::map<std::string, std::map<std::string, double>>& ms, Model& model) {
  for (const auto& q : queries) {
    auto& m = ms[q.name];
    double best = m["sqlite"];
    std::string line =
        "bench: " + q.name + Fmt(" ours_ms=%.3f", m["ours"]) + Fmt(" sqlite_ms=%.1f", m["sqlite"]);
    if (m.count("postgres")) {
      best = std::min(best, m["postgres"]);
      line += Fmt(" postgres_ms=%.1f", m["postgres"]);
    } else {
      line += " postgres_ms=skipped";
    }
    line += Fmt(" ratio=%.1f", best / m["ours"]);
    std::printf("%s\n", line.c_str());
  }
  for (const auto& s : sources)
    std::printf(
        "bench: task_index_load db=%s ms=%.0f cpu_ms=%.0f rows_path_ms=%.0f rows_path_cpu_ms=%.0f "
        "rows_ratio=%.2f old_ms=%.0f ratio=%.1f rows=%zu\n",
        s.name.c_str(), model.loads[s.name].ms, model.loads[s.name].cpu_ms,
        model.loads[s.name].rows_ms, model.loads[s.name].rows_cpu_ms,
        model.loads[s.name].rows_ms / model.loads[s.name].ms, model.old_load_ms[s.name],
        model.old_load_ms[s.name] / model.loads[s.name].ms, model.rows);
  PrintHeld(model.held_mb, *model.index);
}

int MeasureMain(const Options& o) {
  const dh::calendar::WorkCalendar cal;
  const auto expected = ReadExpected(o.sqlite + ".expected");
  Model model;
  model.clock = dh::tasks::MakeTimelinessClock(Today(), cal, kDueSoonDays);
  const std::vector<int64_t> scope_units = ProvinceScope(o.sqlite);
  std::vector<bool> scope_bits(scope_units.empty() ? 1 : scope_units.back() + 1, false);
  for (int64_t u : scope_units) scope_bits[u] = true;
  const auto queries = Queries(model.clock, scope_units, scope_bits);

  std::vector<Source> sources;
  sources.push_back({"sqlite", Open("sqlite:" + o.sqlite)});
  if (!o.pg.empty()) sources.push_back({"postgres", Open(o.pg)});
  if (o.memory_only) return MemoryMain(*sources.front().db, cal, o.load_repeat);

  LoadFromEach(sources, o, cal, queries, expected, model);
  std::map<std::string, std::map<std::string, double>> ms;  // query → source → median
  TimeOurs(model, o, queries, ms);
  if (o.sql_repeat == 0) return 0;  // a developer's run: the read model only
  TimeSql(sources, o, queries, expected, ms);
  PrintResults(sources, queries, ms, model);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const Options o = Parse(argc, argv);
  if (o.mode == "generate") return GenerateMain(o);
  if (o.mode == "measure") return MeasureMain(o);
  if (o.mode == "memory") return MemoryFromRowsMain(o);
  Fail("unknown mode " + o.mode + " (generate | measure)");
}
