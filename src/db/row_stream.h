// Rows read in place (issue 8's load aim): db::QueryEach shows each row of a statement to a
// visitor as the driver holds it, without building db::Rows (no Value per cell, nothing
// copied), so a read model loading a million rows reads them straight into its columns.
// Both backends stream (they implement RowStreaming); any other Connection goes through
// Query.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

#include "db/connection.h"

namespace dh::db {

// One row of a result. Valid during the visit only.
class RowView {
 public:
  virtual ~RowView() = default;
  virtual bool IsNull(int col) const = 0;
  virtual int64_t Int(int col) const = 0;            // 0 for NULL or text that is no number
  virtual std::string_view Text(int col) const = 0;  // "" for NULL
};
// Sees one row; an error stops the statement and is returned by QueryEach.
using RowVisitor = std::function<Status(const RowView&)>;

// What a backend implements beside Connection to stream its rows.
class RowStreaming {
 public:
  virtual ~RowStreaming() = default;
  virtual Status QueryEach(std::string_view sql, const Params& params, const RowVisitor& visit) = 0;
};

// Runs one statement and shows each row to `visit` as it is read.
Status QueryEach(Connection& c, std::string_view sql, const Params& params,
                 const RowVisitor& visit);

}  // namespace dh::db
