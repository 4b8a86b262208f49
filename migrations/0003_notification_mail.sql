-- E-mail delivery of notifications: how often sending one failed (a bad address is not
-- retried forever), the daily digest each user was sent, and the lease that lets one
-- process at a time run the notification job when several share the database.

ALTER TABLE notifications ADD COLUMN email_attempts INTEGER NOT NULL DEFAULT 0;
CREATE INDEX notifications_unsent ON notifications(created_at) WHERE emailed_at IS NULL;

CREATE TABLE notification_digests (
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,               -- 'YYYY-MM-DD' in Vietnam
  items INTEGER NOT NULL,
  sent_at BIGINT NOT NULL,
  PRIMARY KEY (user_id, day)
);

CREATE TABLE job_leases (
  name TEXT PRIMARY KEY,
  holder TEXT NOT NULL,
  expires_at BIGINT NOT NULL
);
