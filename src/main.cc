// dieuhanh: one program, several subcommands. See README.md.
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <CLI/CLI.hpp>
#include <cctype>
#include <filesystem>
#include <iostream>

#include "app/app.h"
#include "db/migrations.h"
#include "demo/demo_city.h"
#include "http/server.h"

namespace {

using dh::Status;

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
    std::cout << "Một tiến trình khác đang chạy việc gửi thông báo; bỏ qua lượt này.\n";
    return 0;
  }
  int64_t written = 0;
  for (const auto& [kind, n] : r.written) written += n;
  std::cout << "Thông báo mới: " << written;
  for (const auto& [kind, n] : r.written) std::cout << " " << kind << "=" << n;
  std::cout << "\n";
  for (const auto& m : r.sent)
    std::cout << (m.digest ? "Bản tin: " : "Đã gửi: ") << m.to << "\t" << m.subject << "\n";
  for (const auto& f : r.failed) std::cout << "Không gửi được: " << f << "\n";
  std::cout << "E-mail đã gửi: " << r.sent.size() << ", lỗi: " << r.failed.size() << "\n";
  if (!r.error.ok()) return Fail(r.error);
  return r.failed.empty() ? 0 : 3;
}

}  // namespace

int main(int argc, char** argv) {
  SetUpLogging();
  // Flushes the logs on every way out of main.
  struct FlushLogs {
    ~FlushLogs() { spdlog::shutdown(); }
  } flush_logs;
  CLI::App cli{"dieuhanh — theo dõi điều hành thực hiện kế hoạch của thành phố"};
  cli.require_subcommand(1);
  std::string db_url = "sqlite:data/dieuhanh.db";
  std::string now;

  auto* serve = cli.add_subcommand("serve", "Serve the web UI and the API");
  dh::http::ServerOptions server_options;
  std::string web_root = DefaultWebRoot(argv[0]);
  bool demo = false;
  size_t body_limit_kb = server_options.body_limit / 1024;
  size_t upload_limit_mb = server_options.upload_limit / (1024 * 1024);
  serve->add_option("--db", db_url, "sqlite:PATH or postgresql://…")->capture_default_str();
  serve->add_option("--port", server_options.port)->capture_default_str();
  serve->add_option("--host", server_options.host)->capture_default_str();
  serve->add_option("--web-root", web_root, "Folder of the built web app")->capture_default_str();
  serve->add_option("--body-limit-kb", body_limit_kb, "Largest request body")
      ->capture_default_str();
  serve->add_option("--upload-limit-mb", upload_limit_mb, "Largest upload (attachments, imports)")
      ->capture_default_str();
  serve->add_option("--workers", server_options.worker_threads)->capture_default_str();
  serve
      ->add_option("--io-threads", server_options.io_threads,
                   "Threads that accept connections, read requests and answer reads")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  serve
      ->add_option("--max-connections", server_options.max_connections,
                   "Client connections open at once; 0: the open-files limit less a reserve")
      ->check(CLI::NonNegativeNumber)
      ->capture_default_str();
  serve
      ->add_option("--max-connections-per-ip", server_options.max_connections_per_ip,
                   "Client connections open at once from one address (a trusted proxy: no cap)")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  serve
      ->add_option("--trusted-proxy", server_options.trusted_proxies,
                   "IP address of a reverse proxy whose X-Forwarded-Proto is believed "
                   "(repeat, or separate with commas)")
      ->delimiter(',');
  serve->add_option("--now", now, "Fix today's date (YYYY-MM-DD), for tests and demos");
  serve->add_flag("--demo", demo, "Load the demo city when the database is empty");
  NotifyFlags notify_flags;
  notify_flags.AddTo(serve);
  serve
      ->add_option("--notify-every", notify_flags.every_seconds,
                   "Seconds between passes of the notification job; 0: none")
      ->capture_default_str();

  auto* notify = cli.add_subcommand("notify", "Reminders, e-mail and daily digests");
  notify->require_subcommand(1);
  auto* notify_run =
      notify->add_subcommand("run", "Run one pass of the notification job and print what it sent");
  notify_run->add_option("--db", db_url)->capture_default_str();
  notify_run->add_option("--now", now, "Fix today's date (YYYY-MM-DD), for tests and demos");
  notify_flags.AddTo(notify_run);

  auto* migrate = cli.add_subcommand("migrate", "Apply database migrations");
  migrate->add_option("--db", db_url)->capture_default_str();

  auto* user = cli.add_subcommand("user", "Manage users");
  user->require_subcommand(1);
  auto* user_add = user->add_subcommand("add", "Add a user");
  std::string username, role, unit_code, full_name, email;
  bool password_stdin = false;
  user_add->add_option("--db", db_url)->capture_default_str();
  user_add->add_option("--username", username)->required();
  user_add->add_option("--role", role)->required();
  user_add->add_option("--unit", unit_code, "Unit code of the role's scope (not for admin)");
  user_add->add_option("--full-name", full_name);
  user_add->add_option("--email", email);
  user_add->add_flag("--password-stdin", password_stdin, "Read the password from standard input")
      ->required();

  auto* audit = cli.add_subcommand("audit", "The audit log");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain of the audit log");
  verify->add_option("--db", db_url)->capture_default_str();
  std::string anchor_text;
  verify->add_option(
      "--anchor", anchor_text,
      "SEQ:HASH printed by an earlier check: that entry must still be there, unchanged");

  auto* demo_cmd = cli.add_subcommand("demo", "Load the demo city into an empty database");
  demo_cmd->add_option("--db", db_url)->capture_default_str();

  // Hidden: one "METHOD /pattern" per line, what tests/api/openapi.test.mjs compares with
  // docs/openapi.yaml.
  auto* routes = cli.add_subcommand("routes", "Print every route the server registers");
  routes->group("");

  CLI11_PARSE(cli, argc, argv);

  if (*migrate) {
    auto db = dh::db::Database::Open(db_url, 1);
    if (!db.ok()) return Fail(db.status());
    auto applied = dh::db::Migrate(**db);
    if (!applied.ok()) return Fail(applied.status());
    std::cout << "Đã áp dụng " << applied->size() << " bản chuyển đổi.\n";
    for (const auto& n : *applied) std::cout << "  " << n << "\n";
    return 0;
  }

  if (*routes) {
    // Only the wiring matters: an in-memory database, nothing on disk or on a server.
    auto wired = OpenApp("sqlite::memory:", "", "", 1);
    if (!wired.ok()) return Fail(wired.status());
    for (const std::string& r : (*wired)->router().Routes()) std::cout << r << "\n";
    return 0;
  }

  auto app = OpenApp(db_url, web_root, now, 8, notify_flags.Options());
  if (!app.ok()) return Fail(app.status());

  if (*notify_run) return PrintPass((*app)->notification_job().RunOnce());

  if (*user_add) {
    std::string password;
    std::getline(std::cin, password);
    dh::users::UserInput in;
    in.username = username;
    in.full_name = full_name.empty() ? username : full_name;
    in.email = email;
    in.password = password;
    auto parsed = dh::auth::ParseRole(role);
    if (!parsed) return Fail(Status::InvalidInput("role", "Vai trò không có: " + role));
    std::optional<int64_t> unit_id;
    if (!unit_code.empty()) {
      const auto* u = (*app)->unit_directory().Get()->FindByCode(unit_code);
      if (!u) return Fail(Status::InvalidInput("unit", "Không có đơn vị mã " + unit_code));
      unit_id = u->id;
    }
    in.roles = std::vector<dh::auth::RoleGrant>{{*parsed, unit_id}};
    auto created = (*app)->users().Create(nullptr, in);
    if (!created.ok()) return Fail(created.status());
    std::cout << "Đã tạo người dùng " << created->username << " (id " << created->id << ").\n";
    return 0;
  }

  if (*verify) {
    std::optional<dh::audit::Anchor> anchor;
    if (!anchor_text.empty()) {
      anchor = dh::audit::Anchor::Parse(anchor_text);
      if (!anchor)
        return Fail(dh::Status::InvalidInput(
            "anchor", "--anchor có dạng SỐ_THỨ_TỰ:MÃ_BĂM, như lần kiểm tra trước đã in ra."));
    }
    auto report = (*app)->audit().Verify(nullptr, anchor);
    if (!report.ok()) return Fail(report.status());
    if (report->ok) {
      std::cout << "Chuỗi nhật ký nguyên vẹn: " << report->checked << " mục.\n";
      if (report->head_seq > 0)
        std::cout << "Mốc để đối chiếu lần sau (lưu ở nơi khác, rồi dùng --anchor): "
                  << report->head_seq << ":" << report->head_hash << "\n";
      return 0;
    }
    std::cout << "Chuỗi nhật ký bị phá vỡ tại mục " << report->first_bad_seq << ": "
              << report->reason << "\n";
    return 1;
  }

  if (*demo_cmd || demo) {
    auto loaded = dh::demo::LoadIfEmpty(**app);
    if (!loaded.ok()) return Fail(loaded.status());
    if (*loaded) spdlog::info("demo city loaded");
    if (*demo_cmd) {
      std::cout << (*loaded ? "Đã nạp dữ liệu minh họa.\n"
                            : "Cơ sở dữ liệu đã có đơn vị; không nạp.\n");
      return 0;
    }
  }

  if (*serve) {
    server_options.body_limit = body_limit_kb * 1024;
    server_options.upload_limit = upload_limit_mb * 1024 * 1024;
    // Served over TLS (directly or by a proxy): the session cookie gets Secure.
    std::string scheme = notify_flags.job.public_url.substr(0, 8);
    for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    server_options.https = scheme == "https://";
    (*app)->StartRefresher(std::chrono::seconds(1));
    if (notify_flags.every_seconds > 0)
      (*app)->notification_job().Start(std::chrono::seconds(notify_flags.every_seconds));
    dh::http::Server server(server_options, (*app)->router(), (*app)->metrics());
    Status s = server.Run([&](uint16_t port) {
      std::cerr << "dieuhanh đang chạy tại http://" << server_options.host << ":" << port << "/\n";
      if (demo)
        std::cerr << "Tài khoản minh họa (mật khẩu " << dh::demo::kDemoPassword
                  << "): admin, vanphong, lanhdao, canbo.stc, canbo.sxd, chudautu.gt, xem\n";
      if (web_root.empty()) std::cerr << "Chưa có giao diện web (web/dist); chỉ phục vụ API.\n";
    });
    (*app)->notification_job().Stop();
    (*app)->db().Close();
    if (!s.ok()) return Fail(s);
    spdlog::info("stopped cleanly");
  }
  return 0;
}
