// A few catalogue messages of several rooms in both languages (issue 9), with their numbers
// grouped per language and labels, dates and other messages as parameters. That every
// message has its English text is checked over all of src/ by ctest message_catalogue.
#include <gtest/gtest.h>

#include "conferences/conference_messages.h"
#include "core/common_messages.h"
#include "notifications/notice_text.h"
#include "sheets/sheet_messages.h"
#include "tasks/task_error_messages.h"
#include "tasks/task_import_messages.h"
#include "units/unit_messages.h"

namespace dh {
namespace {

constexpr MessageText kKind{"test.catalogue_kind", "báo cáo", "report"};

struct Case {
  const MessageText& text;
  MessageArgs args;
  const char* vi;
  const char* en;
};

template <size_t N>
void ExpectBothLanguages(const Case (&cases)[N]) {
  for (const Case& c : cases) {
    EXPECT_EQ(Render(c.text, c.args, Lang::kVi), c.vi) << c.text.key;
    EXPECT_EQ(Render(c.text, c.args, Lang::kEn), c.en) << c.text.key;
  }
}

TEST(Catalogue, SaysEachMessageInBothLanguages) {
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
      {conferences::msg::kVoteOutcome,
       {{"verdict", &conferences::msg::kNotPassed},
        {"in_favour", int64_t{999}},
        {"delegates", int64_t{1500}},
        {"percent", "66,6 %"},
        {"against", int64_t{0}},
        {"abstain", int64_t{0}},
        {"needed", int64_t{1000}}},
       "Không thông qua: 999/1.500 đại biểu tán thành (66,6 %); không tán thành 0, không biểu "
       "quyết 0; cần ít nhất 1.000.",
       "Not passed: 999/1,500 delegates in favour (66,6 %); against 0, abstaining 0; at least "
       "1,000 needed."},
      {conferences::msg::kUnanswered,
       {{"n", int64_t{1200}}, {"round", int64_t{1}}, {"next", int64_t{2}}},
       "Còn 1.200 ý kiến của vòng 1 chưa được trả lời; trả lời hết trước khi mở vòng 2.",
       "1,200 opinions of round 1 are not answered yet; answer them all before opening round 2."},
      {tasks::msg::kImportUnitsAlike,
       {{"n", int64_t{2}}, {"name", "“Sở Xây dựng”"}, {"code", "MA.SXD"}},
       "Có 2 đơn vị cùng tên “Sở Xây dựng”; ghi mã đơn vị (ví dụ MA.SXD) để phân biệt.",
       "2 units are named “Sở Xây dựng”; write the unit code (for example MA.SXD) to tell them "
       "apart."},
      {conferences::msg::kTooManyVotes,
       {{"cast", int64_t{1501}}, {"delegates", int64_t{1500}}},
       "Tổng số phiếu tán thành, không tán thành và không biểu quyết (1.501) vượt quá tổng số "
       "đại biểu (1.500). Kiểm tra lại số phiếu.",
       "The votes in favour, against and abstaining (1,501) are more than all the delegates "
       "(1,500). Check the numbers of votes."},
  };
  ExpectBothLanguages(cases);
}

TEST(Catalogue, SaysSheetAndUnitMessagesInBothLanguages) {
  const Case cases[] = {
      {sheets::msg::kTooManyRows,
       {{"max", int64_t{100000}}},
       "Bảng tính có quá nhiều dòng (tối đa 100.000 dòng mỗi lần nhập). Hãy chia thành nhiều tệp.",
       "The spreadsheet has too many rows (at most 100,000 rows per import). Split it into "
       "several files."},
      {sheets::msg::kBadCell,
       {{"ref", "C5"}, {"what", &sheets::msg::kCellNumber}},
       "Không đọc được ô C5 của bảng tính (ô số không đọc được). Hãy mở tệp trong Excel, lưu lại "
       "dạng .xlsx rồi gửi lại.",
       "Cell C5 of the spreadsheet cannot be read (unreadable number). Open the file in Excel, "
       "save it as .xlsx and send it again."},
      {units::msg::kAlreadyRestructured,
       {{"name", "Phường 1"}, {"how", &units::msg::kMergeWord}, {"date", "01/06/2026"}},
       "Đơn vị Phường 1 đã được sắp xếp lại (sáp nhập) từ ngày 01/06/2026; không sắp xếp lại lần "
       "nữa. Tải lại trang để xem cơ cấu mới.",
       "The unit Phường 1 was already restructured (merged) from 01/06/2026; it is not "
       "restructured again. Reload the page to see the new structure."},
      {units::msg::kHasActiveChildren,
       {{"n", int64_t{1200}}, {"date", "31/05/2026"}},
       "Đơn vị còn 1.200 đơn vị trực thuộc hoạt động sau ngày 31/05/2026. Hãy sắp xếp lại (sáp "
       "nhập, chuyển) các đơn vị đó trước.",
       "The unit still has 1,200 units under it active after 31/05/2026. Restructure (merge, "
       "move) those units first."},
      {units::msg::kLabelNotActive,
       {{"label", Label{"Đơn vị chủ trì", "Lead unit"}}, {"name", "Sở X"}, {"date", "02/01/2026"}},
       "Đơn vị chủ trì Sở X không hoạt động vào ngày 02/01/2026; hãy chọn đơn vị đang hoạt động.",
       "Lead unit Sở X is not active on 02/01/2026; choose an active unit."},
  };
  ExpectBothLanguages(cases);
}

}  // namespace
}  // namespace dh
