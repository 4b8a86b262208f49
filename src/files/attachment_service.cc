#include "files/attachment_service.h"

#include <fcntl.h>
#include <unistd.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "audit/recorder.h"
#include "db/read_value.h"
#include "files/attachment_store.h"
#include "files/file_messages.h"

namespace dh::files {
namespace {

class Folder final : public BlobStore {
 public:
  explicit Folder(std::string dir) : dir_(std::move(dir)) {}

  Status Put(db::Connection& c, const std::string& sha, std::string_view bytes,
             const std::string& mime, int64_t now) override {
    namespace fs = std::filesystem;
    const fs::path path = PathOf(sha);
    std::error_code ec;
    if (!fs::exists(path, ec)) {
      fs::create_directories(path.parent_path(), ec);
      // Written whole, flushed to disk, then renamed into place: a crash leaves no half file.
      const fs::path tmp = path.string() + ".tmp" + std::to_string(::getpid());
      const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0640);
      if (fd < 0) return Status::Internal("cannot write " + tmp.string());
      size_t done = 0;
      while (done < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) {
          ::close(fd);
          return Status::Internal("cannot write " + tmp.string());
        }
        done += static_cast<size_t>(n);
      }
      ::fsync(fd);
      ::close(fd);
      fs::rename(tmp, path, ec);
      if (ec) return Status::Internal("cannot store " + path.string() + ": " + ec.message());
    }
    return InsertFileRow(c, sha, static_cast<int64_t>(bytes.size()), mime, db::Value(), now);
  }

  Result<std::string> Get(db::Connection&, const std::string& sha) override {
    std::ifstream in(PathOf(sha), std::ios::binary);
    if (!in) return Status::Internal("attachment content missing: " + sha);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }

 private:
  std::filesystem::path PathOf(const std::string& sha) const {
    return std::filesystem::path(dir_) / sha.substr(0, 2) / sha;
  }
  std::string dir_;
};

class InDatabase final : public BlobStore {
 public:
  Status Put(db::Connection& c, const std::string& sha, std::string_view bytes,
             const std::string& mime, int64_t now) override {
    return InsertFileRow(c, sha, static_cast<int64_t>(bytes.size()), mime,
                         db::Blob{std::string(bytes)}, now);
  }
  Result<std::string> Get(db::Connection& c, const std::string& sha) override {
    DH_ASSIGN_OR_RETURN(auto data, FileData(c, sha));
    if (!data) return Status::Internal("attachment content missing: " + sha);
    return std::move(*data);
  }
};

}  // namespace

std::unique_ptr<BlobStore> FolderBlobStore(std::string dir) {
  return std::make_unique<Folder>(std::move(dir));
}
std::unique_ptr<BlobStore> DatabaseBlobStore() { return std::make_unique<InDatabase>(); }

Result<int64_t> AttachmentService::CheckOwner(const auth::Principal& who, const std::string& kind,
                                              int64_t id, bool write) {
  auto it = owners_.find(kind);
  if (it == owners_.end()) return Status::InvalidInput("owner_kind", Say(msg::kOwnerKind));
  return it->second->Check(who, id, write);
}

Result<Attachment> AttachmentService::Upload(const auth::Principal& who,
                                             const std::string& owner_kind, int64_t owner_id,
                                             const std::string& filename, std::string_view bytes) {
  DH_ASSIGN_OR_RETURN(int64_t unit_id, CheckOwner(who, owner_kind, owner_id, true));
  if (bytes.empty()) return Status::InvalidInput("file", Say(msg::kEmptyFile));
  if (bytes.size() > max_bytes_)
    return Status::PayloadTooLarge(
        Say(msg::kFileTooLarge, {{"max", static_cast<int64_t>(max_bytes_ / (1024 * 1024))}}));
  DH_ASSIGN_OR_RETURN(std::string mime, SniffMime(bytes));
  Attachment a;
  a.owner_kind = owner_kind;
  a.owner_id = owner_id;
  a.sha256 = Sha256Hex(bytes);
  a.filename = CleanFilename(filename);
  a.size = static_cast<int64_t>(bytes.size());
  a.mime = mime;
  a.uploaded_by = who.user_id;
  a.created_at = clock_.NowSeconds();
  DH_RETURN_IF_ERROR(db::InTransaction(db_, [&](db::Connection& c) -> Status {
    DH_RETURN_IF_ERROR(blobs_->Put(c, a.sha256, bytes, a.mime, a.created_at));
    DH_ASSIGN_OR_RETURN(a.id, InsertAttachment(c, a));
    return audit::Record(c, &who,
                         {"attachment.upload", owner_kind, owner_id, unit_id, nullptr,
                          boost::json::object{{"attachment_id", a.id},
                                              {"filename", a.filename},
                                              {"sha256", a.sha256},
                                              {"size", a.size},
                                              {"mime", a.mime}}},
                         a.created_at);
  }));
  return a;
}

Result<std::vector<Attachment>> AttachmentService::List(const auth::Principal& who,
                                                        const std::string& owner_kind,
                                                        int64_t owner_id) {
  DH_RETURN_IF_ERROR(CheckOwner(who, owner_kind, owner_id, false).status());
  return db::ReadValue(db_,
                       [&](db::Connection& c) { return AttachmentsOf(c, owner_kind, owner_id); });
}

Result<std::pair<Attachment, std::string>> AttachmentService::Read(const auth::Principal& who,
                                                                   int64_t id) {
  DH_ASSIGN_OR_RETURN(std::optional<Attachment> a,
                      db::ReadValue(db_, [&](db::Connection& c) { return FindAttachment(c, id); }));
  if (!a) return Status::NotFound(Say(msg::kAttachmentNotFound));
  auto access = CheckOwner(who, a->owner_kind, a->owner_id, false);
  if (!access.ok()) return Status::NotFound(Say(msg::kAttachmentNotFound));
  DH_ASSIGN_OR_RETURN(std::string bytes, db::ReadValue(db_, [&](db::Connection& c) {
                        return blobs_->Get(c, a->sha256);
                      }));
  return std::make_pair(*a, std::move(bytes));
}

}  // namespace dh::files
