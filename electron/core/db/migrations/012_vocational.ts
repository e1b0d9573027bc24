/**
 * Vocational training, classes and certificates (issue 12): the trades taught, courses (vocational courses with a trade
 * and level, and the education centre's classes without), enrolment, sessions with attendance, exams with resits,
 * certificates (职业技能等级证书 and older kinds, §6.3/§6.4), academic outcomes (中专), and employment support (job fairs,
 * employer visits, referrals and signed agreements). Never edit once shipped.
 *
 * Conventions as in 010/011: ids are UUID v7 text; every editable row carries `revision` (an edit names the revision it
 * was read at, a stale one is refused); nothing is deleted — rows are voided with who, when and why.
 */
export const sql = /* sql */ `
-- The facility's list of trades (职业/工种) with the occupation code of the 职业分类大典 when known (UNVERIFIED list).
CREATE TABLE trades (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  code TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  UNIQUE (name)
) STRICT;

-- A course: 'vocational' (a trade, a target level 1-5, exams, certificates) or 'education' (法治教育, 禁毒教育 … a class
-- with sessions and attendance only; subject is the class's category).
CREATE TABLE courses (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('vocational', 'education')),
  name TEXT NOT NULL,
  trade_id TEXT REFERENCES trades(id),
  direction TEXT,
  level INTEGER CHECK (level BETWEEN 1 AND 5),
  subject TEXT,
  partner TEXT,
  evaluation_body TEXT,
  teacher TEXT NOT NULL,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL CHECK (end_date >= start_date),
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  place TEXT,
  planned_hours REAL NOT NULL CHECK (planned_hours > 0),
  theory_pass_mark REAL CHECK (theory_pass_mark >= 0),
  practical_pass_mark REAL CHECK (practical_pass_mark >= 0),
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((kind = 'vocational' AND trade_id IS NOT NULL AND level IS NOT NULL)
      OR (kind = 'education' AND trade_id IS NULL AND level IS NULL))
) STRICT;
CREATE INDEX courses_start ON courses(start_date);
CREATE INDEX courses_trade ON courses(trade_id, start_date);

-- One person's place on a course: waiting list, enrolled, withdrawn (with a reason), completed.
CREATE TABLE enrolments (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  status TEXT NOT NULL CHECK (status IN ('waiting', 'enrolled', 'withdrawn', 'completed')),
  applied_on TEXT NOT NULL,
  enrolled_on TEXT,
  ended_on TEXT,
  withdraw_reason TEXT CHECK (withdraw_reason IN ('released', 'transferred', 'medical', 'refused', 'other')),
  withdraw_text TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  CHECK ((status = 'withdrawn') = (withdraw_reason IS NOT NULL)),
  CHECK (withdraw_reason IS NOT 'other' OR withdraw_text IS NOT NULL),
  CHECK (status = 'waiting' OR enrolled_on IS NOT NULL OR status = 'withdrawn'),
  UNIQUE (course_id, person_id)
) STRICT;
CREATE INDEX enrolments_person ON enrolments(person_id, course_id);

-- A class meeting of a course.
CREATE TABLE course_sessions (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses(id),
  session_date TEXT NOT NULL,
  start_time TEXT NOT NULL,
  hours REAL NOT NULL CHECK (hours > 0),
  topic TEXT NOT NULL,
  teacher TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE INDEX course_sessions_course_date ON course_sessions(course_id, session_date, start_time);
CREATE INDEX course_sessions_date ON course_sessions(session_date, start_time);

-- One row per enrolled person and session: present unless marked otherwise; the hours credited.
CREATE TABLE course_attendance (
  session_id TEXT NOT NULL REFERENCES course_sessions(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  status TEXT NOT NULL CHECK (status IN ('present', 'late', 'absent_sick', 'absent_refused', 'excused_activity', 'other')),
  hours REAL NOT NULL CHECK (hours >= 0),
  reason_text TEXT,
  note TEXT,
  CHECK (status IS NOT 'other' OR reason_text IS NOT NULL),
  PRIMARY KEY (session_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX course_attendance_person ON course_attendance(person_id, session_id);

-- Every revision of a session as stored after the change (fields and attendance as JSON).
CREATE TABLE course_session_revisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES course_sessions(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (session_id, revision)
) STRICT;

-- An exam sitting of a vocational course: attempt 1 is the first sitting, 2+ resits. A part not sat has a NULL score.
-- The pass marks are copied from the course at recording time; result is computed by the service.
CREATE TABLE exam_attempts (
  id TEXT PRIMARY KEY,
  course_id TEXT NOT NULL REFERENCES courses(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  attempt INTEGER NOT NULL CHECK (attempt >= 1),
  exam_date TEXT NOT NULL,
  theory_score REAL CHECK (theory_score >= 0),
  practical_score REAL CHECK (practical_score >= 0),
  theory_pass_mark REAL NOT NULL,
  practical_pass_mark REAL NOT NULL,
  result TEXT NOT NULL CHECK (result IN ('passed', 'failed', 'absent')),
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX exam_attempts_live ON exam_attempts(course_id, person_id, attempt) WHERE voided_at IS NULL;
CREATE INDEX exam_attempts_person ON exam_attempts(person_id, exam_date);

-- A certificate held by a person (§6.3): issued from a course here, typed in, or imported. Name, ID type and number are
-- as printed on the certificate; format is what checkCertificateNumber recognised. A live number is unique.
CREATE TABLE certificates (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  course_id TEXT REFERENCES courses(id),
  exam_attempt_id TEXT REFERENCES exam_attempts(id),
  source TEXT NOT NULL CHECK (source IN ('course', 'manual', 'import')),
  number TEXT NOT NULL,
  format TEXT NOT NULL CHECK (format IN ('skill-level-2019', 'special-technician', 'qualification-16', 'shanghai-13')),
  evaluation_body TEXT NOT NULL,
  issued_on TEXT NOT NULL,
  name TEXT NOT NULL,
  id_type TEXT NOT NULL,
  id_number TEXT NOT NULL,
  occupation TEXT NOT NULL,
  occupation_code TEXT,
  direction TEXT,
  level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  import_batch TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE UNIQUE INDEX certificates_number_live ON certificates(number) WHERE voided_at IS NULL;
CREATE INDEX certificates_issued ON certificates(issued_on);
CREATE INDEX certificates_person ON certificates(person_id, issued_on);
CREATE INDEX certificates_course ON certificates(course_id, issued_on);

-- Academic outcomes (学历教育, e.g. 中专): one programme per row, enrolment and (later) graduation.
CREATE TABLE academic_records (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  school TEXT NOT NULL,
  programme TEXT NOT NULL,
  education_level TEXT NOT NULL,
  enrolled_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('studying', 'graduated', 'left')),
  ended_on TEXT CHECK (ended_on IS NULL OR ended_on >= enrolled_on),
  diploma_number TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((status = 'studying') = (ended_on IS NULL))
) STRICT;
CREATE INDEX academic_records_person ON academic_records(person_id, enrolled_on);
CREATE INDEX academic_records_enrolled ON academic_records(enrolled_on);

-- Job fairs and employer visits held at the facility.
CREATE TABLE employment_events (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('job_fair', 'employer_visit')),
  event_date TEXT NOT NULL,
  employer TEXT NOT NULL,
  positions TEXT,
  positions_offered INTEGER CHECK (positions_offered >= 0),
  place TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE INDEX employment_events_date ON employment_events(event_date);

-- A person referred to an employer (at an event or not); the agreement when signed; whether the job was taken after
-- release, filled in later by aftercare ('yes' / 'no', NULL while unknown).
CREATE TABLE employment_referrals (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  event_id TEXT REFERENCES employment_events(id),
  employer TEXT NOT NULL,
  position TEXT,
  referred_on TEXT NOT NULL,
  agreement_signed_on TEXT CHECK (agreement_signed_on IS NULL OR agreement_signed_on >= referred_on),
  job_taken TEXT CHECK (job_taken IN ('yes', 'no')),
  job_taken_recorded_on TEXT,
  outcome_note TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;
CREATE INDEX employment_referrals_person ON employment_referrals(person_id, referred_on);
CREATE INDEX employment_referrals_event ON employment_referrals(event_id);
CREATE INDEX employment_referrals_signed ON employment_referrals(agreement_signed_on) WHERE agreement_signed_on IS NOT NULL;
`
