// The imports ledger (table sheet_imports), shared by every feature that imports files:
// each file imported, by the SHA-256 of its bytes (core/hash.h), with the feature and the
// target it went into. A feature looks its upload up inside its import's transaction and
// records it there too, so that the same file imported twice changes nothing and says so
// (AlreadyImported), and two imports of one file at once cannot both pass: the second
// record fails on the ledger's unique key. Runs on the caller's connection.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "db/connection.h"

namespace dh::sheets {

struct ImportRecord {
  int64_t id = 0;
  std::string feature;    // "tasks"
  int64_t target_id = 0;  // what the file went into (a directive); 0 when a feature has none
  std::string sha256;     // hex
  std::string file_name;  // as the client named it
  int64_t rows = 0;       // imported
  std::optional<int64_t> created_by;
  int64_t created_at = 0;  // epoch seconds
};

// The earlier import of this file into this target, if any.
Result<std::optional<ImportRecord>> FindImport(db::Connection& c, std::string_view feature,
                                               int64_t target_id, const std::string& sha256);
// UniqueViolation ("file") when this file went into this target before.
Result<int64_t> RecordImport(db::Connection& c, const ImportRecord& r);

// The Conflict ("already_imported", field "file") an import answers with when FindImport
// found the file: "Tệp này đã được nhập vào <into> ngày 15/01/2026 (12 <what>). Không
// nhập lại để tránh trùng <what>."
Status AlreadyImported(const ImportRecord& prior, std::string_view into, std::string_view what);

// In the import's transaction, before writing: AlreadyImported when `upload`'s file
// (feature, target, sha256) was imported before; otherwise records it (its rows as
// given). Either way nothing else is needed for "the same file twice changes nothing".
Status RecordOnce(db::Connection& c, const ImportRecord& upload, std::string_view into,
                  std::string_view what);

// The rows an import brought in, once known: a streamed import records the file before
// its rows are read (they cite the record) and sets the count at the end.
Status SetImportRows(db::Connection& c, int64_t id, int64_t rows);

}  // namespace dh::sheets
