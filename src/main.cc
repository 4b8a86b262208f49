// dieuhanh: one program, several subcommands. See README.md.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "app/app.h"
#include "app/cli_messages.h"
#include "db/checkpointer.h"
#include "db/migrations.h"
#include "db/write_queue.h"
#include "demo/demo_city.h"
#include "demo/demo_investment.h"
#include "http/server.h"

namespace {

using dh::Say;
using dh::Status;
namespace msg = dh::app::msg;

// The command line speaks its user's language: English when the locale the environment
// names for messages (LC_ALL, else LC_MESSAGES, else LANG) starts with "en"; else Vietnamese.
dh::Lang LangOfEnvironment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(name);
    if (value && *value)
      return std::string_view(value).starts_with("en") ? dh::Lang::kEn : dh::Lang::kVi;
  }
  return dh::Lang::kVi;
}

std::string DefaultWebRoot(const char* argv0) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::path exe = fs::canonical("/proc/self/exe", ec);
  if (ec) exe = fs::absolute(argv0);
  for (const fs::path& p : {exe.parent_path().parent_path() / "web" / "dist", fs::path("web/dist")})
    if (fs::exists(p / "index.html", ec)) return p.string();
  return "";
}

void SetUpLogging() {
  // The access log (stdout) is the server's own: per-thread buffers (http/access_log.h).
  auto errors = spdlog::stderr_logger_mt("dieuhanh");
  errors->set_pattern(R"({"ts":"%Y-%m-%dT%H:%M:%S.%e%z","level":"%l","msg":"%v"})");
  spdlog::set_default_logger(errors);
}

int Fail(const Status& s) {
  std::cerr << "dieuhanh: " << s.message() << (s.field().empty() ? "" : " [" + s.field() + "]")
            << "\n";
  return s.code() == dh::StatusCode::kInvalidInput ? 2 : 1;
}

std::unique_ptr<dh::Clock> ClockFrom(const std::string& now) {
  if (now.empty()) return nullptr;
  auto d = dh::Date::Parse(now.substr(0, 10));
  if (!d) return nullptr;
  int64_t secs = dh::VietnamStartOfDay(*d) + 9 * 3600;  // 09:00 in Vietnam
  return std::make_unique<dh::FakeClock>(
      std::chrono::system_clock::time_point(std::chrono::seconds(secs)));
}

dh::Result<std::unique_ptr<dh::app::App>> OpenApp(const std::string& db_url,
                                                  const std::string& web_root,
                                                  const std::string& now, int pool = 8,
                                                  dh::app::AppOptions options = {}) {
  options.db_url = db_url;
  options.web_root = web_root;
  options.pool_size = pool;
  options.clock = ClockFrom(now);
  return dh::app::App::Open(std::move(options));
}

// The notification job's flags, shared by `serve` and `notify run`.
struct NotifyFlags {
  dh::notifications::SmtpSettings smtp;
  dh::notifications::JobOptions job;
  dh::tasks::TaskSettings tasks;
  int every_seconds = 300;

  void AddTo(CLI::App* cmd) {
    cmd->add_option("--smtp-url", smtp.url,
                    "SMTP server, smtp://host:port or smtps://host:port; none: in-app only");
    cmd->add_option("--smtp-from", smtp.from, "Sender address of the e-mails");
    cmd->add_option("--smtp-user", smtp.user, "SMTP login (optional)");
    cmd->add_option("--smtp-password", smtp.password, "SMTP password (optional)")
        ->envname("DIEUHANH_SMTP_PASSWORD");
    cmd->add_option("--public-url", job.public_url,
                    "Base URL of the web app, for links in e-mails");
    cmd->add_option("--digest-hour", job.digest_hour,
                    "Hour (Vietnam time) from which the daily digest goes out")
        ->check(CLI::Range(0, 23))
        ->capture_default_str();
    cmd->add_option("--due-soon-days", tasks.due_soon_days,
                    "Working days before a deadline from which a task counts as due soon")
        ->check(CLI::Range(0, 60))
        ->capture_default_str();
    cmd->add_option("--no-report-days", job.reminders.no_report_days,
                    "Working days without a progress report before the holder is reminded")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();
    cmd->add_option("--escalate-after-days", job.reminders.escalate_after_days,
                    "Further working days before the head of the unit is told")
        ->check(CLI::Range(0, 365))
        ->capture_default_str();
  }
  dh::app::AppOptions Options() const {
    dh::app::AppOptions o;
    o.notify = job;
    o.tasks = tasks;
    if (!smtp.url.empty()) {
      o.smtp = smtp;
      if (o.smtp->from.empty()) o.smtp->from = "dieuhanh@localhost";
    }
    return o;
  }
};

// What one pass of the notification job did, for cron logs and tests.
int PrintPass(const dh::notifications::PassReport& r) {
  if (r.skipped) {
    std::cout << Say(msg::kNotifyPassSkipped) << "\n";
    return 0;
  }
  int64_t written = 0;
  for (const auto& [kind, n] : r.written) written += n;
  std::cout << Say(msg::kNewNotices, {{"n", written}});
  for (const auto& [kind, n] : r.written) std::cout << " " << kind << "=" << n;
  std::cout << "\n";
  for (const auto& m : r.sent)
    std::cout << Say(m.digest ? msg::kDigestSent : msg::kMailSent) << m.to << "\t" << m.subject
              << "\n";
  for (const auto& f : r.failed) std::cout << Say(msg::kMailFailed) << f << "\n";
  std::cout << Say(msg::kMailTotals, {{"sent", static_cast<int64_t>(r.sent.size())},
                                      {"failed", static_cast<int64_t>(r.failed.size())}})
            << "\n";
  if (!r.error.ok()) return Fail(r.error);
  return r.failed.empty() ? 0 : 3;
}

// Flags every subcommand may read; each subcommand adds only those it takes.
struct Flags {
  std::string db_url = "sqlite:data/dieuhanh.db";
  std::string now;
  std::string web_root;
  NotifyFlags notify;
  // serve
  dh::http::ServerOptions server;
  bool demo = false;
  bool write_queue = true;
  bool sync_behind = true;
  bool sync_self_when_idle = true;
  int64_t wal_restart_frames = dh::db::RestartFrames();
  std::string wal_rewind = "passive";
  size_t body_limit_kb = server.body_limit / 1024;
  size_t upload_limit_mb = server.upload_limit / (1024 * 1024);
  // user add
  std::string username, role, unit_code, full_name, email;
  bool password_stdin = false;
  // audit verify
  std::string anchor_text;
  // import disbursements FILE; demo --scale national
  std::string import_file;
  std::string scale = "city";
  dh::demo::NationalScale national;
};

// The subcommands the command line named.
struct Subcommands {
  CLI::App* serve = nullptr;
  CLI::App* notify_run = nullptr;
  CLI::App* migrate = nullptr;
  CLI::App* user_add = nullptr;
  CLI::App* audit_verify = nullptr;
  CLI::App* demo = nullptr;
  CLI::App* routes = nullptr;
  CLI::App* import_disbursements = nullptr;
};

void AddServerLimits(CLI::App* serve, Flags& f) {
  serve->add_option("--body-limit-kb", f.body_limit_kb, "Largest request body")
      ->capture_default_str();
  serve->add_option("--upload-limit-mb", f.upload_limit_mb, "Largest upload (attachments, imports)")
      ->capture_default_str();
  serve->add_option("--workers", f.server.worker_threads)->capture_default_str();
  serve
      ->add_option("--io-threads", f.server.io_threads,
                   "Threads that accept connections, read requests and answer reads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", f.server.max_connections,
                   "Client connections open at once; 0: the open-files limit less a reserve")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-ip", f.server.max_connections_per_ip,
                   "Client connections open at once from one address (a trusted proxy: no cap)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", f.server.trusted_proxies,
                   "IP address of a reverse proxy whose X-Forwarded-Proto is believed "
                   "(repeat, or separate with commas)")
      ->delimiter(',');
}

// How writes reach the database (issue 13); the other values are kept for the write bench.
void AddWritePath(CLI::App* serve, Flags& f) {
  serve
      ->add_option("--write-queue", f.write_queue,
                   "on: writes are committed in groups by one writer thread, SQLite "
                   "checkpoints in the background, PostgreSQL statements prepared; off: each "
                   "write its own transaction (the old path, for comparison)")
      ->capture_default_str();
  serve
      ->add_option("--sync-behind", f.sync_behind,
                   "SQLite with the write queue. on: a thread syncs the WAL behind each "
                   "commit while the next batch runs; off: each COMMIT syncs (for comparison)")
      ->capture_default_str();
  serve
      ->add_option("--sync-self-when-idle", f.sync_self_when_idle,
                   "SQLite syncing behind. on: the writer syncs a batch itself when no request "
                   "waits for it; off: always the syncing thread (for comparison)")
      ->capture_default_str();
  serve
      ->add_option("--wal-restart-frames", f.wal_restart_frames,
                   "SQLite: WAL pages past which the writer rewinds the WAL between batches; "
                   "0: never (the WAL grows while writes keep coming; for comparison)")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve
      ->add_option("--wal-rewind", f.wal_rewind,
                   "SQLite: passive: the writer copies the WAL's last pages waiting for no one "
                   "and the next write rewinds it; restart: waits for readers of old pages and "
                   "rewinds at once (as before; for comparison)")
      ->check(CLI::IsMember({"passive", "restart"}))
      ->capture_default_str();
}

CLI::App* AddServe(CLI::App& cli, Flags& f) {
  auto* serve = cli.add_subcommand("serve", "Serve the web UI and the API");
  serve->add_option("--db", f.db_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  serve->add_option("--port", f.server.port)->capture_default_str();
  serve->add_option("--host", f.server.host)->capture_default_str();
  serve->add_option("--web-root", f.web_root, "Folder of the built web app")->capture_default_str();
  AddServerLimits(serve, f);
  serve->add_option("--now", f.now, "Fix today's date (YYYY-MM-DD), for tests and demos");
  serve->add_flag("--demo", f.demo, "Load the demo city when the database is empty");
  AddWritePath(serve, f);
  f.notify.AddTo(serve);
  serve
      ->add_option("--notify-every", f.notify.every_seconds,
                   "Seconds between passes of the notification job; 0: none")
      ->capture_default_str();
  return serve;
}

// A group of subcommands ("user", "audit"…): one of them must follow.
CLI::App* AddGroup(CLI::App& cli, const char* name, const char* help) {
  auto* group = cli.add_subcommand(name, help);
  group->require_subcommand(1);
  return group;
}

// A subcommand on the database: it takes --db.
CLI::App* AddOnDb(CLI::App& parent, Flags& f, const char* name, const char* help) {
  auto* sub = parent.add_subcommand(name, help);
  sub->add_option("--db", f.db_url)->capture_default_str();
  return sub;
}

CLI::App* AddNotifyRun(CLI::App& cli, Flags& f) {
  auto* run = AddOnDb(*AddGroup(cli, "notify", "Reminders, e-mail and daily digests"), f, "run",
                      "Run one pass of the notification job and print what it sent");
  run->add_option("--now", f.now, "Fix today's date (YYYY-MM-DD), for tests and demos");
  f.notify.AddTo(run);
  return run;
}

CLI::App* AddUserAdd(CLI::App& cli, Flags& f) {
  auto* add = AddOnDb(*AddGroup(cli, "user", "Manage users"), f, "add", "Add a user");
  add->add_option("--username", f.username)->required();
  add->add_option("--role", f.role)->required();
  add->add_option("--unit", f.unit_code, "Unit code of the role's scope (not for admin)");
  add->add_option("--full-name", f.full_name);
  add->add_option("--email", f.email);
  add->add_flag("--password-stdin", f.password_stdin, "Read the password from standard input")
      ->required();
  return add;
}

CLI::App* AddAuditVerify(CLI::App& cli, Flags& f) {
  auto* verify = AddOnDb(*AddGroup(cli, "audit", "The audit log"), f, "verify",
                         "Check the hash chain of the audit log");
  verify->add_option(
      "--anchor", f.anchor_text,
      "SEQ:HASH printed by an earlier check: that entry must still be there, unchanged");
  return verify;
}

CLI::App* AddDemo(CLI::App& cli, Flags& f) {
  auto* demo = AddOnDb(cli, f, "demo", "Load the demo city into an empty database");
  demo->add_option("--scale", f.scale,
                   "city: the demo city; national: the city and the national investment data "
                   "set (100 000 projects, 10 million disbursement rows)")
      ->check(CLI::IsMember({"city", "national"}))
      ->capture_default_str();
  demo->add_option("--projects", f.national.projects, "national: projects")->capture_default_str();
  demo->add_option("--disbursements", f.national.disbursements, "national: disbursement rows")
      ->capture_default_str();
  demo->add_option("--investors", f.national.investors, "national: investors")
      ->capture_default_str();
  demo->add_option("--seed", f.national.seed, "national: seed of the generator")
      ->capture_default_str();
  return demo;
}

CLI::App* AddImportDisbursements(CLI::App& cli, Flags& f) {
  auto* d = AddOnDb(*AddGroup(cli, "import", "Import files"), f, "disbursements",
                    "Import the Treasury's disbursement file (.csv or .xlsx): project_code, "
                    "source_code, plan_year, paid_on, amount");
  d->add_option("FILE", f.import_file, "The .csv or .xlsx file")->required();
  return d;
}

Subcommands AddSubcommands(CLI::App& cli, Flags& f) {
  Subcommands s;
  s.serve = AddServe(cli, f);
  s.notify_run = AddNotifyRun(cli, f);
  s.migrate = AddOnDb(cli, f, "migrate", "Apply database migrations");
  s.user_add = AddUserAdd(cli, f);
  s.audit_verify = AddAuditVerify(cli, f);
  s.demo = AddDemo(cli, f);
  s.import_disbursements = AddImportDisbursements(cli, f);
  // Hidden: one "METHOD /pattern" per line, what tests/api/openapi.test.mjs compares with
  // docs/openapi.yaml.
  s.routes = cli.add_subcommand("routes", "Print every route the server registers");
  s.routes->group("");
  return s;
}

int RunMigrate(const Flags& f) {
  auto db = dh::db::Database::Open(f.db_url, 1);
  if (!db.ok()) return Fail(db.status());
  auto applied = dh::db::Migrate(**db);
  if (!applied.ok()) return Fail(applied.status());
  std::cout << Say(msg::kMigrationsApplied, {{"n", static_cast<int64_t>(applied->size())}}) << "\n";
  for (const auto& n : *applied) std::cout << "  " << n << "\n";
  return 0;
}

int RunRoutes() {
  // Only the wiring matters: an in-memory database, nothing on disk or on a server.
  auto wired = OpenApp("sqlite::memory:", "", "", 1);
  if (!wired.ok()) return Fail(wired.status());
  for (const std::string& r : (*wired)->router().Routes()) std::cout << r << "\n";
  return 0;
}

int RunUserAdd(dh::app::App& app, const Flags& f) {
  std::string password;
  std::getline(std::cin, password);
  dh::users::UserInput in;
  in.username = f.username;
  in.full_name = f.full_name.empty() ? f.username : f.full_name;
  in.email = f.email;
  in.password = password;
  auto parsed = dh::auth::ParseRole(f.role);
  if (!parsed) return Fail(Status::InvalidInput("role", Say(msg::kNoSuchRole, {{"role", f.role}})));
  std::optional<int64_t> unit_id;
  if (!f.unit_code.empty()) {
    const auto* u = app.unit_directory().Get()->FindByCode(f.unit_code);
    if (!u)
      return Fail(Status::InvalidInput("unit", Say(msg::kNoUnitCode, {{"code", f.unit_code}})));
    unit_id = u->id;
  }
  in.roles = std::vector<dh::auth::RoleGrant>{{*parsed, unit_id}};
  auto created = app.users().Create(nullptr, in);
  if (!created.ok()) return Fail(created.status());
  std::cout << Say(msg::kUserCreated,
                   {{"username", created->username}, {"id", std::to_string(created->id)}})
            << "\n";
  return 0;
}

int RunAuditVerify(dh::app::App& app, const Flags& f) {
  std::optional<dh::audit::Anchor> anchor;
  if (!f.anchor_text.empty()) {
    anchor = dh::audit::Anchor::Parse(f.anchor_text);
    if (!anchor) return Fail(dh::Status::InvalidInput("anchor", Say(msg::kAnchorForm)));
  }
  auto report = app.audit().Verify(nullptr, anchor);
  if (!report.ok()) return Fail(report.status());
  if (report->ok) {
    std::cout << Say(msg::kChainIntact, {{"n", static_cast<int64_t>(report->checked)}}) << "\n";
    if (report->head_seq > 0)
      std::cout << Say(msg::kAnchorForNextCheck,
                       {{"anchor", std::to_string(report->head_seq) + ":" + report->head_hash}})
                << "\n";
    return 0;
  }
  std::cout << Say(msg::kChainBroken,
                   {{"seq", std::to_string(report->first_bad_seq)}, {"reason", report->reason}})
            << "\n";
  return 1;
}

// Loads the demo city into an empty database; whether it did.
dh::Result<bool> LoadDemo(dh::app::App& app) {
  auto loaded = dh::demo::LoadIfEmpty(app);
  if (loaded.ok() && *loaded) spdlog::info("demo city loaded");
  return loaded;
}

// A bar on stderr: "[#####     ]  50 %  5.000.000 / 10.000.000"; without a total, the count.
void ProgressBar(int64_t done, int64_t total) {
  if (total <= 0) {
    std::cerr << "\r" << Say(msg::kRowsRead, {{"n", done}}) << std::flush;
    return;
  }
  const int width = 30, filled = static_cast<int>(width * done / total);
  std::cerr << "\r[" << std::string(filled, '#') << std::string(width - filled, ' ') << "] "
            << (100 * done / total) << " %  " << dh::FormatDong(done) << " / "
            << dh::FormatDong(total) << std::flush;
  if (done >= total) std::cerr << "\n";
}

int RunDemo(dh::app::App& app, const Flags& f) {
  auto loaded = LoadDemo(app);
  if (!loaded.ok()) return Fail(loaded.status());
  std::cout << Say(*loaded ? msg::kDemoLoaded : msg::kDemoNotLoaded) << "\n";
  if (f.scale != "national") return 0;
  Status s = dh::demo::LoadNationalInvestment(app, f.national, ProgressBar);
  if (!s.ok()) return Fail(s);
  std::cout << Say(msg::kNationalLoaded, {{"n", static_cast<int64_t>(f.national.projects)}})
            << "\n";
  return 0;
}

int RunImportDisbursements(dh::app::App& app, const Flags& f) {
  std::ifstream in(f.import_file, std::ios::binary);
  if (!in)
    return Fail(Status::InvalidInput("file", Say(msg::kCannotOpenFile, {{"file", f.import_file}})));
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const bool csv =
      f.import_file.size() > 4 && f.import_file.compare(f.import_file.size() - 4, 4, ".csv") == 0;
  dh::sheets::RowErrors errors;
  auto r = app.investment().ImportDisbursements(nullptr, bytes, csv ? "text/csv" : "",
                                                f.import_file, &errors, ProgressBar);
  for (const auto& e : errors)
    std::cout << Say(e.column.empty() ? msg::kRowError : msg::kRowColumnError,
                     {{"row", std::to_string(e.row)}, {"column", e.column}, {"message", e.message}})
              << "\n";
  if (!r.ok()) return Fail(r.status());
  std::cout << Say(msg::kDisbursementsImported, {{"n", static_cast<int64_t>(r->imported)},
                                                 {"total", static_cast<int64_t>(r->total)}})
            << "\n";
  return 0;
}

int RunServe(dh::app::App& app, Flags& f) {
  if (f.demo) {
    auto loaded = LoadDemo(app);
    if (!loaded.ok()) return Fail(loaded.status());
  }
  f.server.body_limit = f.body_limit_kb * 1024;
  f.server.upload_limit = f.upload_limit_mb * 1024 * 1024;
  // Served over TLS (directly or by a proxy): the session cookie gets Secure.
  std::string scheme = f.notify.job.public_url.substr(0, 8);
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  f.server.https = scheme == "https://";
  app.StartRefresher(std::chrono::seconds(1));
  if (f.notify.every_seconds > 0)
    app.notification_job().Start(std::chrono::seconds(f.notify.every_seconds));
  dh::http::Server server(f.server, app.router(), app.metrics());
  Status s = server.Run([&](uint16_t port) {
    const std::string url = "http://" + f.server.host + ":" + std::to_string(port) + "/";
    std::cerr << Say(msg::kRunningAt, {{"url", url}}) << "\n";
    if (f.demo)
      std::cerr << Say(msg::kDemoAccounts,
                       {{"password", std::string(dh::demo::kDemoPassword)},
                        {"accounts",
                         "admin, vanphong, lanhdao, canbo.stc, canbo.sxd, chudautu.gt, xem"}})
                << "\n";
    if (f.web_root.empty()) std::cerr << Say(msg::kApiOnly) << "\n";
  });
  app.notification_job().Stop();
  app.db().Close();
  if (!s.ok()) return Fail(s);
  spdlog::info("stopped cleanly");
  return 0;
}

// The subcommands that work on the opened application.
int RunWithApp(const Subcommands& s, Flags& f) {
  dh::app::AppOptions options = f.notify.Options();
  dh::db::SetSyncBehind(f.sync_behind);
  dh::db::SetRestartFrames(f.wal_restart_frames);
  dh::db::SetRewindWaitsForReaders(f.wal_rewind == "restart");
  dh::db::SetSyncSelfWhenIdle(f.sync_self_when_idle);
  if (!f.write_queue) options.db = dh::db::DatabaseOptions::OldPath();
  auto app = OpenApp(f.db_url, f.web_root, f.now, 8, std::move(options));
  if (!app.ok()) return Fail(app.status());
  if (*s.notify_run) return PrintPass((*app)->notification_job().RunOnce());
  if (*s.user_add) return RunUserAdd(**app, f);
  if (*s.audit_verify) return RunAuditVerify(**app, f);
  if (*s.demo) return RunDemo(**app, f);
  if (*s.import_disbursements) return RunImportDisbursements(**app, f);
  return RunServe(**app, f);
}

}  // namespace

int main(int argc, char** argv) {
  SetUpLogging();
  // Messages said on this thread (the command line's own, and errors of what it runs).
  const dh::ScopedLang lang(LangOfEnvironment());
  // Flushes the logs on every way out of main.
  struct FlushLogs {
    ~FlushLogs() { spdlog::shutdown(); }
  } flush_logs;
  CLI::App cli{"dieuhanh — theo dõi điều hành thực hiện kế hoạch của thành phố"};
  cli.require_subcommand(1);
  Flags flags;
  flags.web_root = DefaultWebRoot(argv[0]);
  const Subcommands commands = AddSubcommands(cli, flags);
  CLI11_PARSE(cli, argc, argv);
  if (*commands.migrate) return RunMigrate(flags);
  if (*commands.routes) return RunRoutes();
  return RunWithApp(commands, flags);
}
