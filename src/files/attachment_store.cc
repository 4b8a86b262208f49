#include "files/attachment_store.h"

#include "db/row_reader.h"
#include "db/sql_lists.h"
#include "db/table_sql.h"

namespace dh::files {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.owner_kind, a.owner_id, a.sha256, a.filename, f.size, f.mime, a.uploaded_by, "
    "a.created_at "
    "FROM attachments a JOIN files f ON f.sha256 = a.sha256";
constexpr const char* kOfOwner = " WHERE a.owner_kind = ? AND a.owner_id = ? ORDER BY a.id";
constexpr const char* kById = " WHERE a.id = ?";
constexpr const char* kHasFile = "SELECT 1 FROM files WHERE sha256 = ?";
const std::string kInsertFile = db::InsertSql("files", "sha256, size, mime, data, created_at");
constexpr const char* kFileData = "SELECT data FROM files WHERE sha256 = ?";
const std::string kInsertAttachment = db::InsertReturningIdSql(
    "attachments", "owner_kind, owner_id, sha256, filename, uploaded_by, created_at");

void Fields(db::RowCursor& row, Attachment& a) {
  row(a.id, a.owner_kind, a.owner_id, a.sha256, a.filename, a.size, a.mime, a.uploaded_by,
      a.created_at);
}

}  // namespace

Status InsertFileRow(db::Connection& c, const std::string& sha, int64_t size,
                     const std::string& mime, db::Value data, int64_t now) {
  DH_ASSIGN_OR_RETURN(db::Rows have, c.Query(kHasFile, {sha}));
  if (!have.empty()) return Status::Ok();
  return c.Exec(kInsertFile, {sha, size, mime, std::move(data), now}).status();
}

Result<std::optional<std::string>> FileData(db::Connection& c, const std::string& sha) {
  return db::ReadOne<std::string>(c, kFileData, {sha});
}

Result<int64_t> InsertAttachment(db::Connection& c, const Attachment& a) {
  return db::ReadInt(
      c, kInsertAttachment,
      {a.owner_kind, a.owner_id, a.sha256, a.filename, db::OptId(a.uploaded_by), a.created_at});
}

Result<std::vector<Attachment>> AttachmentsOf(db::Connection& c, const std::string& owner_kind,
                                              int64_t owner_id) {
  return db::ReadAll<Attachment>(c, std::string(kColumns) + kOfOwner, {owner_kind, owner_id},
                                 Fields);
}

Result<std::optional<Attachment>> FindAttachment(db::Connection& c, int64_t id) {
  return db::ReadOne<Attachment>(c, std::string(kColumns) + kById, {id}, Fields);
}

}  // namespace dh::files
