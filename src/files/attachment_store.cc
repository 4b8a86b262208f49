#include "files/attachment_store.h"

#include "db/sql_lists.h"

namespace dh::files {
namespace {

constexpr const char* kColumns =
    "SELECT a.id, a.owner_kind, a.owner_id, a.sha256, a.filename, f.size, f.mime, a.uploaded_by, "
    "a.created_at "
    "FROM attachments a JOIN files f ON f.sha256 = a.sha256";
constexpr const char* kOfOwner = " WHERE a.owner_kind = ? AND a.owner_id = ? ORDER BY a.id";
constexpr const char* kById = " WHERE a.id = ?";
constexpr const char* kHasFile = "SELECT 1 FROM files WHERE sha256 = ?";
constexpr const char* kInsertFile =
    "INSERT INTO files (sha256, size, mime, data, created_at) VALUES (?, ?, ?, ?, ?)";
constexpr const char* kFileData = "SELECT data FROM files WHERE sha256 = ?";
constexpr const char* kInsertAttachment =
    "INSERT INTO attachments (owner_kind, owner_id, sha256, filename, uploaded_by, created_at) "
    "VALUES (?, ?, ?, ?, ?, ?) RETURNING id";

Attachment FromRow(const db::Rows& r, size_t i) {
  return {r.Int(i, 0), r.Text(i, 1), r.Int(i, 2),    r.Text(i, 3), r.Text(i, 4),
          r.Int(i, 5), r.Text(i, 6), r.OptInt(i, 7), r.Int(i, 8)};
}

}  // namespace

Status InsertFileRow(db::Connection& c, const std::string& sha, int64_t size,
                     const std::string& mime, db::Value data, int64_t now) {
  DH_ASSIGN_OR_RETURN(db::Rows have, c.Query(kHasFile, {sha}));
  if (!have.empty()) return Status::Ok();
  return c.Exec(kInsertFile, {sha, size, mime, std::move(data), now}).status();
}

Result<std::optional<std::string>> FileData(db::Connection& c, const std::string& sha) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kFileData, {sha}));
  if (r.empty()) return std::optional<std::string>();
  return std::optional<std::string>(r.Text(0, 0));
}

Result<int64_t> InsertAttachment(db::Connection& c, const Attachment& a) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(kInsertAttachment, {a.owner_kind, a.owner_id, a.sha256, a.filename,
                                                  db::OptId(a.uploaded_by), a.created_at}));
  return r.Int(0, 0);
}

Result<std::vector<Attachment>> AttachmentsOf(db::Connection& c, const std::string& owner_kind,
                                              int64_t owner_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r,
                      c.Query(std::string(kColumns) + kOfOwner, {owner_kind, owner_id}));
  return db::ReadRows(r, FromRow);
}

Result<std::optional<Attachment>> FindAttachment(db::Connection& c, int64_t id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(std::string(kColumns) + kById, {id}));
  if (r.empty()) return std::optional<Attachment>();
  return std::optional<Attachment>(FromRow(r, 0));
}

}  // namespace dh::files
