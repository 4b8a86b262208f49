// InvestmentService: disbursement by hand and from the Treasury's file.
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "core/hash.h"
#include "db/read_value.h"
#include "investment/disbursement_import.h"
#include "investment/investment_json.h"
#include "investment/investment_messages.h"
#include "investment/investment_service.h"
#include "investment/investment_writes.h"
#include "investment/plan_rules.h"
#include "investment/plan_store.h"
#include "investment/project_reminders.h"
#include "sheets/import_ledger.h"

namespace dh::investment {
namespace {

constexpr const char* kFeature = "disbursements";

Status CheckDisbursementValues(const Disbursement& d) {
  if (d.amount <= 0)
    return Status::InvalidInput("amount", Say(msg::kPaidAboveZero), "invalid_amount");
  if (d.plan_year < 2000 || d.plan_year > 2100)
    return Status::InvalidInput("plan_year", Say(msg::kPlanYearRange), "invalid_year");
  return Status::Ok();
}

// The write of an import's rows as they are read, inside its transaction (one pass over the
// file): each row's payment window checked — a payment after 31/01 of Y+1 needs capital
// added after 30/09 of Y, looked up once per (project, source, year) — then the row written
// at once while none is wrong, through one bulk writer (PostgreSQL: one COPY streamed while
// the file is still being read; SQLite: INSERTs of 100 rows), finished before any other
// statement runs on the connection; the projects brought up to date noted for their update
// reminders (project_reminders.h). A wrong row anywhere rolls the whole transaction back,
// so nothing is imported.
struct ImportWriter {
  db::Connection& c;
  sheets::RowErrors& errors;
  const ImportProgress& progress;
  ImportResult& result;
  std::optional<int64_t> by;
  int64_t now = 0;
  Date owed_after;
  std::unique_ptr<db::BulkWriter> writer;
  db::Params row;
  std::map<std::tuple<int64_t, int64_t, int>, Money> late;
  std::set<int64_t> updated;
  int64_t read = 0;
  Status failure;

  void Add(const ImportRow& r) {
    if (++read % 100000 == 0 && progress) progress(read, -1);
    if (!failure.ok() || !CheckWindow(r)) return;
    Disbursement d = r.disbursement;
    d.import_id = result.import_id, d.created_by = by, d.created_at = now;
    result.total += d.amount;
    if (d.paid_on > owed_after) updated.insert(d.project_id);
    if (errors.empty()) Write(d);  // nothing more is written once a row is wrong
  }
  bool CheckWindow(const ImportRow& r) {
    const Disbursement& d = r.disbursement;
    Money added = 0;
    if (WindowOf(d.plan_year, d.paid_on) == PaymentWindow::kLateCapital) {
      const auto key = std::make_tuple(d.project_id, d.source_id, d.plan_year);
      auto it = late.find(key);
      if (it == late.end()) {
        if (!(failure = Finish()).ok()) return false;
        auto got = AddedAfterSep30Of(c, d.project_id, d.source_id, d.plan_year);
        if (!got.ok()) return (failure = got.status()).ok();
        it = late.emplace(key, *got).first;
      }
      added = it->second;
    }
    const Status s = CheckPaymentDate(d.plan_year, d.paid_on, added);
    if (s.ok()) return true;
    if (errors.size() < kMaxRowErrors)
      errors.push_back({r.row, std::string(ColumnHeading("paid_on")), s.message()});
    return false;
  }
  void Write(const Disbursement& d) {
    if (!writer) {
      auto opened = OpenDisbursementWriter(c);
      if (!opened.ok()) {
        failure = opened.status();
        return;
      }
      writer = std::move(*opened);
    }
    failure = WriteDisbursement(*writer, d, row);
    ++result.imported;
  }
  // The rows written so far into the table; the connection free for other statements.
  Status Finish() {
    if (!writer) return Status::Ok();
    const Status s = writer->Finish();
    writer.reset();
    return s;
  }
  Status Resolve(Date today) {
    for (int64_t id : updated) DH_RETURN_IF_ERROR(ResolveUpdateReminders(c, id, today, today, now));
    return Status::Ok();
  }
};

// SetBulkCache(false) when the import's transaction ends, whichever way: the connection
// goes back to the pool with SQLite's default cache (a hint: its failure changes nothing).
struct BulkCacheBack {
  db::Connection& c;
  ~BulkCacheBack() { (void)SetBulkCache(c, false); }
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

// One pass: the ledger looked up first (the same file twice is refused before it is read),
// then each row checked and written as it is read, inside one transaction that is rolled
// back when any row is wrong.
Result<ImportResult> InvestmentService::ImportDisbursements(
    const auth::Principal* who, std::string_view bytes, const std::string& content_type,
    const std::string& file_name, sheets::RowErrors* errors, const ImportProgress& progress) {
  if (who && !who->Can(auth::Permission::kInvestmentReport))
    return Status::Forbidden(Say(msg::kCannotImport));
  const std::optional<InvestmentAccess> access = who ? std::optional(AccessOf(*who)) : std::nullopt;
  ImportCodes codes;
  DH_RETURN_IF_ERROR(db::Read(db_, [&](db::Connection& c) {
    return LoadImportCodes(c, access ? &access->report : nullptr, codes);
  }));
  const size_t max_rows = who ? kMaxApiRows : kMaxCliRows;
  const int64_t now = clock_.NowSeconds();
  const std::optional<int64_t> by = who ? std::optional(who->user_id) : std::nullopt;
  const std::string sha256 = Sha256Hex(bytes);
  ImportResult result;
  const Status done = db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(SetBulkCache(c, true));
    const BulkCacheBack back{c};
    result = ImportResult{};
    errors->clear();
    const sheets::ImportRecord record{0, kFeature, 0, sha256, file_name, 0, by, now};
    DH_ASSIGN_OR_RETURN(auto prior, sheets::FindImport(c, kFeature, 0, record.sha256));
    if (prior) return sheets::AlreadyImported(*prior, "giải ngân", "dòng giải ngân");
    DH_ASSIGN_OR_RETURN(result.import_id, sheets::RecordImport(c, record));
    ImportWriter w{c, *errors, progress, result, by, now, OwedMonthEnd(clock_.Today())};
    DH_RETURN_IF_ERROR(StreamDisbursementSheet(bytes, content_type, codes, max_rows, *errors,
                                               [&](const ImportRow& r) { w.Add(r); }));
    if (progress && w.read > 0) progress(w.read, w.read);  // the bar ends at 100 %
    DH_RETURN_IF_ERROR(w.failure);
    sheets::SortByRow(*errors);
    if (!errors->empty()) return InvalidRows(*errors);  // the writer dropped: nothing kept
    DH_RETURN_IF_ERROR(w.Finish());
    DH_RETURN_IF_ERROR(sheets::SetImportRows(c, result.import_id, result.imported));
    DH_RETURN_IF_ERROR(w.Resolve(clock_.Today()));
    return RecordChange(
        c, who,
        {"disbursement.import", "disbursement_import", result.import_id, std::nullopt, nullptr,
         boost::json::object{
             {"file_name", file_name}, {"rows", result.imported}, {"total", result.total}}},
        now);
  });
  if (!done.ok()) return done;
  return result;
}

}  // namespace dh::investment
