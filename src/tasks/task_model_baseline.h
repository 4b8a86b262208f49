// The read model's load before rows were streamed (db/row_stream.h): every batch read into
// db::Rows (a Value per cell), then into the columns. Kept for the bench's ratio
// (bench/task_board.cc), not used by the server.
#pragma once

#include "db/connection.h"
#include "tasks/task_model_store.h"

namespace dh::tasks {

// As ForEachModelRow, through db::Rows.
Status ForEachModelRowThroughRows(db::Connection& c, const ModelRowVisitor& visit);

}  // namespace dh::tasks
