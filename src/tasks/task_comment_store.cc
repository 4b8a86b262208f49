#include "tasks/task_comment_store.h"

#include "db/table_sql.h"

namespace dh::tasks {
namespace {

const std::string kInsertCommentSql =
    db::InsertReturningIdSql("task_comments", "task_id, kind, body, author_id, created_at");
constexpr char kCommentsOfSql[] =
    "SELECT c.id, c.task_id, c.kind, c.body, c.author_id, u.full_name, c.created_at "
    "FROM task_comments c JOIN users u ON u.id = c.author_id WHERE c.task_id = ? ORDER BY c.id";
constexpr char kDirectionAuthorsSql[] =
    "SELECT DISTINCT author_id FROM task_comments WHERE task_id = ? AND kind = 'direction' "
    "ORDER BY author_id";

}  // namespace

Result<int64_t> InsertComment(db::Connection& c, const TaskComment& t) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kInsertCommentSql,
                                          {t.task_id, t.kind, t.body, t.author_id, t.created_at}));
  return r.Int(0, 0);
}

Result<std::vector<TaskComment>> CommentsOf(db::Connection& c, int64_t task_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kCommentsOfSql, {task_id}));
  std::vector<TaskComment> out;
  for (size_t i = 0; i < r.size(); ++i)
    out.push_back({r.Int(i, 0), r.Int(i, 1), r.Text(i, 2), r.Text(i, 3), r.Int(i, 4), r.Text(i, 5),
                   r.Int(i, 6)});
  return out;
}

Result<std::vector<int64_t>> DirectionAuthors(db::Connection& c, int64_t task_id) {
  DH_ASSIGN_OR_RETURN(db::Rows r, c.Query(kDirectionAuthorsSql, {task_id}));
  std::vector<int64_t> out;
  for (size_t i = 0; i < r.size(); ++i) out.push_back(r.Int(i, 0));
  return out;
}

}  // namespace dh::tasks
