#include "app/app.h"

#include <spdlog/spdlog.h>

#include <cstdlib>
#include <unordered_set>

#include "app/disbursement_source.h"
#include "audit/audit_routes.h"
#include "calendar/calendar_routes.h"
#include "conferences/conference_routes.h"
#include "db/migrations.h"
#include "db/write_queue.h"
#include "files/attachment_routes.h"
#include "investment/investment_rollup_routes.h"
#include "investment/investment_routes.h"
#include "investment/project_reminders.h"
#include "notifications/notification_routes.h"
#include "petitions/petition_attachments.h"
#include "petitions/petition_routes.h"
#include "targets/target_reminders.h"
#include "targets/target_routes.h"
#include "tasks/task_attachments.h"
#include "tasks/task_excel_routes.h"
#include "tasks/task_reminders.h"
#include "tasks/task_routes.h"
#include "units/unit_routes.h"
#include "units/unit_scope.h"
#include "users/password.h"
#include "users/user_routes.h"

namespace dh::app {

Result<std::unique_ptr<App>> App::Open(AppOptions options) {
  DH_RETURN_IF_ERROR(users::InitCrypto());
  std::unique_ptr<App> app(new App());
  app->clock_ = options.clock ? std::move(options.clock) : std::make_unique<SystemClock>();
  DH_ASSIGN_OR_RETURN(app->db_, db::Database::Open(options.db_url, options.pool_size, options.db));
  DH_RETURN_IF_ERROR(db::Migrate(*app->db_).status());
  DH_RETURN_IF_ERROR(app->unit_directory_.Reload(*app->db_));
  app->Wire(options.web_root, options.db_url, options.tasks);
  app->WireNotifications(std::move(options.notify), std::move(options.smtp));
  DH_RETURN_IF_ERROR(app->LoadReadModels());
  return app;
}

App::~App() {
  if (refresher_.joinable()) {
    refresher_.request_stop();
    refresher_cv_.notify_all();
    refresher_.join();
  }
}

Status App::LoadReadModels() { return feed_->Load(); }

void App::StartRefresher(std::chrono::milliseconds period) {
  refresher_ = std::jthread([this, period](std::stop_token stop) {
    std::unique_lock lock(refresher_mu_);
    while (!refresher_cv_.wait_for(lock, stop, period, [] { return false; })) {
      if (stop.stop_requested()) return;
      Status s = feed_->CatchUp().status();
      if (!s.ok()) spdlog::warn("read model refresh failed: {}", s.message());
    }
  });
}

void App::Wire(const std::string& web_root, const std::string& db_url,
               const tasks::TaskSettings& settings) {
  feed_ = std::make_unique<readmodel::ChangeFeed>(*db_);
  feed_->Register({"units",
                   {"unit"},
                   [this] { return unit_directory_.Reload(*db_); },
                   [this](const auto&) { return unit_directory_.Reload(*db_); }});
  throttle_ = std::make_unique<auth::LoginThrottle>(*clock_);
  units_ = std::make_unique<units::UnitService>(*db_, *clock_, unit_directory_);
  units_->AddTransfer(std::make_shared<users::RoleTransfer>());
  users_ = std::make_unique<users::UserService>(*db_, *clock_, unit_directory_);
  auth_ = std::make_unique<auth::AuthService>(*db_, *clock_, *throttle_);
  audit_ = std::make_unique<audit::AuditService>(*db_, [this](const auth::Principal& who) {
    return units::ScopeFor(who, auth::Permission::kAuditRead, *unit_directory_.Get()).AsFilter();
  });
  calendar_service_ = std::make_unique<calendar::CalendarService>(*db_, *clock_, calendar_);
  tasks_ = std::make_unique<tasks::TaskService>(*db_, *clock_, unit_directory_, *calendar_service_,
                                                task_index_, settings, feed_.get());
  units_->AddTransfer(std::make_shared<tasks::TaskTransfer>(*tasks_));
  item_kinds_->Register({notifications::kTaskItem, "/tasks/",
                         [this](const auth::Principal& who, const std::vector<int64_t>& ids) {
                           return tasks_->VisibleTasks(who, ids);
                         }});
  reminder_sources_.push_back(std::make_shared<tasks::TaskReminders>(task_index_));
  // Attachments live beside the SQLite file; in the database when it is shared (PostgreSQL).
  const bool sqlite = db_url.rfind("sqlite:", 0) == 0 && db_url != "sqlite::memory:";
  attachments_ = std::make_unique<files::AttachmentService>(
      *db_, *clock_,
      sqlite ? files::FolderBlobStore(db_url.substr(7) + ".files") : files::DatabaseBlobStore());
  attachments_->AddOwner("directive", tasks::DirectiveAttachments(*tasks_));
  attachments_->AddOwner("task", tasks::TaskAttachments(*tasks_));
  authenticator_ = std::make_unique<auth::HttpAuthenticator>(*auth_);
  router_ = std::make_unique<http::Router>(authenticator_.get());

  router_->Public("GET", "/healthz", [](const http::Request&) {
    return http::Response::Json(boost::json::object{{"status", "ok"}});
  });
  router_->Public("GET", "/metrics", [this](const http::Request&) {
    http::Response r;
    r.content_type = "text/plain; version=0.0.4; charset=utf-8";
    r.body = metrics_.Render();
    return r;
  });
  WireMetrics();
  auth::RegisterRoutes(*router_, *auth_, unit_directory_);
  units::RegisterRoutes(*router_, *units_);
  users::RegisterRoutes(*router_, *users_, unit_directory_);
  audit::RegisterRoutes(*router_, *audit_);
  calendar::RegisterRoutes(*router_, *calendar_service_);
  tasks::RegisterExcelRoutes(*router_, *tasks_, unit_directory_);  // before /tasks/{id}
  tasks::RegisterRoutes(*router_, *tasks_, unit_directory_);
  WireFeatures();
  notifications::RegisterRoutes(*router_, *db_, *clock_, item_kinds_);
  files::RegisterRoutes(*router_, *attachments_);
  if (!web_root.empty()) {
    static_files_ = std::make_unique<http::StaticFiles>(web_root);
    router_->Fallback([this](const http::Request& req) { return static_files_->Serve(req); });
  }
}

// The features built on tasks, each one block: its service, its attachments, its routes.
void App::WireFeatures() {
  // investment
  investment_ =
      std::make_unique<investment::InvestmentService>(*db_, *clock_, unit_directory_, *tasks_);
  investment::RegisterRoutes(*router_, *investment_);
  // investment: investors' monthly updates remind and escalate; notices lead to the project
  {
    investment::VisibleProjectsFn visible = [this](const auth::Principal& who,
                                                   const std::vector<int64_t>& ids) {
      return investment_->VisibleProjects(who, ids);
    };
    item_kinds_->Register({investment::kProjectItem, "/investment/projects/", visible});
    reminder_sources_.push_back(std::make_shared<investment::ProjectReminders>(
        *db_, *clock_, [this] { return calendar_.Get(); }, visible));
  }
  // investment view
  investment_view_ = std::make_unique<investment::InvestmentView>(*db_, *clock_, unit_directory_,
                                                                  investment_index_, *feed_);
  investment::RegisterRollupRoutes(*router_, *investment_view_, *db_, unit_directory_);
  // targets
  computed_sources_.Register(targets::kTaskOnTimeSource, targets::TaskOnTimeSource(*tasks_));
  reminder_sources_.push_back(std::make_shared<targets::ExplanationReminders>(
      *db_, *clock_, [this] { return calendar_.Get(); }));
  item_kinds_->Register({targets::kExplanationItem, "/targets/explanations/",
                         [this](const auth::Principal& who, const std::vector<int64_t>& ids) {
                           std::unordered_set<int64_t> seen;
                           for (int64_t id : ids)
                             if (targets_->GetExplanation(who, id).ok()) seen.insert(id);
                           return seen;
                         }});
  computed_sources_.Register(targets::kDisbursementSource,
                             DisbursementRateSource(*investment_view_, unit_directory_, *clock_),
                             DisbursementRateRefresh(*feed_));
  target_model_ = std::make_unique<targets::TargetModel>(computed_sources_);
  targets_ = std::make_unique<targets::TargetService>(*db_, *clock_, unit_directory_,
                                                      *calendar_service_, *target_model_,
                                                      computed_sources_, feed_.get(), tasks_.get());
  // conferences: report templates from the folder DIEUHANH_TEMPLATES names (an office's own
  // letterhead), else the built-in ones.
  {
    const char* templates = std::getenv("DIEUHANH_TEMPLATES");
    conferences_ = std::make_unique<conferences::ConferenceService>(
        *db_, *clock_, unit_directory_, *calendar_service_, *tasks_,
        documents::TemplateShelf(templates ? templates : ""));
    conferences::RegisterRoutes(*router_, *conferences_);
  }
  // petitions
  petitions_ = std::make_unique<petitions::PetitionService>(*db_, *clock_, unit_directory_,
                                                            *calendar_service_, *tasks_, *feed_);
  attachments_->AddOwner("petition", petitions::PetitionAttachments(*petitions_));
  petitions::RegisterRoutes(*router_, *petitions_, unit_directory_);
  targets::RegisterRoutes(*router_, *targets_);  // targets
  item_kinds_->Register({"petition", "/petitions/",
                         [this](const auth::Principal& who, const std::vector<int64_t>& ids) {
                           return petitions_->VisiblePetitions(who, ids);
                         }});
}

namespace {

// The write queue's phase histograms as cumulative buckets (bench/write_tasks.sh reads them).
std::vector<std::pair<std::string, double>> WritePhaseBuckets(const db::WriteQueue* q) {
  std::vector<std::pair<std::string, double>> out;
  if (!q) return out;
  const db::WriteQueueStats s = q->Stats();
  const std::pair<const char*, const db::LatencyHistogram*> phases[] = {
      {"wait", &s.wait},     {"answer", &s.answer}, {"run", &s.run},
      {"commit", &s.commit}, {"sync", &s.sync},     {"restart", &s.restart}};
  for (const auto& [name, h] : phases) {
    int64_t below = 0;
    for (size_t i = 0; i < h->counts.size(); ++i) {
      below += h->counts[i];
      const std::string le = i < h->kBoundsUs.size() ? std::to_string(h->kBoundsUs[i]) : "+Inf";
      out.emplace_back("phase=\"" + std::string(name) + "\",le=\"" + le + "\"", below);
    }
    out.emplace_back("phase=\"" + std::string(name) + "\",le=\"max\"", h->max_us);
  }
  return out;
}

}  // namespace

void App::WireMetrics() {
  metrics_.AddGauge("dieuhanh_db_pool_connections", "Database connections by state.", [this] {
    const auto s = db_->Stats();
    return std::vector<std::pair<std::string, double>>{{"state=\"open\"", s.size},
                                                       {"state=\"in_use\"", s.in_use}};
  });
  metrics_.AddGauge("dieuhanh_db_writes_queued",
                    "Writes waiting in the write queue for the next batch.", [this] {
                      const db::WriteQueue* q = db_->write_queue();
                      const double queued = q ? static_cast<double>(q->Stats().queued) : 0;
                      return std::vector<std::pair<std::string, double>>{{"", queued}};
                    });
  metrics_.AddGauge("dieuhanh_db_write_phase_us",
                    "Write queue phases (µs), cumulative counts by upper bound, and the longest.",
                    [this] { return WritePhaseBuckets(db_->write_queue()); });
  metrics_.AddGauge("dieuhanh_db_pool_waits", "Times a request waited for a free connection.",
                    [this] {
                      return std::vector<std::pair<std::string, double>>{
                          {"", static_cast<double>(db_->Stats().waits)}};
                    });
}

void App::WireNotifications(notifications::JobOptions options,
                            std::optional<notifications::SmtpSettings> smtp) {
  options.reminders.due_soon_days = tasks_->settings().due_soon_days;
  std::unique_ptr<notifications::Mailer> mailer;
  if (smtp && !smtp->url.empty())
    mailer =
        notifications::MakeSmtpMailer(std::move(*smtp), [this] { return clock_->NowSeconds(); });
  notification_job_ = std::make_unique<notifications::NotificationJob>(
      *db_, *clock_, unit_directory_, calendar_, std::move(options), std::move(mailer));
  notification_job_->SetItemKinds(item_kinds_);
  for (const auto& source : reminder_sources_) notification_job_->AddReminderSource(source);
  // investment view: an investor's forecast below the target
  notification_job_->AddCheck("investment_forecast",
                              [this] { return investment_view_->WarnBelowTarget(); });
}

}  // namespace dh::app
