// A few catalogue messages of several rooms in both languages (issue 9), with their numbers
// grouped per language and labels, dates and other messages as parameters. That every
// message has its English text is checked over all of src/ by ctest message_catalogue.
#include <gtest/gtest.h>

#include "core/common_messages.h"
#include "notifications/notice_text.h"
#include "tasks/task_error_messages.h"

namespace dh {
namespace {

constexpr MessageText kKind{"test.catalogue_kind", "báo cáo", "report"};

TEST(Catalogue, SaysEachMessageInBothLanguages) {
  struct Case {
    const MessageText& text;
    MessageArgs args;
    const char* vi;
    const char* en;
  };
  const Case cases[] = {
      {msg::kTooLong,
       {{"name", Label{"Ghi chú", "Note"}}, {"max", int64_t{1000}}},
       "Ghi chú dài quá 1.000 ký tự; hãy rút gọn.",
       "Note is longer than 1,000 characters; please shorten it."},
      {tasks::msg::kStartAfterDeadline,
       {{"start", "01/07/2026"}, {"deadline", "30/06/2026"}},
       "Ngày giao 01/07/2026 sau Hạn hoàn thành 30/06/2026; chọn ngày giao không muộn hơn hạn.",
       "The start date 01/07/2026 is after the deadline 30/06/2026; choose a start date no later "
       "than the deadline."},
      {tasks::msg::kHasReports,
       {{"n", int64_t{2}}},
       "Nhiệm vụ đã có 2 báo cáo tiến độ nên không xóa được; hãy hủy nhiệm vụ và ghi lý do.",
       "The task has 2 progress reports and cannot be deleted; cancel it and give the reason."},
      {tasks::msg::kRefusedInState,
       {{"why", &kKind}, {"state", "done"}},
       "báo cáo (trạng thái hiện tại: done).",
       "report (current state: done)."},
      {notifications::msg::kReason,
       {{"reason", "Bổ sung số liệu."}},
       "Lý do: Bổ sung số liệu.",
       "Reason: Bổ sung số liệu."},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(Render(c.text, c.args, Lang::kVi), c.vi) << c.text.key;
    EXPECT_EQ(Render(c.text, c.args, Lang::kEn), c.en) << c.text.key;
  }
}

}  // namespace
}  // namespace dh
