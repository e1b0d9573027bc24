/**
 * Exercise training records (运动戒毒, issue 11): training groups of a ward with their trainer, who belongs to a group
 * over time, sessions with one attendance row per member, and each person's intensity group over time. The list of
 * intensity groups is a facility setting (fitness.intensityGroups); rows store its key. Never edit once shipped.
 */
export const sql = /* sql */ `
-- A ward's training group (e.g. 一中队 中强度组). Its ward is fixed at creation; its name and trainer may change.
CREATE TABLE training_groups (
  id TEXT PRIMARY KEY,
  ward_id TEXT NOT NULL REFERENCES wards(id),
  name TEXT NOT NULL,
  trainer_id TEXT NOT NULL REFERENCES staff(id),
  intensity TEXT,
  note TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  UNIQUE (ward_id, name)
) STRICT;

-- Membership over time: a member on day D when joined_on <= D and (left_on IS NULL or D < left_on).
CREATE TABLE training_members (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES training_groups(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  joined_on TEXT NOT NULL,
  left_on TEXT CHECK (left_on IS NULL OR left_on > joined_on),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  ended_by TEXT REFERENCES staff(id),
  note TEXT
) STRICT;
CREATE INDEX training_members_group ON training_members(group_id, joined_on);
CREATE INDEX training_members_person ON training_members(person_id, joined_on);

-- One training session of a group. ward_id is the group's (fixed), so a ward's sessions by date need no join.
CREATE TABLE training_sessions (
  id TEXT PRIMARY KEY,
  group_id TEXT NOT NULL REFERENCES training_groups(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  session_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  duration_minutes INTEGER NOT NULL CHECK (duration_minutes > 0),
  content TEXT NOT NULL,
  intensity TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE INDEX training_sessions_ward_date ON training_sessions(ward_id, session_date, start_time);
CREATE INDEX training_sessions_group_date ON training_sessions(group_id, session_date, start_time);

-- Every member of the group that day, present unless an exception with its reason was recorded.
CREATE TABLE training_attendance (
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  present INTEGER NOT NULL CHECK (present IN (0, 1)),
  reason TEXT CHECK (reason IN ('sick', 'contraindication', 'legal', 'other')),
  reason_text TEXT,
  note TEXT,
  CHECK ((present = 1 AND reason IS NULL) OR (present = 0 AND reason IS NOT NULL)),
  CHECK (reason IS NOT 'other' OR reason_text IS NOT NULL),
  PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX training_attendance_person ON training_attendance(person_id, session_id);

-- Every revision of a session as stored after the change (fields and attendance as JSON), with who and when.
CREATE TABLE training_session_revisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (session_id, revision)
) STRICT;

-- A person's intensity group from a date on (the newest entry on or before a day applies); kept as history.
CREATE TABLE person_intensity (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  from_date TEXT NOT NULL,
  intensity TEXT NOT NULL,
  note TEXT,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES staff(id)
) STRICT;
CREATE INDEX person_intensity_person ON person_intensity(person_id, from_date, set_at);
`
