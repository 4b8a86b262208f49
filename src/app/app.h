// Wiring: opens the database, applies migrations, builds the read models, the services
// and the routes. main.cc and the tests build the same App.
#pragma once

#include <condition_variable>
#include <memory>
#include <string>
#include <thread>

#include "audit/audit_service.h"
#include "auth/auth_routes.h"
#include "auth/auth_service.h"
#include "calendar/calendar_service.h"
#include "calendar/work_calendar.h"
#include "conferences/conference_service.h"
#include "db/database.h"
#include "files/attachment_service.h"
#include "http/metrics.h"
#include "http/router.h"
#include "http/static_files.h"
#include "investment/investment_index_service.h"
#include "investment/investment_service.h"
#include "notifications/notification_job.h"
#include "petitions/petition_service.h"
#include "readmodel/change_feed.h"
#include "targets/target_service.h"
#include "tasks/task_service.h"
#include "units/unit_service.h"
#include "users/user_service.h"

namespace dh::app {

struct AppOptions {
  std::string db_url;
  int pool_size = 8;
  db::DatabaseOptions db;        // the write path (write queue, checkpoints, prepared statements)
  std::string web_root;          // built web app; "" serves no UI
  std::unique_ptr<Clock> clock;  // default: the system clock
  tasks::TaskSettings tasks;     // e.g. how many working days count as "due soon"
  notifications::JobOptions notify;
  std::optional<notifications::SmtpSettings> smtp;  // none: notifications stay in-app
};

class App {
 public:
  // Opens and migrates the database and loads the read models.
  static Result<std::unique_ptr<App>> Open(AppOptions options);

  db::Database& db() { return *db_; }
  const Clock& clock() const { return *clock_; }
  units::UnitDirectory& unit_directory() { return unit_directory_; }
  units::UnitService& units() { return *units_; }
  users::UserService& users() { return *users_; }
  auth::AuthService& auth() { return *auth_; }
  audit::AuditService& audit() { return *audit_; }
  tasks::TaskService& tasks() { return *tasks_; }
  // conferences
  conferences::ConferenceService& conferences() { return *conferences_; }
  // targets
  targets::TargetService& targets() { return *targets_; }
  targets::ComputedSources& computed_sources() { return computed_sources_; }
  // investment
  investment::InvestmentService& investment() { return *investment_; }
  // investment view
  investment::InvestmentView& investment_view() { return *investment_view_; }
  notifications::NotificationJob& notification_job() { return *notification_job_; }
  // Each kind of item notices may be about: a feature registers its own in Wire.
  notifications::ItemKinds& item_kinds() { return *item_kinds_; }
  calendar::CalendarHolder& calendar() { return calendar_; }
  calendar::CalendarService& calendar_service() { return *calendar_service_; }
  files::AttachmentService& attachments() { return *attachments_; }
  petitions::PetitionService& petitions() { return *petitions_; }  // petitions
  http::Router& router() { return *router_; }
  http::Metrics& metrics() { return metrics_; }
  // Keeps the read models current with changes other server processes commit to a shared
  // PostgreSQL (checked every `period`). One server alone never needs it.
  void StartRefresher(std::chrono::milliseconds period);
  ~App();

 private:
  App() = default;
  void Wire(const std::string& web_root, const std::string& db_url,
            const tasks::TaskSettings& settings);
  void WireMetrics();
  void WireFeatures();
  void WireNotifications(notifications::JobOptions options,
                         std::optional<notifications::SmtpSettings> smtp);
  Status LoadReadModels();

  std::unique_ptr<db::Database> db_;
  std::unique_ptr<Clock> clock_;
  units::UnitDirectory unit_directory_;
  std::unique_ptr<readmodel::ChangeFeed> feed_;  // keeps every read model current
  std::unique_ptr<auth::LoginThrottle> throttle_;
  std::unique_ptr<units::UnitService> units_;
  std::unique_ptr<users::UserService> users_;
  std::unique_ptr<auth::AuthService> auth_;
  std::unique_ptr<audit::AuditService> audit_;
  calendar::CalendarHolder calendar_;
  std::unique_ptr<calendar::CalendarService> calendar_service_;
  tasks::TaskIndex task_index_;
  std::unique_ptr<tasks::TaskService> tasks_;
  // conferences
  std::unique_ptr<conferences::ConferenceService> conferences_;
  // targets
  targets::ComputedSources computed_sources_;
  std::unique_ptr<targets::TargetModel> target_model_;
  std::unique_ptr<targets::TargetService> targets_;
  // investment
  std::unique_ptr<investment::InvestmentService> investment_;
  // investment view: the roll-up read model and what reads it
  investment::InvestmentIndex investment_index_;
  std::unique_ptr<investment::InvestmentView> investment_view_;
  std::unique_ptr<files::AttachmentService> attachments_;
  std::unique_ptr<petitions::PetitionService> petitions_;  // petitions
  std::unique_ptr<auth::HttpAuthenticator> authenticator_;
  std::unique_ptr<http::Router> router_;
  std::unique_ptr<http::StaticFiles> static_files_;
  http::Metrics metrics_;
  // Filled in Wire (tasks, then each feature); read by the routes and the job.
  std::shared_ptr<notifications::ItemKinds> item_kinds_ =
      std::make_shared<notifications::ItemKinds>();
  std::vector<std::shared_ptr<const notifications::ReminderSource>> reminder_sources_;
  std::unique_ptr<notifications::NotificationJob> notification_job_;  // stops before what it reads
  std::mutex refresher_mu_;
  std::condition_variable_any refresher_cv_;
  std::jthread refresher_;  // last: stops before the members it reads go
};

}  // namespace dh::app
