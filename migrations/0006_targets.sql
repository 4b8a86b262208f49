-- Targets and indicators (issue 11): the catalogue, the targets of a period and unit as
-- people wrote them, the values units report (estimate or official; submitted, approved or
-- returned, every submission kept), and the explanations leaders ask for. Status is never
-- stored: it is recomputed from the target and the approved values. Periods are text:
-- '2024', '2024-Q2', '2024-06'. Times are epoch seconds, dates 'YYYY-MM-DD'.

CREATE TABLE indicators (
  id {{ID}},
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  name_en TEXT NOT NULL,
  unit_of_measure TEXT NOT NULL,   -- "%", "căn", "tỷ đồng"
  direction TEXT NOT NULL,         -- higher_better | lower_better | in_range
  aggregation TEXT NOT NULL,       -- sum | average | weighted | none
  periodicity TEXT NOT NULL,       -- month | quarter | year
  responsible_unit_id BIGINT NOT NULL REFERENCES units(id),
  group_name TEXT NOT NULL,        -- economy | society | environment | administration | …
  computed TEXT NOT NULL,          -- '' typed by units; else the computed source (computed_source.h)
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX indicators_code ON indicators(code);

CREATE TABLE targets (
  id {{ID}},
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  period TEXT NOT NULL,
  expression TEXT NOT NULL,        -- as typed ("7,5 – 8 %"); '' when given as comparator and values
  comparator TEXT NOT NULL,        -- > | >= | < | <= | = | between
  value_low DOUBLE PRECISION NOT NULL,
  value_high DOUBLE PRECISION,     -- between only
  relative INTEGER NOT NULL,       -- 1: a change against the previous period's official value
  unit_text TEXT NOT NULL,         -- the unit as written after the number
  note TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX targets_key ON targets(indicator_id, unit_id, period);
CREATE INDEX targets_unit ON targets(unit_id);

-- A target split into parts of its period: the share (percent of the target) planned for each.
CREATE TABLE target_splits (
  target_id BIGINT NOT NULL REFERENCES targets(id),
  period TEXT NOT NULL,
  share DOUBLE PRECISION NOT NULL,
  PRIMARY KEY (target_id, period)
);

CREATE TABLE indicator_values (
  id {{ID}},
  indicator_id BIGINT NOT NULL REFERENCES indicators(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  period TEXT NOT NULL,
  kind TEXT NOT NULL,              -- estimate | official
  value DOUBLE PRECISION NOT NULL,
  source TEXT NOT NULL,
  note TEXT NOT NULL,
  state TEXT NOT NULL,             -- submitted | approved | returned
  submitted_by BIGINT,
  submitted_at BIGINT NOT NULL,
  decided_by BIGINT,
  decided_at BIGINT,
  decision_note TEXT NOT NULL
);
CREATE INDEX indicator_values_key ON indicator_values(indicator_id, unit_id, period);
CREATE INDEX indicator_values_state ON indicator_values(state);

CREATE TABLE explanation_requests (
  id {{ID}},
  target_id BIGINT REFERENCES targets(id),
  task_id BIGINT REFERENCES tasks(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),  -- the unit that must explain
  question TEXT NOT NULL,
  due_on TEXT NOT NULL,
  state TEXT NOT NULL,             -- open | answered | accepted
  round INTEGER NOT NULL,          -- 1, then one more for each "ask again"
  asked_by BIGINT,
  asked_at BIGINT NOT NULL,
  causes TEXT NOT NULL,
  measures TEXT NOT NULL,
  expected_value DOUBLE PRECISION,
  expected_on TEXT,
  answered_by BIGINT,
  answered_on TEXT,
  decided_by BIGINT,
  decided_at BIGINT
);
CREATE INDEX explanation_requests_unit ON explanation_requests(unit_id);
CREATE INDEX explanation_requests_target ON explanation_requests(target_id);

-- Every ask, answer, acceptance and new question, in order: the request's history.
CREATE TABLE explanation_events (
  id {{ID}},
  request_id BIGINT NOT NULL REFERENCES explanation_requests(id),
  kind TEXT NOT NULL,              -- asked | answered | accepted | asked_again
  round INTEGER NOT NULL,
  text TEXT NOT NULL,              -- the question, or the causes and measures
  user_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX explanation_events_request ON explanation_events(request_id);
