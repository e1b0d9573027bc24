/** Psychology: assessments with raw answers and re-scores, flag tasks, counselling sessions, crises, licensed item texts. */
export const sql = /* sql */ `
CREATE TABLE instrument_texts (
  instrument_id TEXT NOT NULL,
  item_number INTEGER NOT NULL CHECK (item_number > 0),
  text_zh TEXT NOT NULL,
  text_en TEXT,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (instrument_id, item_number)
) STRICT;

CREATE TABLE assessments (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  instrument_id TEXT NOT NULL,
  instrument_version TEXT NOT NULL,
  setting TEXT NOT NULL CHECK (setting IN ('admission', 'periodic', 'pre_release', 'on_request')),
  administered_on TEXT NOT NULL,
  administered_by TEXT NOT NULL REFERENCES staff(id),
  answers TEXT NOT NULL,
  incomplete_reason TEXT,
  cutoff_set_id TEXT,
  rounding TEXT NOT NULL,
  result TEXT,
  headline REAL,
  band_id TEXT,
  band_severity INTEGER,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE INDEX assessments_person ON assessments(person_id, administered_on DESC);

CREATE TABLE assessment_rescores (
  id TEXT PRIMARY KEY,
  assessment_id TEXT NOT NULL REFERENCES assessments(id),
  cutoff_set_id TEXT NOT NULL,
  rounding TEXT NOT NULL,
  result TEXT NOT NULL,
  note TEXT,
  rescored_at TEXT NOT NULL,
  rescored_by TEXT NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX assessment_rescores_assessment ON assessment_rescores(assessment_id);

CREATE TABLE psych_tasks (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT REFERENCES wards(id),
  kind TEXT NOT NULL,
  label TEXT NOT NULL,
  assessment_id TEXT REFERENCES assessments(id),
  crisis_id TEXT,
  created_at TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dismissed')),
  handled_at TEXT,
  handled_by TEXT REFERENCES staff(id),
  handled_note TEXT
) STRICT;
CREATE INDEX psych_tasks_open ON psych_tasks(status, ward_id);
CREATE INDEX psych_tasks_person ON psych_tasks(person_id);

CREATE TABLE counselling_sessions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('individual', 'group')),
  session_date TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  counsellor_id TEXT NOT NULL REFERENCES staff(id),
  topic TEXT NOT NULL,
  presenting_issue TEXT NOT NULL,
  intervention TEXT NOT NULL,
  response TEXT NOT NULL,
  risk_observed TEXT,
  plan TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  void_reason TEXT
) STRICT;

CREATE TABLE counselling_participants (
  session_id TEXT NOT NULL REFERENCES counselling_sessions(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (session_id, person_id)
) STRICT;
CREATE INDEX counselling_participants_person ON counselling_participants(person_id);

CREATE TABLE crises (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  risk_level TEXT NOT NULL CHECK (risk_level IN ('low', 'medium', 'high', 'imminent')),
  reason TEXT NOT NULL,
  raised_on TEXT NOT NULL,
  raised_by TEXT NOT NULL REFERENCES staff(id),
  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
  closed_on TEXT,
  closed_by TEXT REFERENCES staff(id),
  outcome TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX crises_person ON crises(person_id, status);

CREATE TABLE crisis_events (
  id TEXT PRIMARY KEY,
  crisis_id TEXT NOT NULL REFERENCES crises(id),
  kind TEXT NOT NULL CHECK (kind IN ('intervention', 'follow_up')),
  event_on TEXT NOT NULL,
  by_staff TEXT NOT NULL REFERENCES staff(id),
  note TEXT NOT NULL,
  next_follow_up TEXT,
  recorded_at TEXT NOT NULL
) STRICT;
CREATE INDEX crisis_events_crisis ON crisis_events(crisis_id, event_on);
`
