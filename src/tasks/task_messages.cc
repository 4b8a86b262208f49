#include "tasks/task_messages.h"

namespace dh::tasks {

namespace {

// Each form label or import column of the tasks, with its English.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"Cán bộ thực hiện", "Officer in charge"},
    {"Cơ quan ban hành", "Issuing body"},
    {"Ghi chú", "Note"},
    {"Giao cho (cán bộ)", "Assign to (officer)"},
    {"Giao cho (đơn vị)", "Assign to (unit)"},
    {"Hạn hoàn thành", "Deadline"},
    {"Hạn trả lời", "Answer due"},
    {"Kế hoạch lũy kế (%)", "Cumulative plan (%)"},
    {"Kết quả thực hiện", "Result"},
    {"Kết quả, sản phẩm", "Result, output"},
    {"Loại thời hạn", "Kind of deadline"},
    {"Loại văn bản", "Document type"},
    {"Lý do hủy", "Reason for cancelling"},
    {"Lý do từ chối", "Reason for refusing"},
    {"Lý do", "Reason"},
    {"Lý do, yêu cầu bổ sung", "Reason, what to add"},
    {"Mốc", "Milestone"},
    {"Ngày ban hành", "Issue date"},
    {"Ngày báo cáo", "Report date"},
    {"Ngày hoàn thành", "Completion date"},
    {"Nhiệm vụ trọng tâm", "Key task"},
    {"Nhóm nhiệm vụ", "Task group"},
    {"Nội dung trả lời", "Answer"},
    {"Nội dung ý kiến", "Comment"},
    {"Nội dung đề nghị", "Request"},
    {"Nội dung", "Content"},
    {"Quyết định", "Decision"},
    {"Sản phẩm", "Output"},
    {"Số hiệu", "Number"},
    {"Thuộc nhóm", "Parent group"},
    {"Thời hạn", "Deadline"},
    {"Thứ tự", "Position"},
    {"Tiến độ đạt được (%)", "Progress achieved (%)"},
    {"Trích yếu", "Summary"},
    {"Tên nhiệm vụ", "Task name"},
    {"Tên nhóm", "Group name"},
    {"Tên phần việc", "Part name"},
    {"Tạm dừng", "Suspended"},
    {"Tỷ trọng (%)", "Share (%)"},
    {"Văn bản chỉ đạo", "Directive"},
    {"Ý kiến", "Comment"},
    {"Đánh giá kết quả", "Assessment"},
    {"Đơn vị chủ trì mới", "New lead unit"},
    {"Đơn vị chủ trì", "Lead unit"},
    {"Đơn vị phối hợp", "Coordinating units"},
    {"Đơn vị được đề nghị", "Unit asked"},
    {"Đến ngày", "Due on"},
    {"Đề nghị gia hạn đến ngày", "Extension asked until"},
    // The import's columns (task_import.cc) and what it imports.
    {"Tiến độ", "Progress"},
    {"nhiệm vụ", "tasks"},
    {"Tên nhiệm vụ, tối đa 1.000 ký tự.", "The task's name, at most 1,000 characters."},
    {"Mã đơn vị (ví dụ MA.STC) hoặc tên đúng như trong danh mục đơn vị.",
     "The unit's code (for example MA.STC) or its name as in the unit directory."},
    {"Mã hoặc tên đơn vị, cách nhau bởi dấu ; hoặc xuống dòng.",
     "Units' codes or names, separated by ; or line breaks."},
    {"Nhập thời hạn theo dạng ngày/tháng/năm, ví dụ 15/06/2026; để trống hoặc ghi "
     "“Thường xuyên” nếu nhiệm vụ không có hạn.",
     "Write the deadline as day/month/year, for example 15/06/2026; leave it empty "
     "or write “Thường xuyên” when the task has no deadline."},
    {"Tiến độ là một số từ 0 đến 100 (%), ví dụ 45 hoặc 45%.",
     "Progress is a number from 0 to 100 (%), for example 45 or 45%."},
    {"Số thứ tự; dòng tên nhóm nhiệm vụ ghi số La Mã I, II, I.1 … và chỉ có tên.",
     "The row's number; a task group's row has a Roman numeral I, II, I.1 … and only the "
     "group's name."},
    {"Ngày giao", "Start date"},
    {"Ngày giao nhiệm vụ theo dạng ngày/tháng/năm, không sau thời hạn; để trống là ngày nhập.",
     "The day the task is assigned, as day/month/year, not after the deadline; empty means the "
     "day of the import."},
    {"Mô tả", "Description"},
    {"Không bắt buộc.", "Optional."},
    {"như tệp xuất từ hệ thống, tải tại Nhiệm vụ → Xuất Excel",
     "as in a file exported from the system: Nhiệm vụ (Tasks) → Xuất Excel (Export to Excel)"}};

}  // namespace

void RegisterTaskLabels() {
  for (const auto& [vi, en] : kLabels) RegisterLabels({{vi, en}});
}

}  // namespace dh::tasks
