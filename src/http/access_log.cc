#include "http/access_log.h"

#include <unistd.h>

#include <atomic>
#include <cerrno>

namespace dh::http {
namespace {

std::atomic<uint64_t> next_id{1};

// The calling thread's buffers, by the id of their log (there is one log, as a rule).
thread_local std::vector<std::pair<uint64_t, void*>> thread_buffers;

}  // namespace

AccessLog::AccessLog(int fd) : fd_(fd), id_(next_id.fetch_add(1)) {
  flusher_ = std::thread([this] { RunFlusher(); });
}

AccessLog::~AccessLog() { Stop(); }

AccessLog::Buffer& AccessLog::Mine() {
  for (const auto& [id, buffer] : thread_buffers)
    if (id == id_) return *static_cast<Buffer*>(buffer);
  std::lock_guard lock(mu_);
  buffers_.push_back(std::make_unique<Buffer>());
  buffers_.back()->text.reserve(kFlushBytes + 1024);
  thread_buffers.emplace_back(id_, buffers_.back().get());
  return *buffers_.back();
}

void AccessLog::Append(std::string_view line) {
  Buffer& b = Mine();
  bool full = false;
  {
    std::lock_guard lock(b.mu);
    b.text.append(line);
    b.text.push_back('\n');
    full = b.text.size() >= kFlushBytes;
  }
  // After Stop() no flusher runs: a late line is written at once.
  if (full || stopped_.load()) WriteOut(b);
}

void AccessLog::WriteOut(Buffer& b) {
  std::string text;
  {
    std::lock_guard lock(b.mu);
    if (b.text.empty()) return;
    text.reserve(kFlushBytes + 1024);
    text.swap(b.text);
  }
  Write(text);
}

void AccessLog::Write(const std::string& text) {
  std::lock_guard lock(write_mu_);
  size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::write(fd_, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return;  // stdout closed or full disk: the log is lost, the server goes on
    done += static_cast<size_t>(n);
  }
}

void AccessLog::Flush() {
  std::vector<Buffer*> all;
  {
    std::lock_guard lock(mu_);
    for (const auto& b : buffers_) all.push_back(b.get());
  }
  for (Buffer* b : all) WriteOut(*b);
}

void AccessLog::RunFlusher() {
  std::unique_lock lock(mu_);
  while (!stopped_.load()) {
    cv_.wait_for(lock, kFlushEvery, [this] { return stopped_.load(); });
    lock.unlock();
    Flush();
    lock.lock();
  }
}

void AccessLog::Stop() {
  {
    std::lock_guard lock(mu_);
    if (stopped_.load()) return;
    stopped_.store(true);
  }
  cv_.notify_all();
  if (flusher_.joinable()) flusher_.join();
  Flush();
}

}  // namespace dh::http
