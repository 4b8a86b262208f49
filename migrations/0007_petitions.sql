-- Business petitions (kiến nghị doanh nghiệp) and dialogue conferences (hội nghị đối thoại
-- doanh nghiệp). Dates are 'YYYY-MM-DD'; times epoch seconds; timeliness is never stored.

CREATE TABLE petition_sessions (
  id {{ID}},
  title TEXT NOT NULL,
  held_on TEXT NOT NULL,
  host_unit_id BIGINT NOT NULL REFERENCES units(id),
  place TEXT NOT NULL,
  created_by BIGINT,
  created_at BIGINT NOT NULL
);

CREATE TABLE petitions (
  id {{ID}},
  business_unit_id BIGINT NOT NULL REFERENCES units(id),
  title TEXT NOT NULL,
  content TEXT NOT NULL,
  search_folded TEXT NOT NULL,                 -- title and content without diacritics
  category TEXT NOT NULL,
  publishable INTEGER NOT NULL,                -- the business agrees to be named in public
  channel TEXT NOT NULL,                       -- online | paper | conference
  session_id BIGINT REFERENCES petition_sessions(id),
  state TEXT NOT NULL,
  responsible_unit_id BIGINT REFERENCES units(id),
  received_on TEXT,                            -- by the responsible unit
  due_on TEXT,
  forwarded_from_unit_id BIGINT REFERENCES units(id),
  forwarded_on TEXT,
  answer_text TEXT NOT NULL,
  outcome TEXT NOT NULL,                       -- '' | directed | resolved
  answered_by BIGINT,
  approved_by BIGINT,
  answered_on TEXT,
  satisfied INTEGER,                           -- NULL: not rated
  rating_reason TEXT NOT NULL,
  rated_on TEXT,
  reopen_count INTEGER NOT NULL,
  return_reason TEXT NOT NULL,                 -- '' | incomplete | duplicate | outside_authority
  return_note TEXT NOT NULL,
  duplicate_of_id BIGINT REFERENCES petitions(id),
  authority TEXT NOT NULL,
  published INTEGER NOT NULL,
  published_on TEXT,
  task_id BIGINT REFERENCES tasks(id),
  filed_by BIGINT,
  filed_on TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX petitions_business ON petitions(business_unit_id);
CREATE INDEX petitions_responsible ON petitions(responsible_unit_id);
CREATE INDEX petitions_session ON petitions(session_id);
CREATE INDEX petitions_published ON petitions(published);
CREATE INDEX petitions_task ON petitions(task_id);

CREATE TABLE petition_coordinators (
  petition_id BIGINT NOT NULL REFERENCES petitions(id),
  unit_id BIGINT NOT NULL REFERENCES units(id),
  PRIMARY KEY (petition_id, unit_id)
);
CREATE INDEX petition_coordinators_unit ON petition_coordinators(unit_id);

CREATE TABLE petition_events (
  id {{ID}},
  petition_id BIGINT NOT NULL REFERENCES petitions(id),
  kind TEXT NOT NULL,
  happened_on TEXT NOT NULL,
  note TEXT NOT NULL,
  unit_id BIGINT REFERENCES units(id),
  user_id BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX petition_events_petition ON petition_events(petition_id);

-- Answer templates per category: the unit starts from one instead of retyping.
CREATE TABLE petition_templates (
  id {{ID}},
  category TEXT NOT NULL,
  title TEXT NOT NULL,
  body TEXT NOT NULL
);
CREATE INDEX petition_templates_category ON petition_templates(category);
INSERT INTO petition_templates (category, title, body) VALUES
  ('thu_tuc_hanh_chinh', 'Hướng dẫn thủ tục',
   'Căn cứ quy định hiện hành, [đơn vị] hướng dẫn doanh nghiệp thực hiện thủ tục như sau: …'),
  ('dat_dai', 'Trả lời về đất đai',
   'Về kiến nghị liên quan đến đất đai của doanh nghiệp, căn cứ Luật Đất đai 2024, [đơn vị] trả lời như sau: …'),
  ('thue_phi', 'Trả lời về thuế – phí',
   'Về kiến nghị liên quan đến thuế, phí, căn cứ Luật Quản lý thuế, [đơn vị] trả lời như sau: …'),
  ('xay_dung', 'Trả lời về xây dựng',
   'Về kiến nghị liên quan đến cấp phép xây dựng, [đơn vị] trả lời như sau: …'),
  ('dau_tu', 'Trả lời về đầu tư',
   'Về kiến nghị liên quan đến thủ tục đầu tư, căn cứ Luật Đầu tư 2020, [đơn vị] trả lời như sau: …'),
  ('lao_dong', 'Trả lời về lao động',
   'Về kiến nghị liên quan đến lao động, bảo hiểm xã hội, [đơn vị] trả lời như sau: …'),
  ('other', 'Trả lời chung', 'Về kiến nghị của doanh nghiệp, [đơn vị] trả lời như sau: …');
