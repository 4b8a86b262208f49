#include "db/wal_sync.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace dh::db {
namespace {

Status SysError(const std::string& what, const std::string& path) {
  return Status::Internal("Không ghi bền được cơ sở dữ liệu (" + what + " " + path +
                          "): " + std::strerror(errno));
}

// fsync() of a file or folder by path.
Status SyncPath(const std::string& path, bool folder) {
  const int fd = ::open(path.c_str(), (folder ? O_DIRECTORY : 0) | O_RDONLY | O_CLOEXEC);
  if (fd < 0) return SysError("open", path);
  const int rc = ::fsync(fd);
  Status s = rc == 0 ? Status::Ok() : SysError("fsync", path);
  ::close(fd);
  return s;
}

std::string FolderOf(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  return slash == 0 ? "/" : path.substr(0, slash);
}

}  // namespace

WalSync::WalSync(std::string db_path)
    : db_path_(std::move(db_path)), wal_path_(db_path_ + "-wal") {}

WalSync::~WalSync() {
  if (fd_ >= 0) ::close(fd_);
}

Status WalSync::OpenCurrent() {
  struct stat st;
  if (::stat(wal_path_.c_str(), &st) != 0) {
    if (errno != ENOENT) return SysError("stat", wal_path_);
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    return Status::Ok();
  }
  if (fd_ >= 0 && st.st_dev == dev_ && st.st_ino == ino_) return Status::Ok();
  if (fd_ >= 0) ::close(fd_);
  fd_ = ::open(wal_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd_ < 0) return SysError("open", wal_path_);
  if (::fstat(fd_, &st) != 0) return SysError("fstat", wal_path_);
  dev_ = st.st_dev;
  ino_ = st.st_ino;
  // A new file: its name must survive a power cut as well as its content.
  return SyncPath(FolderOf(wal_path_), true);
}

Status WalSync::Sync() {
  ++syncs_;
  DH_RETURN_IF_ERROR(OpenCurrent());
  if (fd_ < 0) return SyncPath(db_path_, false);  // no WAL: all of it is in the database
  if (::fdatasync(fd_) != 0) return SysError("fdatasync", wal_path_);
  return Status::Ok();
}

}  // namespace dh::db
