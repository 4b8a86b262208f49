-- Directives and tasks: from a conference's conclusion to every unit's and official's
-- deadline. Dates are 'YYYY-MM-DD'; times epoch seconds. Timeliness is never stored.

CREATE TABLE directives (
  id {{ID}},
  kind TEXT NOT NULL,              -- resolution | conclusion | plan | decision | notice
  number TEXT NOT NULL,            -- "45/TB-UBND"
  issued_on TEXT NOT NULL,
  issuer_unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  title_folded TEXT NOT NULL,
  body TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX directives_number ON directives(issuer_unit_id, number, issued_on);

CREATE TABLE task_groups (
  id {{ID}},
  directive_id BIGINT NOT NULL REFERENCES directives(id),
  parent_id BIGINT REFERENCES task_groups(id),
  title TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX task_groups_directive ON task_groups(directive_id);

CREATE TABLE tasks (
  id {{ID}},
  directive_id BIGINT REFERENCES directives(id),
  group_id BIGINT REFERENCES task_groups(id),
  parent_task_id BIGINT REFERENCES tasks(id),   -- a part delegated from this task
  share_percent INTEGER NOT NULL,               -- of the parent's work (delegated parts)
  title TEXT NOT NULL,
  title_folded TEXT NOT NULL,
  description TEXT NOT NULL,
  lead_unit_id BIGINT NOT NULL REFERENCES units(id),
  assignee_id BIGINT REFERENCES users(id),      -- an official, when passed "to each person"
  output_kind TEXT NOT NULL,                    -- sản phẩm: report, plan, draft_decision, …
  original_deadline TEXT,
  deadline TEXT,
  recurrence TEXT NOT NULL,                     -- '' | monthly:20 | quarterly:15
  is_key INTEGER NOT NULL,
  state TEXT NOT NULL,
  progress_percent INTEGER NOT NULL,            -- rolled up with the parts
  own_progress_percent INTEGER NOT NULL,        -- as the holder last reported it
  finished_on TEXT,                             -- completion submitted (kept when done)
  output_text TEXT NOT NULL,
  last_report_on TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX tasks_lead_unit ON tasks(lead_unit_id);
CREATE INDEX tasks_directive ON tasks(directive_id);
CREATE INDEX tasks_group ON tasks(group_id);
CREATE INDEX tasks_parent ON tasks(parent_task_id);
CREATE INDEX tasks_assignee ON tasks(assignee_id);
CREATE INDEX tasks_deadline ON tasks(deadline);

CREATE TABLE task_coordinators (
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (task_id, unit_id)
);
CREATE INDEX task_coordinators_unit ON task_coordinators(unit_id);

-- Planned share of the work per quarter ("khối lượng, tỷ lệ công việc quý I").
CREATE TABLE task_milestones (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  label TEXT NOT NULL,
  due_on TEXT NOT NULL,
  planned_percent INTEGER NOT NULL
);
CREATE INDEX task_milestones_task ON task_milestones(task_id);

CREATE TABLE task_reports (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  reported_on TEXT NOT NULL,
  percent INTEGER NOT NULL,
  body TEXT NOT NULL,
  user_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX task_reports_task ON task_reports(task_id);

CREATE TABLE task_extensions (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  previous_deadline TEXT,
  requested_deadline TEXT NOT NULL,
  reason TEXT NOT NULL,
  status TEXT NOT NULL,            -- pending | approved | rejected
  requested_by BIGINT,
  requested_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT NOT NULL
);
CREATE INDEX task_extensions_task ON task_extensions(task_id);

CREATE TABLE coordination_requests (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  from_unit_id BIGINT NOT NULL REFERENCES units(id),
  to_unit_id BIGINT NOT NULL REFERENCES units(id),
  body TEXT NOT NULL,
  due_on TEXT NOT NULL,
  answered_on TEXT,
  answer TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX coordination_requests_to ON coordination_requests(to_unit_id);
CREATE INDEX coordination_requests_task ON coordination_requests(task_id);

-- History of a task: submitted, confirmed, returned (with reason), refused, reassigned,
-- passed to a successor unit by a restructuring.
CREATE TABLE task_events (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  kind TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  note TEXT NOT NULL,
  from_unit_id BIGINT,
  to_unit_id BIGINT,
  user_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX task_events_task ON task_events(task_id);

-- Recurring tasks: one row per period done.
CREATE TABLE task_occurrences (
  id {{ID}},
  task_id BIGINT NOT NULL REFERENCES tasks(id),
  deadline TEXT NOT NULL,
  finished_on TEXT NOT NULL,
  note TEXT NOT NULL
);
CREATE INDEX task_occurrences_task ON task_occurrences(task_id);

-- The Prime Minister's yearly day swaps, entered by an admin.
CREATE TABLE calendar_swaps (
  id {{ID}},
  day TEXT NOT NULL UNIQUE,
  working INTEGER NOT NULL,
  name TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE notifications (
  id {{ID}},
  user_id BIGINT NOT NULL REFERENCES users(id),
  kind TEXT NOT NULL,              -- assigned | due_soon | overdue | extension_decided | returned | escalation
  task_id BIGINT REFERENCES tasks(id),
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  dedup_key TEXT NOT NULL UNIQUE,  -- one reminder per task, kind and day
  created_at BIGINT NOT NULL,
  read_at BIGINT,
  emailed_at BIGINT
);
CREATE INDEX notifications_user ON notifications(user_id, created_at);

-- Attachments, content-addressed by SHA-256 (a directive's text, a report's evidence).
CREATE TABLE files (
  sha256 TEXT PRIMARY KEY,
  size BIGINT NOT NULL,
  mime TEXT NOT NULL,
  data {{BLOB}},                   -- in the database (PostgreSQL); NULL when kept in a folder
  created_at BIGINT NOT NULL
);
CREATE TABLE attachments (
  id {{ID}},
  owner_kind TEXT NOT NULL,        -- directive | task_report | task_completion
  owner_id BIGINT NOT NULL,
  sha256 TEXT NOT NULL REFERENCES files(sha256),
  filename TEXT NOT NULL,
  uploaded_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments(owner_kind, owner_id);
