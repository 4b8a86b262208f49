// The access log: one JSON line per request, written to a file descriptor (stdout).
//
// A request never waits on another thread to log: each thread appends its lines to a
// buffer of its own, which is written out with one write(2) when it holds kFlushBytes
// (64 KiB), or by a flusher thread every kFlushEvery (200 ms), whichever comes first.
// Stop() writes out every buffer; the server calls it once it has stopped serving, so a
// clean stop (SIGTERM) loses no line. A crash (SIGKILL) may lose the last 200 ms.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace dh::http {

class AccessLog {
 public:
  static constexpr size_t kFlushBytes = 64 * 1024;
  static constexpr std::chrono::milliseconds kFlushEvery{200};

  explicit AccessLog(int fd = 1);
  ~AccessLog();
  AccessLog(const AccessLog&) = delete;
  AccessLog& operator=(const AccessLog&) = delete;

  // Appends `line` and a newline to the calling thread's buffer.
  void Append(std::string_view line);
  // Writes out every thread's buffer now.
  void Flush();
  // Flush(), and the flusher thread ends. Append still works after (written at once).
  void Stop();

 private:
  struct Buffer {
    std::mutex mu;
    std::string text;  // GUARDED_BY(mu)
  };
  Buffer& Mine();
  void WriteOut(Buffer& b);
  void Write(const std::string& text);
  void RunFlusher();

  const int fd_;
  const uint64_t id_;  // tells the thread-local look-up which log a buffer belongs to
  std::mutex mu_;
  std::condition_variable cv_;
  std::vector<std::unique_ptr<Buffer>> buffers_;  // GUARDED_BY(mu_); never shrinks
  std::atomic<bool> stopped_{false};              // set under mu_ (for cv_)
  std::mutex write_mu_;                           // one write(2) at a time: lines stay whole
  std::thread flusher_;
};

}  // namespace dh::http
