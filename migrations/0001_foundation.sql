-- Foundation: units (time-versioned tree and restructuring), users and roles, sessions,
-- API tokens, and the hash-chained audit log. Times are epoch seconds (UTC); dates are
-- 'YYYY-MM-DD' text, which sorts as dates do.

CREATE TABLE units (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  kind TEXT NOT NULL,
  valid_from TEXT NOT NULL,
  valid_to TEXT,
  created_at BIGINT NOT NULL
);

-- Which unit a unit hangs under, and from when to when: the past keeps its structure.
CREATE TABLE unit_parents (
  id {{ID}},
  unit_id BIGINT NOT NULL REFERENCES units(id),
  parent_id BIGINT REFERENCES units(id),
  valid_from TEXT NOT NULL,
  valid_to TEXT
);
CREATE INDEX unit_parents_unit ON unit_parents(unit_id);
CREATE INDEX unit_parents_parent ON unit_parents(parent_id);

CREATE TABLE restructure_events (
  id {{ID}},
  kind TEXT NOT NULL,
  event_date TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE unit_successions (
  event_id BIGINT NOT NULL REFERENCES restructure_events(id),
  predecessor_id BIGINT NOT NULL REFERENCES units(id),
  successor_id BIGINT NOT NULL REFERENCES units(id),
  is_primary INTEGER NOT NULL,
  PRIMARY KEY (event_id, predecessor_id, successor_id)
);
CREATE INDEX unit_successions_successor ON unit_successions(successor_id);

CREATE TABLE users (
  id {{ID}},
  username TEXT NOT NULL UNIQUE,
  full_name TEXT NOT NULL,
  full_name_folded TEXT NOT NULL,
  email TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);

CREATE TABLE user_roles (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  role TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id)
);
CREATE INDEX user_roles_user ON user_roles(user_id);
CREATE INDEX user_roles_unit ON user_roles(unit_id);

-- Session and API tokens are kept only as SHA-256 hashes: a copy of the database does not
-- let anyone log in.
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES users(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE api_tokens (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  expires_at BIGINT NOT NULL,
  revoked_at BIGINT
);

-- Append-only. Each entry carries the hash of the one before; audit_head holds the last,
-- and its row lock serialises writers so the chain never forks.
CREATE TABLE audit_log (
  seq BIGINT PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  entity TEXT NOT NULL,
  entity_id BIGINT,
  unit_id BIGINT,
  before_json TEXT NOT NULL,
  after_json TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);
CREATE INDEX audit_log_user ON audit_log(user_id);
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE audit_head (
  id INTEGER PRIMARY KEY,
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL
);
INSERT INTO audit_head (id, seq, hash) VALUES (1, 0, '');
