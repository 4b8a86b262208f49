-- Public investment (issue 10): capital sources, projects, medium-term and annual plans
-- (annual plans as a history of versions), disbursement, commitments, the city's target
-- trajectory, plan adjustments, key-project milestones, progress updates, bottlenecks (tasks
-- linked to a project) and inspections. Money is integer đồng; dates 'YYYY-MM-DD'; rates
-- in basis points (9500 = 95 %); times epoch seconds. Rates and timeliness are never stored.

-- Nguồn vốn: central budget (domestic, foreign loans), local budget (concentrated capital,
-- land-use revenue, lottery, bonds …). A tree; seeded below, editable.
CREATE TABLE capital_sources (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  parent_id BIGINT REFERENCES capital_sources(id),
  level TEXT NOT NULL,             -- central | local
  position INTEGER NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX capital_sources_parent ON capital_sources(parent_id);

INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  VALUES ('NSTW', 'Ngân sách trung ương', NULL, 'central', 1, 0);
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  VALUES ('NSDP', 'Ngân sách địa phương', NULL, 'local', 2, 0);
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSTW-TN', 'Vốn trong nước', id, 'central', 1, 0 FROM capital_sources
  WHERE code = 'NSTW';
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSTW-NN', 'Vốn nước ngoài (ODA, vay ưu đãi)', id, 'central', 2, 0
  FROM capital_sources WHERE code = 'NSTW';
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSDP-TT', 'Vốn cân đối ngân sách địa phương (vốn tập trung)', id, 'local', 1, 0
  FROM capital_sources WHERE code = 'NSDP';
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSDP-SDD', 'Thu tiền sử dụng đất', id, 'local', 2, 0 FROM capital_sources
  WHERE code = 'NSDP';
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSDP-XS', 'Thu xổ số kiến thiết', id, 'local', 3, 0 FROM capital_sources
  WHERE code = 'NSDP';
INSERT INTO capital_sources (code, name, parent_id, level, position, created_at)
  SELECT 'NSDP-TP', 'Bội chi, trái phiếu chính quyền địa phương', id, 'local', 4, 0
  FROM capital_sources WHERE code = 'NSDP';

-- Dự án đầu tư công. investor_id: the investor (chủ đầu tư, a unit); managing_unit_id: the
-- department that manages the sector (sở quản lý chuyên ngành).
CREATE TABLE projects (
  id {{ID}},
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  name_folded TEXT NOT NULL,
  investor_id BIGINT NOT NULL REFERENCES units(id),
  managing_unit_id BIGINT REFERENCES units(id),
  sector TEXT NOT NULL,            -- transport | urban | education | health | … (free code)
  project_group TEXT NOT NULL,     -- national | A | B | C
  is_key INTEGER NOT NULL,
  total_investment BIGINT NOT NULL,
  approval_number TEXT NOT NULL,   -- decision approving the investment ("1234/QĐ-UBND")
  approval_date TEXT,
  start_year INTEGER NOT NULL,
  end_year INTEGER NOT NULL,
  is_new INTEGER NOT NULL,         -- 1 new (khởi công mới), 0 continuing (chuyển tiếp)
  status TEXT NOT NULL,            -- preparing | in_progress | completed | suspended
  physical_percent INTEGER NOT NULL,    -- khối lượng thực hiện, 0–100, last reported
  progress_updated_on TEXT,        -- when the investor last reported physical progress
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX projects_investor ON projects(investor_id);
CREATE INDEX projects_managing ON projects(managing_unit_id);

-- Where a project is (địa điểm): one or more units (districts, wards).
CREATE TABLE project_locations (
  project_id BIGINT NOT NULL REFERENCES projects(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (project_id, unit_id)
);
CREATE INDEX project_locations_unit ON project_locations(unit_id);

-- Kế hoạch đầu tư công trung hạn: the five-year ceiling per project and source.
CREATE TABLE medium_term_plans (
  id {{ID}},
  period TEXT NOT NULL,            -- '2021-2025' | '2026-2030'
  project_id BIGINT NOT NULL REFERENCES projects(id),
  source_id BIGINT NOT NULL REFERENCES capital_sources(id),
  amount BIGINT NOT NULL,
  decision_number TEXT NOT NULL,
  decision_date TEXT,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX medium_term_plans_key ON medium_term_plans(period, project_id, source_id);
CREATE INDEX medium_term_plans_project ON medium_term_plans(project_id);

-- Điều chỉnh kế hoạch: one decision moving capital between projects (its moves below).
CREATE TABLE plan_adjustments (
  id {{ID}},
  year INTEGER NOT NULL,
  basis TEXT NOT NULL,             -- prime_minister | council
  decision_number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  note TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX plan_adjustments_year ON plan_adjustments(year);

CREATE TABLE plan_adjustment_moves (
  id {{ID}},
  adjustment_id BIGINT NOT NULL REFERENCES plan_adjustments(id),
  from_project_id BIGINT NOT NULL REFERENCES projects(id),
  to_project_id BIGINT NOT NULL REFERENCES projects(id),
  source_id BIGINT NOT NULL REFERENCES capital_sources(id),
  amount BIGINT NOT NULL           -- > 0, moved from → to
);
CREATE INDEX plan_adjustment_moves_adjustment ON plan_adjustment_moves(adjustment_id);

-- Kế hoạch vốn năm, as a history of versions. Each version is a CHANGE to the plan of
-- (year, project, source, basis): initial (giao đầu năm, > 0), adjustment (+ or −; those of
-- a plan adjustment cite it), carry_over (vốn năm trước kéo dài, > 0). The plan is the sum of
-- the versions (investment/plan_rules.h). added_after_sep30: an increase decided after 30/09
-- of the year, which may be spent until 31/12 of the next year and is shown apart.
CREATE TABLE annual_plan_versions (
  id {{ID}},
  year INTEGER NOT NULL,
  project_id BIGINT NOT NULL REFERENCES projects(id),
  source_id BIGINT NOT NULL REFERENCES capital_sources(id),
  basis TEXT NOT NULL,             -- prime_minister | council
  version_kind TEXT NOT NULL,      -- initial | adjustment | carry_over
  amount BIGINT NOT NULL,
  decision_number TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  adjustment_id BIGINT REFERENCES plan_adjustments(id),
  added_after_sep30 INTEGER NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX annual_plan_versions_key ON annual_plan_versions(year, project_id, source_id);
CREATE INDEX annual_plan_versions_project ON annual_plan_versions(project_id);
CREATE INDEX annual_plan_versions_adjustment ON annual_plan_versions(adjustment_id);

-- Giải ngân: money paid by the Treasury against a year's plan. import_id: the file it came
-- from (sheet_imports, feature 'disbursements'); NULL when entered by hand.
CREATE TABLE disbursements (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  source_id BIGINT NOT NULL REFERENCES capital_sources(id),
  plan_year INTEGER NOT NULL,
  paid_on TEXT NOT NULL,
  amount BIGINT NOT NULL,
  import_id BIGINT,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX disbursements_project ON disbursements(project_id, plan_year);
CREATE INDEX disbursements_year ON disbursements(plan_year);
CREATE INDEX disbursements_import ON disbursements(import_id);

-- Cam kết giải ngân: what the investor promises to pay in each month of a year.
CREATE TABLE disbursement_commitments (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  year INTEGER NOT NULL,
  month INTEGER NOT NULL,          -- 1–12
  amount BIGINT NOT NULL,          -- to be paid in that month (not cumulative)
  created_by BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX disbursement_commitments_key ON disbursement_commitments(project_id, year, month);

-- The city's target trajectory per year: 30/06 → 4000, 30/09 → 6500, 31/12 → 9500 (bp).
CREATE TABLE disbursement_milestones (
  id {{ID}},
  year INTEGER NOT NULL,
  due_on TEXT NOT NULL,
  rate_bp INTEGER NOT NULL,
  updated_by BIGINT,
  updated_at BIGINT NOT NULL
);
CREATE UNIQUE INDEX disbursement_milestones_key ON disbursement_milestones(year, due_on);

-- Key projects' milestones (mốc tiến độ): planned, then reached.
CREATE TABLE project_milestones (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  label TEXT NOT NULL,
  due_on TEXT NOT NULL,
  done_on TEXT,
  position INTEGER NOT NULL
);
CREATE INDEX project_milestones_project ON project_milestones(project_id);

-- The investor's reports of physical progress (and of disbursement, when it reports none
-- through the Treasury file): the reminders of TT 13/2016 read the latest.
CREATE TABLE project_progress_updates (
  id {{ID}},
  project_id BIGINT NOT NULL REFERENCES projects(id),
  reported_on TEXT NOT NULL,
  physical_percent INTEGER NOT NULL,
  note TEXT NOT NULL,
  user_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX project_progress_updates_project ON project_progress_updates(project_id);

-- Đoàn kiểm tra: an inspection plan and its visits to investors or projects.
CREATE TABLE inspection_plans (
  id {{ID}},
  year INTEGER NOT NULL,
  title TEXT NOT NULL,
  decision_number TEXT NOT NULL,
  lead_unit_id BIGINT NOT NULL REFERENCES units(id),
  created_by BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE inspections (
  id {{ID}},
  plan_id BIGINT NOT NULL REFERENCES inspection_plans(id),
  investor_id BIGINT NOT NULL REFERENCES units(id),
  project_id BIGINT REFERENCES projects(id),    -- NULL: the investor as a whole
  planned_on TEXT NOT NULL,
  visited_on TEXT,
  findings TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX inspections_plan ON inspections(plan_id);
CREATE INDEX inspections_investor ON inspections(investor_id);

-- Tasks linked to a project: a bottleneck (điểm nghẽn) IS a task — its responsible unit,
-- deadline, extensions, reminders and timeliness are the task's — with its category and
-- whether its cause is within the administration's own control; an inspection's
-- recommendation (kiến nghị) is a task too, citing the inspection.
CREATE TABLE project_tasks (
  task_id BIGINT PRIMARY KEY REFERENCES tasks(id),
  project_id BIGINT REFERENCES projects(id),    -- NULL: a recommendation to an investor
  kind TEXT NOT NULL,              -- bottleneck | inspection_recommendation
  category TEXT NOT NULL,          -- site_clearance | procedures | capital | contractor |
                                   -- materials | planning | other; '' for recommendations
  within_own_control INTEGER NOT NULL,
  inspection_id BIGINT REFERENCES inspections(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX project_tasks_project ON project_tasks(project_id);
CREATE INDEX project_tasks_inspection ON project_tasks(inspection_id);
