// InvestmentService: disbursement by hand and from the Treasury's file.
#include <unordered_map>

#include "core/hash.h"
#include "investment/disbursement_import.h"
#include "investment/investment_json.h"
#include "investment/investment_service.h"
#include "investment/investment_writes.h"
#include "investment/plan_rules.h"
#include "investment/plan_store.h"
#include "sheets/import_ledger.h"

namespace dh::investment {
namespace {

constexpr const char* kFeature = "disbursements";
constexpr size_t kChunk = 20000;  // rows per InsertDisbursements call (progress steps)

Status CheckDisbursementValues(const Disbursement& d) {
  if (d.amount <= 0)
    return Status::InvalidInput("amount", "Số tiền giải ngân phải lớn hơn 0.", "invalid_amount");
  if (d.plan_year < 2000 || d.plan_year > 2100)
    return Status::InvalidInput("plan_year", "Năm kế hoạch phải từ 2000 đến 2100.", "invalid_year");
  return Status::Ok();
}

// The payment window of each row, on the database: a payment after 31/01 of Y+1 needs
// capital added after 30/09 of Y (one query per such (project, source, year), cached).
void CheckWindows(db::Connection& c, const std::vector<ImportRow>& rows, sheets::RowErrors& errors,
                  Status& failure) {
  std::map<std::tuple<int64_t, int64_t, int>, Money> late;
  for (const ImportRow& r : rows) {
    const Disbursement& d = r.disbursement;
    Money added = 0;
    if (WindowOf(d.plan_year, d.paid_on) == PaymentWindow::kLateCapital) {
      const auto key = std::make_tuple(d.project_id, d.source_id, d.plan_year);
      auto it = late.find(key);
      if (it == late.end()) {
        auto got = AddedAfterSep30Of(c, d.project_id, d.source_id, d.plan_year);
        if (!got.ok()) return void(failure = got.status());
        it = late.emplace(key, *got).first;
      }
      added = it->second;
    }
    const Status s = CheckPaymentDate(d.plan_year, d.paid_on, added);
    if (!s.ok()) errors.push_back({r.row, std::string(ColumnHeading("paid_on")), s.message()});
  }
}

}  // namespace

Result<Disbursement> InvestmentService::AddDisbursement(const auth::Principal* who,
                                                        Disbursement in) {
  DH_RETURN_IF_ERROR(CheckDisbursementValues(in));
  in.import_id.reset();
  in.created_by = who ? std::optional(who->user_id) : std::nullopt;
  in.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(Project p, ForWrite(c, who, in.project_id, false));
    DH_RETURN_IF_ERROR(CheckSource(c, in.source_id, "source_id"));
    Money late = 0;
    if (WindowOf(in.plan_year, in.paid_on) == PaymentWindow::kLateCapital) {
      DH_ASSIGN_OR_RETURN(late, AddedAfterSep30Of(c, p.id, in.source_id, in.plan_year));
    }
    DH_RETURN_IF_ERROR(CheckPaymentDate(in.plan_year, in.paid_on, late));
    DH_ASSIGN_OR_RETURN(in.id, InsertDisbursement(c, in));
    return RecordChange(
        c, who, {"disbursement.create", "disbursement", in.id, p.investor_id, nullptr, ToJson(in)},
        in.created_at);
  }));
  return in;
}

Result<std::vector<Disbursement>> InvestmentService::ListDisbursements(const auth::Principal& who,
                                                                       RecordQuery q, int64_t limit,
                                                                       int64_t offset,
                                                                       int64_t* total) const {
  q.scope = ScopeUnits(AccessOf(who).read);
  std::vector<Disbursement> out;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) -> Status {
    DH_ASSIGN_OR_RETURN(out, investment::ListDisbursements(c, q, limit, offset, total));
    return Status::Ok();
  }));
  return out;
}

Result<ImportResult> InvestmentService::ImportDisbursements(
    const auth::Principal* who, std::string_view bytes, const std::string& content_type,
    const std::string& file_name, sheets::RowErrors* errors, const ImportProgress& progress) {
  if (who && !who->Can(auth::Permission::kInvestmentReport))
    return Status::Forbidden("Bạn không có quyền nhập số liệu giải ngân.");
  const std::optional<InvestmentAccess> access = who ? std::optional(AccessOf(*who)) : std::nullopt;
  ImportCodes codes;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) {
    return LoadImportCodes(c, access ? &access->report : nullptr, codes);
  }));
  const int64_t now = clock_.NowSeconds();
  const std::optional<int64_t> by = who ? std::optional(who->user_id) : std::nullopt;
  DH_ASSIGN_OR_RETURN(std::vector<ImportRow> rows,
                      ParseDisbursementSheet(bytes, content_type, codes,
                                             who ? kMaxApiRows : kMaxCliRows, *errors, progress));
  if (!errors->empty()) return InvalidRows(*errors);
  ImportResult result;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    const sheets::ImportRecord record{
        0, kFeature, 0, Sha256Hex(bytes), file_name, static_cast<int64_t>(rows.size()), by, now};
    DH_ASSIGN_OR_RETURN(auto prior, sheets::FindImport(c, kFeature, 0, record.sha256));
    if (prior) return sheets::AlreadyImported(*prior, "giải ngân", "dòng giải ngân");
    Status failure;
    CheckWindows(c, rows, *errors, failure);
    DH_RETURN_IF_ERROR(failure);
    if (!errors->empty()) return InvalidRows(*errors);
    DH_ASSIGN_OR_RETURN(result.import_id, sheets::RecordImport(c, record));
    std::vector<Disbursement> chunk;
    for (size_t from = 0; from < rows.size(); from += kChunk) {
      chunk.clear();
      for (size_t i = from; i < std::min(rows.size(), from + kChunk); ++i) {
        Disbursement d = rows[i].disbursement;
        d.import_id = result.import_id, d.created_by = by, d.created_at = now;
        result.total += d.amount;
        chunk.push_back(d);
      }
      DH_RETURN_IF_ERROR(InsertDisbursements(c, chunk));
      if (progress) progress(static_cast<int64_t>(from + chunk.size()), rows.size());
    }
    result.imported = static_cast<int64_t>(rows.size());
    return RecordChange(
        c, who,
        {"disbursement.import", "disbursement_import", result.import_id, std::nullopt, nullptr,
         boost::json::object{
             {"file_name", file_name}, {"rows", result.imported}, {"total", result.total}}},
        now);
  }));
  return result;
}

}  // namespace dh::investment
