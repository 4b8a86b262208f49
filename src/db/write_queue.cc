#include "db/write_queue.h"

#include <algorithm>

#include "db/statements.h"

namespace dh::db {
namespace {

// The savepoint each body of a batch runs in. Releasing one and opening the next go to the
// database together, so a body costs one round trip more than it would alone.
constexpr const char* kFirstSavepoint = "SAVEPOINT dh_write";
constexpr const char* kNextSavepoint = "RELEASE SAVEPOINT dh_write; SAVEPOINT dh_write";
constexpr const char* kUndoBody = "ROLLBACK TO SAVEPOINT dh_write";

}  // namespace

WriteQueue::WriteQueue(Database& db) : db_(db) {
  thread_ = std::thread([this] { Loop(); });
}

WriteQueue::~WriteQueue() {
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  thread_.join();
}

Status WriteQueue::Run(const Body& body) {
  // The writer would wait for itself.
  if (std::this_thread::get_id() == thread_.get_id())
    return Status::Internal("db::InTransaction called inside another write's body");
  Request r;
  r.body = &body;
  std::unique_lock lock(mu_);
  if (stopping_) return Status::Internal("Cơ sở dữ liệu đã đóng.");
  pending_.push_back(&r);
  work_.notify_one();
  done_.wait(lock, [&] { return r.done; });
  lock.unlock();
  if (r.thrown) std::rethrow_exception(r.thrown);
  return r.result;
}

WriteQueueStats WriteQueue::Stats() const {
  std::lock_guard lock(mu_);
  WriteQueueStats s = stats_;
  s.queued = static_cast<int64_t>(pending_.size());
  return s;
}

void WriteQueue::Loop() {
  std::unique_lock lock(mu_);
  for (;;) {
    work_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
    if (pending_.empty()) return;  // stopping, and everything queued has been answered
    std::vector<Request*> batch;
    while (!pending_.empty() && batch.size() < kMaxBatch) {
      batch.push_back(pending_.front());
      pending_.pop_front();
    }
    lock.unlock();
    RunBatch(batch);
    lock.lock();
    ++stats_.batches;
    stats_.requests += static_cast<int64_t>(batch.size());
    stats_.largest = std::max<int64_t>(stats_.largest, static_cast<int64_t>(batch.size()));
    for (Request* r : batch) r->done = true;
    done_.notify_all();
  }
}

// Every caller whose body succeeded learns what became of the transaction as a whole.
void WriteQueue::RunBatch(const std::vector<Request*>& batch) {
  auto fail_succeeded = [&](const Status& s) {
    for (Request* r : batch)
      if (r->result.ok() && !r->thrown) r->result = s;
  };
  auto conn = db_.Acquire();
  if (!conn.ok()) return fail_succeeded(conn.status());
  Connection& c = **conn;
  Status s = OpenTransaction(c);
  if (s.ok()) s = RunBodies(c, batch);
  if (!s.ok()) {
    c.Rollback();
    return fail_succeeded(s);
  }
  const bool any = std::any_of(batch.begin(), batch.end(),
                               [](const Request* r) { return r->result.ok() && !r->thrown; });
  if (!any) {
    c.Rollback();
    return;
  }
  s = c.Commit();
  // Counted even when the commit failed: whether it reached the database is unknown.
  NoteWriteCommitted();
  if (!s.ok()) {
    c.Rollback();
    fail_succeeded(s);
  }
}

Status WriteQueue::OpenTransaction(Connection& c) {
  if (c.dialect() == Dialect::kPostgres) return c.ExecScript(kBeginWithTurnPg);
  return c.Begin(true);
}

// Runs the bodies in order. A body that fails is undone to its savepoint; an error of the
// savepoints themselves loses the whole transaction and is returned.
Status WriteQueue::RunBodies(Connection& c, const std::vector<Request*>& batch) {
  if (batch.size() == 1) {  // alone: its failure rolls back the transaction
    RunOne(c, *batch.front());
    return Status::Ok();
  }
  bool first = true;
  for (Request* r : batch) {
    DH_RETURN_IF_ERROR(c.ExecScript(first ? kFirstSavepoint : kNextSavepoint));
    first = false;
    if (!RunOne(c, *r).ok()) DH_RETURN_IF_ERROR(c.ExecScript(kUndoBody));
  }
  return Status::Ok();
}

Status WriteQueue::RunOne(Connection& c, Request& r) {
  try {
    r.result = (*r.body)(c);
  } catch (...) {
    r.thrown = std::current_exception();
    r.result = Status::Internal("a write's body threw");
  }
  return r.result;
}

}  // namespace dh::db
