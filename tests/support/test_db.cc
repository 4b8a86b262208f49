#include "support/test_db.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>

namespace dh::testing {
namespace {

std::string PgBaseUrl() {
  const char* url = std::getenv("DIEUHANH_TEST_PG");
  return url ? url : "";
}

// Runs one statement on the server's maintenance database.
void AdminExec(const std::string& url, const std::string& sql) {
  PGconn* c = PQconnectdb(url.c_str());
  if (PQstatus(c) != CONNECTION_OK) {
    std::string msg = PQerrorMessage(c);
    PQfinish(c);
    FAIL() << "cannot reach the test PostgreSQL server: " << msg;
  }
  PGresult* r = PQexec(c, sql.c_str());
  const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
  std::string msg = PQresultErrorMessage(r);
  PQclear(r);
  PQfinish(c);
  ASSERT_TRUE(ok) << sql << ": " << msg;
}

std::string UniqueName() {
  static std::atomic<int> n{0};
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = "t_" + std::to_string(getpid()) + "_" + std::to_string(n++);
  if (info) {
    for (char c : std::string(info->name())) {
      name.push_back(
          std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_');
      if (name.size() > 55) break;
    }
  }
  return name;
}

}  // namespace

ScratchDatabase::ScratchDatabase(Backend backend) : backend_(backend) {
  name_ = UniqueName();
  if (backend == Backend::kSqlite) {
    dir_ = (std::filesystem::temp_directory_path() / name_).string();
    std::filesystem::create_directories(dir_);
    url_ = "sqlite:" + dir_ + "/test.db";
    return;
  }
  admin_url_ = PgBaseUrl();
  if (admin_url_.empty()) {
    ADD_FAILURE() << "DIEUHANH_TEST_PG is not set: run the tests through ctest (make test)";
    return;
  }
  AdminExec(admin_url_, "CREATE DATABASE " + name_);
  // postgresql://postgres@/postgres?host=… → …/<name>?host=…
  url_ = admin_url_;
  const auto q = url_.find('?');
  const auto slash = url_.rfind('/', q);
  url_ = url_.substr(0, slash + 1) + name_ + url_.substr(q);
}

ScratchDatabase::~ScratchDatabase() {
  if (backend_ == Backend::kSqlite) {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  } else if (!admin_url_.empty()) {
    AdminExec(admin_url_, "DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  }
}

void BothDatabases::SetUp() {
  scratch_ = std::make_unique<ScratchDatabase>(GetParam());
  ASSERT_FALSE(scratch_->url().empty());
  app::AppOptions options;
  options.db_url = scratch_->url();
  options.pool_size = 4;
  // 2026-01-15 09:00 in Vietnam = 02:00 UTC.
  auto clock = std::make_unique<FakeClock>(
      std::chrono::system_clock::time_point(std::chrono::seconds(1768442400)));
  clock_ = clock.get();
  options.clock = std::move(clock);
  auto app = app::App::Open(std::move(options));
  ASSERT_TRUE(app.ok()) << app.status().ToString();
  app_ = std::move(app).value();
}

void BothDatabases::TearDown() {
  app_.reset();
  scratch_.reset();
}

std::string BackendName(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::kSqlite ? "Sqlite" : "Postgres";
}

}  // namespace dh::testing
