#include "http/access_log.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

namespace dh::http {
namespace {

// A temporary file, removed at the end of the test.
class TempFile {
 public:
  TempFile() {
    char name[] = "/tmp/dieuhanh-access-XXXXXX";
    fd_ = ::mkstemp(name);
    path_ = name;
  }
  ~TempFile() {
    ::close(fd_);
    ::unlink(path_.c_str());
  }
  int fd() const { return fd_; }
  std::vector<std::string> Lines() const {
    std::ifstream in(path_);
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);) out.push_back(line);
    return out;
  }

 private:
  int fd_ = -1;
  std::string path_;
};

TEST(AccessLog, StopWritesEveryLineOfEveryThreadWhole) {
  TempFile file;
  ASSERT_GE(file.fd(), 0);
  constexpr int kThreads = 4, kLines = 20000;  // several times kFlushBytes per thread
  {
    AccessLog log(file.fd());
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t)
      threads.emplace_back([&log, t] {
        for (int i = 0; i < kLines; ++i)
          log.Append("{\"thread\":" + std::to_string(t) + ",\"line\":" + std::to_string(i) + "}");
      });
    for (auto& th : threads) th.join();
    log.Stop();
  }
  const auto lines = file.Lines();
  ASSERT_EQ(lines.size(), size_t{kThreads * kLines});
  std::set<std::string> seen(lines.begin(), lines.end());
  EXPECT_EQ(seen.size(), lines.size()) << "no line twice";
  for (int t = 0; t < kThreads; ++t)
    for (int i : {0, kLines / 2, kLines - 1})
      EXPECT_TRUE(
          seen.count("{\"thread\":" + std::to_string(t) + ",\"line\":" + std::to_string(i) + "}"));
}

TEST(AccessLog, FlushWritesWhatIsBufferedAndALineAfterStopGoesOutAtOnce) {
  TempFile file;
  AccessLog log(file.fd());
  log.Append("one");
  log.Flush();
  EXPECT_EQ(file.Lines(), (std::vector<std::string>{"one"}));
  log.Stop();
  log.Append("two");
  EXPECT_EQ(file.Lines(), (std::vector<std::string>{"one", "two"}));
}

}  // namespace
}  // namespace dh::http
