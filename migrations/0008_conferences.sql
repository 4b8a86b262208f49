-- Conferences: the drafts under discussion (each with its sections and rounds), the
-- delegates, their opinions and the drafting unit's answers, and the votes. Dates are
-- 'YYYY-MM-DD'; times epoch seconds.

CREATE TABLE conferences (
  id {{ID}},
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  body_unit_id BIGINT NOT NULL REFERENCES units(id),   -- the council or body that holds it
  starts_on TEXT NOT NULL,
  ends_on TEXT NOT NULL,
  place TEXT NOT NULL,
  directive_id BIGINT REFERENCES directives(id),       -- where referred opinions become tasks
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX conferences_body ON conferences(body_unit_id);

CREATE TABLE conference_documents (
  id {{ID}},
  conference_id BIGINT NOT NULL REFERENCES conferences(id),
  title TEXT NOT NULL,
  kind TEXT NOT NULL,                                  -- resolution | decision | other
  drafting_unit_id BIGINT NOT NULL REFERENCES units(id),
  round INTEGER NOT NULL,                              -- the draft's current round, from 1
  answer_due_on TEXT,                                  -- answers to opinions due
  position INTEGER NOT NULL
);
CREATE INDEX conference_documents_conference ON conference_documents(conference_id);
CREATE INDEX conference_documents_drafting ON conference_documents(drafting_unit_id);

CREATE TABLE conference_sections (
  id {{ID}},
  document_id BIGINT NOT NULL REFERENCES conference_documents(id),
  title TEXT NOT NULL,
  position INTEGER NOT NULL
);
CREATE INDEX conference_sections_document ON conference_sections(document_id);

CREATE TABLE conference_delegates (
  id {{ID}},
  conference_id BIGINT NOT NULL REFERENCES conferences(id),
  full_name TEXT NOT NULL,
  name_key TEXT NOT NULL,                              -- folded, for imports
  unit_id BIGINT REFERENCES units(id),
  delegation TEXT NOT NULL,                            -- tổ đại biểu, đoàn, nhóm
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX conference_delegates_name ON conference_delegates(conference_id, name_key, delegation);

CREATE TABLE conference_opinions (
  id {{ID}},
  conference_id BIGINT NOT NULL REFERENCES conferences(id),
  document_id BIGINT NOT NULL REFERENCES conference_documents(id),
  section_id BIGINT REFERENCES conference_sections(id),
  round INTEGER NOT NULL,
  content TEXT NOT NULL,
  speech_no INTEGER,                                   -- one speech may hold several opinions
  merged_into_id BIGINT REFERENCES conference_opinions(id),
  answer_kind TEXT,                                    -- accepted | explained | noted | referred
  answer_text TEXT NOT NULL,
  answer_when_possible INTEGER NOT NULL,
  referred_unit_id BIGINT REFERENCES units(id),
  referred_due_on TEXT,
  task_id BIGINT REFERENCES tasks(id),
  answered_on TEXT,
  answered_by BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX conference_opinions_conference ON conference_opinions(conference_id);
CREATE INDEX conference_opinions_document ON conference_opinions(document_id);

-- Who raised an opinion; a merged opinion names everyone who raised any of its duplicates.
CREATE TABLE conference_opinion_delegates (
  opinion_id BIGINT NOT NULL REFERENCES conference_opinions(id),
  delegate_id BIGINT NOT NULL REFERENCES conference_delegates(id),
  position INTEGER NOT NULL,
  PRIMARY KEY (opinion_id, delegate_id)
);

CREATE TABLE conference_votes (
  id {{ID}},
  conference_id BIGINT NOT NULL REFERENCES conferences(id),
  document_id BIGINT REFERENCES conference_documents(id),
  subject TEXT NOT NULL,
  rule TEXT NOT NULL,                                  -- majority_of_all | two_thirds_of_all
  delegates INTEGER NOT NULL,                          -- all delegates when it was taken
  in_favour INTEGER NOT NULL,
  against INTEGER NOT NULL,
  abstain INTEGER NOT NULL,
  by_delegate INTEGER NOT NULL,                        -- 1: ballots below; 0: totals entered
  passed INTEGER NOT NULL,
  voted_on TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX conference_votes_conference ON conference_votes(conference_id);

CREATE TABLE conference_ballots (
  vote_id BIGINT NOT NULL REFERENCES conference_votes(id),
  delegate_id BIGINT NOT NULL REFERENCES conference_delegates(id),
  choice TEXT NOT NULL,                                -- for | against | abstain
  PRIMARY KEY (vote_id, delegate_id)
);
