-- The imports ledger of every feature (src/sheets/import_ledger.h): which file, by the
-- SHA-256 of its bytes, went into what, so that importing the same file twice changes
-- nothing and says so. One table for tasks, disbursements, indicators …; task_imports'
-- rows move here as feature 'tasks', their directive as the target.
CREATE TABLE sheet_imports (
  id {{ID}},
  feature TEXT NOT NULL,           -- 'tasks', …
  target_id BIGINT NOT NULL,       -- what the file went into (a directive); 0 for none
  sha256 TEXT NOT NULL,            -- of the uploaded bytes, hex
  file_name TEXT NOT NULL,         -- as the client named it; informative only
  row_count INTEGER NOT NULL,      -- rows imported
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX sheet_imports_source ON sheet_imports(feature, target_id, sha256);
INSERT INTO sheet_imports (feature, target_id, sha256, file_name, row_count, created_by,
                           created_at)
  SELECT 'tasks', directive_id, sha256, file_name, tasks, created_by, created_at
  FROM task_imports;
DROP TABLE task_imports;
