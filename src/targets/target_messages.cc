#include "targets/target_messages.h"

namespace dh::targets {

namespace {

// Each form label and import column of the targets, with its English.
constexpr std::pair<std::string_view, std::string_view> kLabels[] = {
    {"Mã chỉ số", "Indicator code"},
    {"Tên chỉ số", "Indicator name"},
    {"Tên tiếng Anh", "English name"},
    {"Đơn vị tính", "Unit of measure"},
    {"Chiều đánh giá", "Direction"},
    {"Cách tổng hợp", "Aggregation"},
    {"Kỳ báo cáo", "Reporting period"},
    {"Nhóm", "Group"},
    {"Cách tính", "Computation"},
    {"Phép so sánh", "Comparison"},
    {"Giá trị chỉ tiêu", "Target values"},
    {"Đơn vị", "Unit"},
    {"So với kỳ trước", "Compared with the previous period"},
    {"Kỳ", "Period"},
    {"Tỷ lệ", "Share"},
    {"Khối lượng", "Amount"},
    {"Chỉ số", "Indicator"},
    {"Chỉ tiêu", "Target"},
    {"Ghi chú", "Note"},
    {"Giá trị", "Value"},
    {"Loại số liệu", "Kind of value"},
    {"Loại số liệu (ước tính hay chính thức)", "Kind of value (estimate or official)"},
    {"Nguồn số liệu", "Source"},
    {"Nhiệm vụ", "Task"},
    {"Hạn trả lời", "Answer due"},
    {"Số ngày làm việc", "Working days"},
    {"Nội dung yêu cầu", "Request"},
    {"Nguyên nhân", "Causes"},
    {"Giải pháp", "Measures"},
    {"Giá trị dự kiến", "Expected value"},
    {"Ngày dự kiến đạt", "Expected date"},
    // The values' import (target_import.cc): its columns, their help and what it imports.
    {"Mã đơn vị", "Unit code"},
    {"số liệu", "values"},
    {"số liệu chỉ tiêu", "indicator values"},
    {"Mã trong danh mục chỉ số.", "The code in the indicator catalogue."},
    {"Mã đơn vị báo cáo, ví dụ MA.SXD.", "The reporting unit's code, for example MA.SXD."},
    {"Năm 2024, quý 2024-Q2 hoặc tháng 2024-06.",
     "A year 2024, a quarter 2024-Q2 or a month 2024-06."},
    {"Số viết 1.234,5 hoặc 7,5.", "A number written 1.234,5 or 7,5."},
    {"Ghi \"ước tính\" hoặc \"chính thức\".",
     "Write “ước tính” (estimate) or “chính thức” (official)."}};

}  // namespace

void RegisterTargetLabels() {
  for (const auto& [vi, en] : kLabels) RegisterLabels({{vi, en}});
}

}  // namespace dh::targets
