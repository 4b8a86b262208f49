#include "sheets/import_ledger.h"

#include "core/date.h"
#include "sheets/sheet_messages.h"

namespace dh::sheets {

Status AlreadyImported(const ImportRecord& prior, std::string_view into, std::string_view what) {
  const Date day = VietnamDateOf(prior.created_at);
  return Status::Conflict(Say(msg::kAlreadyImported, {{"into", Label{std::string(into), ""}},
                                                      {"date", day.ToVietnamese()},
                                                      {"n", prior.rows},
                                                      {"what", Label{std::string(what), ""}}}),
                          "already_imported", "file");
}

Status RecordOnce(db::Connection& c, const ImportRecord& upload, std::string_view into,
                  std::string_view what) {
  DH_ASSIGN_OR_RETURN(auto prior, FindImport(c, upload.feature, upload.target_id, upload.sha256));
  if (prior) return AlreadyImported(*prior, into, what);
  auto id = RecordImport(c, upload);
  if (!id.ok() && id.status().code() == StatusCode::kUniqueViolation)
    return Status::Conflict(Say(msg::kJustImported, {{"into", Label{std::string(into), ""}}}),
                            "already_imported", "file");
  return id.status();
}

}  // namespace dh::sheets
