// InvestmentService: disbursement by hand and from the Treasury's file.
#include <set>
#include <unordered_map>

#include "core/hash.h"
#include "investment/disbursement_import.h"
#include "investment/investment_json.h"
#include "investment/investment_service.h"
#include "investment/investment_writes.h"
#include "investment/plan_rules.h"
#include "investment/plan_store.h"
#include "investment/project_reminders.h"
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

// Rows of the first read kept for the write when the file has at most this many; a longer
// file is read a second time inside the transaction rather than held (bounded memory).
constexpr size_t kHeldRows = 200000;

// The write of an import's rows, chunk by chunk inside its transaction: each chunk's payment
// windows checked, then inserted while no row is wrong; the projects it brings up to date
// noted for their update reminders (project_reminders.h).
struct ImportWriter {
  db::Connection& c;
  sheets::RowErrors& errors;
  const ImportProgress& progress;
  ImportResult& result;
  std::optional<int64_t> by;
  int64_t now = 0, rows = 0;
  Date owed_after;
  std::vector<ImportRow> chunk;
  std::set<int64_t> updated;
  Status failure;

  void Add(const ImportRow& r) {
    chunk.push_back(r);
    if (chunk.size() >= kChunk) Flush();
  }
  void Flush() {
    if (!failure.ok() || chunk.empty() || errors.size() >= kMaxRowErrors) return chunk.clear();
    CheckWindows(c, chunk, errors, failure);
    if (failure.ok() && errors.empty()) failure = Insert();
    chunk.clear();
  }
  Status Insert() {
    std::vector<Disbursement> out;
    out.reserve(chunk.size());
    for (const ImportRow& r : chunk) {
      Disbursement d = r.disbursement;
      d.import_id = result.import_id, d.created_by = by, d.created_at = now;
      result.total += d.amount;
      if (d.paid_on > owed_after) updated.insert(d.project_id);
      out.push_back(d);
    }
    DH_RETURN_IF_ERROR(InsertDisbursements(c, out));
    result.imported += static_cast<int64_t>(out.size());
    if (progress) progress(result.imported, rows);
    return Status::Ok();
  }
  Status Resolve(Date today) {
    for (int64_t id : updated) DH_RETURN_IF_ERROR(ResolveUpdateReminders(c, id, today, today, now));
    return Status::Ok();
  }
};

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
    DH_RETURN_IF_ERROR(ResolveUpdateReminders(c, p.id, in.paid_on, clock_.Today(), in.created_at));
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

// The first read: every row checked, none written; the rows kept when there are few enough.
struct ImportRead {
  std::vector<ImportRow> held;
  bool reread = false;  // too many to hold: read again to write
  int64_t rows = 0;
};

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
  const size_t max_rows = who ? kMaxApiRows : kMaxCliRows;
  ImportRead read;
  DH_RETURN_IF_ERROR(StreamDisbursementSheet(bytes, content_type, codes, max_rows, *errors,
                                             [&](const ImportRow& r) {
                                               if (++read.rows % 100000 == 0 && progress)
                                                 progress(read.rows, -1);
                                               if (read.reread) return;
                                               read.reread = read.held.size() >= kHeldRows;
                                               if (read.reread)
                                                 return std::vector<ImportRow>().swap(read.held);
                                               read.held.push_back(r);
                                             }));
  if (!errors->empty()) return InvalidRows(*errors);
  const int64_t now = clock_.NowSeconds();
  const std::optional<int64_t> by = who ? std::optional(who->user_id) : std::nullopt;
  ImportResult result;
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    result = ImportResult{};
    const sheets::ImportRecord record{0,         kFeature,  0,  Sha256Hex(bytes),
                                      file_name, read.rows, by, now};
    DH_ASSIGN_OR_RETURN(auto prior, sheets::FindImport(c, kFeature, 0, record.sha256));
    if (prior) return sheets::AlreadyImported(*prior, "giải ngân", "dòng giải ngân");
    DH_ASSIGN_OR_RETURN(result.import_id, sheets::RecordImport(c, record));
    ImportWriter w{c, *errors, progress, result, by, now, read.rows, OwedMonthEnd(clock_.Today())};
    sheets::RowErrors again;  // none: the rows were checked by the first read
    if (read.reread)
      DH_RETURN_IF_ERROR(StreamDisbursementSheet(bytes, content_type, codes, max_rows, again,
                                                 [&](const ImportRow& r) { w.Add(r); }));
    for (const ImportRow& r : read.held) w.Add(r);
    w.Flush();
    DH_RETURN_IF_ERROR(w.failure);
    errors->insert(errors->end(), again.begin(), again.end());
    sheets::SortByRow(*errors);
    if (!errors->empty()) return InvalidRows(*errors);
    DH_RETURN_IF_ERROR(w.Resolve(clock_.Today()));
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
