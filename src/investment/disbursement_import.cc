#include "investment/disbursement_import.h"

#include <algorithm>

#include "core/common_messages.h"
#include "investment/investment_access.h"
#include "investment/investment_messages.h"
#include "investment/investment_store.h"

namespace dh::investment {

const sheets::ColumnMap& DisbursementColumns() {
  static const sheets::ColumnMap kMap(
      {{"project_code",
        "Mã dự án",
        {"project_code", "Mã DA"},
        true,
        "Mã dự án như trong danh mục dự án của hệ thống."},
       {"source_code",
        "Mã nguồn vốn",
        {"source_code", "Nguồn vốn"},
        true,
        "Mã nguồn vốn như NSDP-TT, NSTW-TN."},
       {"plan_year",
        "Năm kế hoạch",
        {"plan_year", "Kế hoạch năm"},
        true,
        "Năm của kế hoạch vốn được giải ngân, như 2026."},
       {"paid_on",
        "Ngày giải ngân",
        {"paid_on", "Ngày thanh toán"},
        true,
        "Viết dd/mm/yyyy hoặc yyyy-mm-dd."},
       {"amount",
        "Số tiền",
        {"amount", "Số tiền giải ngân", "Giá trị giải ngân"},
        true,
        "Số đồng, có thể có dấu chấm phân cách hàng nghìn: 1.250.000.000."}},
      "các cột project_code, source_code, plan_year, paid_on, amount");
  return kMap;
}

std::string_view ColumnHeading(std::string_view key) {
  const sheets::ColumnSpec* c = DisbursementColumns().Find(key);
  return c ? std::string_view(c->heading) : key;
}

Status LoadImportCodes(db::Connection& c, const units::UnitScope* scope, ImportCodes& codes) {
  DH_ASSIGN_OR_RETURN(auto projects, AllProjectCodes(c));
  for (const ProjectCode& p : projects)
    if (!scope || ProjectInScope(*scope, p.investor_id, p.managing_unit_id))
      codes.projects.emplace(p.code, p.id);
  DH_ASSIGN_OR_RETURN(auto sources, ListCapitalSources(c));
  for (const CapitalSource& s : sources) codes.sources.emplace(s.code, s.id);
  return Status::Ok();
}

namespace {

constexpr size_t kHeadingRows = 60;       // title lines and the heading row above the data
constexpr size_t kMaxRowXmlBytes = 1024;  // of one row in the worksheet part

// One row into `out`; false when the row has an error (already in the reader's errors).
bool ReadRow(sheets::RowReader& r, const ImportCodes& codes, ImportRow& out) {
  out.row = r.number();
  Disbursement& d = out.disbursement;
  const std::string project = r.Raw("project_code"), source = r.Raw("source_code");
  const auto p = codes.projects.find(project);
  if (!project.empty() && p == codes.projects.end())
    r.Fail("project_code", Say(msg::kNoProjectCode, {{"code", project}}));
  const auto s = codes.sources.find(source);
  if (!source.empty() && s == codes.sources.end())
    r.Fail("source_code", Say(msg::kNoSourceCode, {{"code", source}}));
  const auto year = r.Integer("plan_year", 2000, 2100);
  const auto paid = r.DateOf("paid_on", {2000, 2101});
  const auto amount = r.MoneyOf("amount");
  if (amount && *amount <= 0) r.Fail("amount", Say(msg::kPaidAboveZero));
  if (!r.ok() || !year || !paid || !amount || project.empty() || source.empty()) return false;
  d.project_id = p->second, d.source_id = s->second;
  d.plan_year = static_cast<int>(*year), d.paid_on = *paid, d.amount = *amount;
  return true;
}

}  // namespace

Status StreamDisbursementSheet(std::string_view bytes, std::string_view content_type,
                               const ImportCodes& codes, size_t max_rows, sheets::RowErrors& errors,
                               const std::function<void(const ImportRow&)>& each) {
  sheets::ReadLimits limits;
  limits.max_rows = max_rows + kHeadingRows;
  // Streamed, not held: the sheet part may be as long as its rows need.
  limits.max_part_bytes = std::max(limits.max_part_bytes, max_rows * kMaxRowXmlBytes);
  ImportRow row;
  DH_ASSIGN_OR_RETURN(
      sheets::RowErrors found,
      sheets::StreamRows(bytes, content_type, DisbursementColumns(), limits, max_rows,
                         kMaxRowErrors, "dòng giải ngân", [&](sheets::RowReader& r) {
                           row = ImportRow{};
                           if (ReadRow(r, codes, row)) each(row);
                           return true;
                         }));
  errors.insert(errors.end(), found.begin(), found.end());
  sheets::SortByRow(errors);
  return Status::Ok();
}

Status InvalidRows(const sheets::RowErrors& errors) {
  return Status::InvalidInput(
      "file",
      Say(dh::msg::kInvalidRows,
          {{"n", static_cast<int64_t>(errors.size())}, {"what", Label{"dòng giải ngân", ""}}}),
      "invalid_rows");
}

}  // namespace dh::investment
