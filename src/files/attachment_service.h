// Use cases on attachments: upload to an object, list an object's files, read one.
// Who may do what is the owning feature's rule, asked through OwnerAccess.
#pragma once

#include <map>
#include <memory>

#include "core/date.h"
#include "db/database.h"
#include "files/attachment.h"
#include "http/principal.h"

namespace dh::files {

// Implemented by each feature that owns attachments (directives and tasks: src/tasks).
class OwnerAccess {
 public:
  virtual ~OwnerAccess() = default;
  // NotFound when `who` may not see the owner; Forbidden when it may see but not attach.
  // Returns the unit that owns the object, for the audit log.
  virtual Result<int64_t> Check(const auth::Principal& who, int64_t owner_id, bool write) = 0;
};

// Where the bytes live: a folder beside the SQLite file, or the database itself (a shared
// PostgreSQL deployment, where every server must see every file).
class BlobStore {
 public:
  virtual ~BlobStore() = default;
  // Inside the upload's transaction. Storing the same content twice is a no-op.
  virtual Status Put(db::Connection& c, const std::string& sha256, std::string_view bytes,
                     const std::string& mime, int64_t now) = 0;
  virtual Result<std::string> Get(db::Connection& c, const std::string& sha256) = 0;
};
std::unique_ptr<BlobStore> FolderBlobStore(std::string dir);
std::unique_ptr<BlobStore> DatabaseBlobStore();

class AttachmentService {
 public:
  AttachmentService(db::Database& db, const Clock& clock, std::unique_ptr<BlobStore> blobs,
                    size_t max_bytes = 20 * 1024 * 1024)
      : db_(db), clock_(clock), blobs_(std::move(blobs)), max_bytes_(max_bytes) {}
  void AddOwner(std::string kind, std::shared_ptr<OwnerAccess> access) {
    owners_[kind] = std::move(access);
  }

  Result<Attachment> Upload(const auth::Principal& who, const std::string& owner_kind,
                            int64_t owner_id, const std::string& filename, std::string_view bytes);
  Result<std::vector<Attachment>> List(const auth::Principal& who, const std::string& owner_kind,
                                       int64_t owner_id);
  // The attachment and its bytes.
  Result<std::pair<Attachment, std::string>> Read(const auth::Principal& who, int64_t id);

 private:
  Result<int64_t> CheckOwner(const auth::Principal& who, const std::string& kind, int64_t id,
                             bool write);
  db::Database& db_;
  const Clock& clock_;
  std::unique_ptr<BlobStore> blobs_;
  size_t max_bytes_;
  std::map<std::string, std::shared_ptr<OwnerAccess>> owners_;
};

}  // namespace dh::files
