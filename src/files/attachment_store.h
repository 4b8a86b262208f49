// The attachments' statements (tables files and attachments), on the caller's connection.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "files/attachment.h"

namespace dh::files {

// Adds the content row of `sha` unless it is there already (content-addressed).
Status InsertFileRow(db::Connection& c, const std::string& sha, int64_t size,
                     const std::string& mime, db::Value data, int64_t now);
// The bytes kept in the database for `sha`; nullopt when none.
Result<std::optional<std::string>> FileData(db::Connection& c, const std::string& sha);
// Returns the new attachment's id.
Result<int64_t> InsertAttachment(db::Connection& c, const Attachment& a);
Result<std::vector<Attachment>> AttachmentsOf(db::Connection& c, const std::string& owner_kind,
                                              int64_t owner_id);
Result<std::optional<Attachment>> FindAttachment(db::Connection& c, int64_t id);

}  // namespace dh::files
