// Parts of an OOXML package (a ZIP): opened over the upload's bytes without copying,
// read in chunks and bounded, whatever the ZIP's headers claim. Internal to src/sheets/
// and src/documents/; no feature knowledge.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "core/status.h"

struct zip;

namespace dh::sheets {

class ZipPackage {
 public:
  // InvalidInput `not_zip` when the bytes are not a ZIP or hold more than
  // `max_entries` entries. `bytes` must outlive the package.
  static Result<ZipPackage> Open(std::string_view bytes, size_t max_entries);
  ZipPackage(ZipPackage&&) noexcept;
  ~ZipPackage();

  bool Has(const std::string& name) const;
  // Whole part up to `limit` bytes (PayloadTooLarge past it); nullopt when absent.
  Result<std::optional<std::string>> Read(const std::string& name, size_t limit) const;
  // Calls `sink` with successive chunks, stopping at the first error it returns;
  // PayloadTooLarge past `limit` bytes; NotFound when absent.
  Status Stream(const std::string& name, size_t limit,
                const std::function<Status(std::string_view)>& sink) const;
  // Names of all entries.
  std::vector<std::string> Names() const;

 private:
  explicit ZipPackage(zip* z) : z_(z) {}
  struct Closer {
    void operator()(zip* z) const;
  };
  std::unique_ptr<zip, Closer> z_;
};

}  // namespace dh::sheets
