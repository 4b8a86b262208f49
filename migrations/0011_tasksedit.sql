-- Issue 9 (tasksedit). A task's own thread: the leader's and the office's directions (ý kiến
-- chỉ đạo, đôn đốc) and the unit's replies, in the order they were written. Cancelled and
-- deleted tasks are states of tasks.state ('cancelled', 'deleted'): no column.
CREATE TABLE task_comments (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,                           -- direction | reply
  body TEXT NOT NULL,
  author_id BIGINT NOT NULL REFERENCES users(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX task_comments_task ON task_comments(task_id, id);
