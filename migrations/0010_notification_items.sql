-- Notifications name the item they are about by kind and id ('task', 'project', 'petition',
-- 'target', 'explanation', 'opinion' …), not only by task id, so every feature can notify
-- through the one outbox (notifications/outbox.h). The task_id rows move to kind 'task';
-- the column stays (SQLite cannot drop a column used in a foreign key) and is no longer
-- written. resolved_at marks a notice about something already dealt with (a completion
-- confirmed, an extension decided, a coordination answered): the bell shows only what
-- still waits on its reader.
ALTER TABLE notifications ADD COLUMN item_kind TEXT;
ALTER TABLE notifications ADD COLUMN item_id BIGINT;
ALTER TABLE notifications ADD COLUMN resolved_at BIGINT;
UPDATE notifications SET item_kind = 'task', item_id = task_id WHERE task_id IS NOT NULL;
UPDATE notifications SET task_id = NULL WHERE task_id IS NOT NULL;
CREATE INDEX notifications_item ON notifications(item_kind, item_id);
