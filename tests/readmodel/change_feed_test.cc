// The change feed (readmodel/change_feed.h) on both databases: each model gets the entries
// of its entities in order, in bounded batches, none missed and none lost on failure.
#include "readmodel/change_feed.h"

#include <gtest/gtest.h>

#include "audit/recorder.h"
#include "support/test_db.h"

namespace dh::readmodel {
namespace {

using dh::testing::BothDatabases;

// An audit entry: "task:7" is entity "task", id 7, action "task.update".
using Entry = std::string;

struct Call {
  bool ok = true;
  int64_t read = 0;                 // entries the call read (when ok)
  std::vector<Entry> tasks, units;  // what each model was handed
};

struct Case {
  std::string name;
  int64_t batch = ChangeFeed::kDefaultBatch;
  std::vector<Entry> before_load, during_load, after_load;
  int failing_applies = 0;  // the tasks model's first applies fail
  std::vector<Call> calls;
};

const std::vector<Case> kCases = {
    {.name = "each model gets its own entities, in order",
     .after_load = {"task:1", "user:9", "unit:3", "task:2", "calendar:0"},
     .calls = {{.read = 5, .tasks = {"task:1", "task:2", "calendar:0"}, .units = {"unit:3"}},
               {.read = 0}}},
    {.name = "nothing new: no model is called", .calls = {{.read = 0}, {.read = 0}}},
    {.name = "entries before the load are in the load, not handed over",
     .before_load = {"task:1", "unit:2"},
     .calls = {{.read = 0}}},
    {.name = "a model with nothing in the batch is not called",
     .after_load = {"user:1", "task:4"},
     .calls = {{.read = 2, .tasks = {"task:4"}}}},
    {.name = "bounded batches: the next call goes on from the last entry read",
     .batch = 2,
     .after_load = {"task:1", "task:2", "unit:5"},
     .calls = {{.read = 2, .tasks = {"task:1", "task:2"}},
               {.read = 1, .units = {"unit:5"}},
               {.read = 0}}},
    {.name = "a change committed during the load is handed over afterwards",
     .during_load = {"task:7"},
     .calls = {{.read = 1, .tasks = {"task:7"}}, {.read = 0}}},
    {.name = "a failing apply sees the same batch again",
     .after_load = {"task:1", "unit:2"},
     .failing_applies = 1,
     .calls = {{.ok = false}, {.read = 2, .tasks = {"task:1"}, .units = {"unit:2"}}, {.read = 0}}},
    {.name = "an entry without a row id is handed over as it is",
     .after_load = {"calendar"},
     .calls = {{.read = 1, .tasks = {"calendar"}}}},
};

class ChangeFeedTest : public BothDatabases {
 protected:
  void Write(const std::vector<Entry>& entries) {
    for (const Entry& e : entries) {
      const auto colon = e.find(':');
      audit::Change c{e.substr(0, colon) + ".update",
                      e.substr(0, colon),
                      std::nullopt,
                      std::nullopt,
                      nullptr,
                      nullptr};
      if (colon != std::string::npos) c.entity_id = std::stoll(e.substr(colon + 1));
      ASSERT_TRUE(db::InTransaction(db(), [&](db::Connection& conn) {
                    return audit::Record(conn, nullptr, c, 1767225600);
                  }).ok());
    }
  }
};

std::vector<Entry> Names(const std::vector<Change>& changes) {
  std::vector<Entry> out;
  for (const Change& c : changes) {
    EXPECT_EQ(c.action, c.entity + ".update");
    out.push_back(c.entity + (c.entity_id ? ":" + std::to_string(*c.entity_id) : ""));
  }
  return out;
}

TEST_P(ChangeFeedTest, HandsEachModelItsChanges) {
  for (const Case& k : kCases) {
    SCOPED_TRACE(k.name);
    Write(k.before_load);
    ChangeFeed feed(db(), k.batch);
    std::vector<Entry> tasks, units;
    int loads = 0, failing = k.failing_applies;
    feed.Register({"tasks",
                   {"task", "calendar"},
                   [&] {
                     if (loads++ == 0) Write(k.during_load);
                     return Status::Ok();
                   },
                   [&](const std::vector<Change>& c) {
                     if (failing-- > 0) return Status::Internal("failed");
                     tasks = Names(c);
                     return Status::Ok();
                   }});
    feed.Register({"units",
                   {"unit"},
                   [] { return Status::Ok(); },
                   [&](const std::vector<Change>& c) {
                     units = Names(c);
                     return Status::Ok();
                   }});
    ASSERT_TRUE(feed.Load().ok());
    Write(k.after_load);
    for (size_t i = 0; i < k.calls.size(); ++i) {
      SCOPED_TRACE("call " + std::to_string(i + 1));
      tasks.clear(), units.clear();
      auto read = feed.CatchUp();
      ASSERT_EQ(read.ok(), k.calls[i].ok);
      if (read.ok()) EXPECT_EQ(*read, k.calls[i].read);
      EXPECT_EQ(tasks, k.calls[i].tasks);
      EXPECT_EQ(units, k.calls[i].units);
    }
  }
}

INSTANTIATE_BOTH(ChangeFeedTest);

}  // namespace
}  // namespace dh::readmodel
