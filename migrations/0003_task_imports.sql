-- Tasks imported from Excel or CSV: one row per file imported into a directive, so that
-- the same file is not imported twice (the office re-sending yesterday's sheet).
CREATE TABLE task_imports (
  id {{ID}},
  directive_id BIGINT NOT NULL REFERENCES directives(id),
  sha256 TEXT NOT NULL,            -- of the uploaded bytes, hex
  file_name TEXT NOT NULL,         -- as the client named it; informative only
  tasks INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX task_imports_source ON task_imports(directive_id, sha256);
