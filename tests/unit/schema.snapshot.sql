-- Schema at user_version 24. Generated; regenerate deliberately with:
-- UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/schema.test.ts

-- table academic_records
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

-- table assessment_rescores
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

-- table assessments
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

-- table audit_log
CREATE TABLE audit_log (
  seq INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor_id TEXT,
  actor_name TEXT,
  method TEXT NOT NULL,
  record_type TEXT,
  record_id TEXT,
  detail TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
) STRICT;

-- table certificates
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

-- table conduct_entries
CREATE TABLE conduct_entries (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  kind TEXT NOT NULL CHECK (kind IN ('reward', 'sanction')),
  category TEXT NOT NULL,
  -- Signed: a reward adds, a sanction subtracts.
  points INTEGER NOT NULL,
  on_date TEXT NOT NULL,
  reason TEXT NOT NULL,
  approved_by TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((kind = 'reward' AND points >= 0) OR (kind = 'sanction' AND points <= 0))
) STRICT;

-- table config_versions
CREATE TABLE config_versions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES staff(id),
  UNIQUE (kind, version)
) STRICT;

-- table counselling_participants
CREATE TABLE counselling_participants (
  session_id TEXT NOT NULL REFERENCES counselling_sessions(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (session_id, person_id)
) STRICT;

-- table counselling_session_revisions
CREATE TABLE counselling_session_revisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES counselling_sessions(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  change_note TEXT,
  UNIQUE (session_id, revision)
) STRICT;

-- table counselling_sessions
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
  , revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0), voided_by TEXT REFERENCES staff(id)) STRICT;

-- table course_attendance
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

-- table course_figure_pairs
CREATE TABLE course_figure_pairs (
  course_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  status TEXT NOT NULL,
  withdraw_reason TEXT,
  best INTEGER CHECK (best IN (0, 1, 2)),
  certified INTEGER NOT NULL CHECK (certified IN (0, 1)),
  PRIMARY KEY (course_id, person_id)
) STRICT, WITHOUT ROWID;

-- table course_session_revisions
CREATE TABLE course_session_revisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES course_sessions(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (session_id, revision)
) STRICT;

-- table course_sessions
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

-- table courses
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

-- table crises
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

-- table crisis_events
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

-- table diag_assessments
CREATE TABLE diag_assessments (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  point TEXT NOT NULL CHECK (point IN ('admission', 'detox', 'stage', 'one_year', 'pre_expiry')),
  stage_period TEXT CHECK (stage_period IN ('detox', 'education', 'rehabilitation', 'return')),
  assessed_on TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('draft', 'final')),
  template_id TEXT NOT NULL,
  template_version INTEGER NOT NULL CHECK (template_version > 0),
  -- Component results as scored: JSON [{id, applies, points, maxPoints, result}].
  components TEXT NOT NULL CHECK (json_valid(components)),
  overall_pass INTEGER CHECK (overall_pass IN (0, 1)),
  social TEXT CHECK (social IN ('good', 'fair')),
  recommendation TEXT NOT NULL CHECK (recommendation IN ('on_time_release', 'propose_early_release', 'propose_extension', 'community_rehab', 'none')),
  assessors TEXT NOT NULL,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;

-- table diag_evidence_requests
CREATE TABLE diag_evidence_requests (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  assessment_id TEXT NOT NULL REFERENCES diag_assessments(id),
  component TEXT NOT NULL,
  item_id TEXT NOT NULL,
  evidence_kind TEXT NOT NULL,
  requested_on TEXT NOT NULL,
  closed_at TEXT,
  closed_by TEXT REFERENCES staff(id),
  closed_note TEXT,
  UNIQUE (assessment_id, component, item_id)
) STRICT;

-- table diag_item_results
CREATE TABLE diag_item_results (
  assessment_id TEXT NOT NULL REFERENCES diag_assessments(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  component TEXT NOT NULL CHECK (component IN ('detox', 'rehab', 'behaviour', 'social')),
  item_id TEXT NOT NULL,
  points INTEGER CHECK (points >= 0),
  suggested INTEGER CHECK (suggested >= 0),
  evidence_kind TEXT CHECK (evidence_kind IN ('manual', 'knowledge', 'psych', 'fitness', 'attendance', 'certificate', 'conduct')),
  evidence_record_type TEXT,
  evidence_record_id TEXT,
  evidence_on TEXT,
  evidence_summary TEXT,
  evidence_met INTEGER CHECK (evidence_met IN (0, 1)),
  note TEXT,
  PRIMARY KEY (assessment_id, revision, component, item_id)
) STRICT, WITHOUT ROWID;

-- table due_exemptions
CREATE TABLE due_exemptions (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  rule TEXT NOT NULL,
  occurrence TEXT NOT NULL,
  reason TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  created_at TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;

-- table due_summary
CREATE TABLE due_summary (
  person_id TEXT PRIMARY KEY,
  -- A new random number on every change of the row: readers keep rows they have parsed until it changes.
  stamp INTEGER NOT NULL,
  ward_id TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name TEXT NOT NULL,
  id_number TEXT NOT NULL,
  admission_date TEXT NOT NULL,
  period TEXT,
  period_since TEXT,
  last_day TEXT,
  decision_date TEXT NOT NULL,
  early_release_bar TEXT,
  screenings TEXT NOT NULL,
  fitness TEXT NOT NULL,
  entries TEXT NOT NULL,
  terms TEXT NOT NULL,
  flag_tasks TEXT NOT NULL,
  open_tasks INTEGER NOT NULL,
  crises TEXT NOT NULL,
  diag TEXT NOT NULL,
  evidence TEXT NOT NULL,
  talks TEXT NOT NULL,
  measures TEXT NOT NULL
) STRICT;

-- table employment_events
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

-- table employment_referrals
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

-- table enrolments
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

-- table exam_attempts
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

-- table family_visits
CREATE TABLE family_visits (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  on_date TEXT NOT NULL,
  visitor TEXT NOT NULL,
  relation TEXT,
  kind TEXT NOT NULL,
  minutes INTEGER CHECK (minutes IS NULL OR minutes > 0),
  officer TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;

-- table file_reopenings
CREATE TABLE file_reopenings (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  reason TEXT NOT NULL,
  opened_at TEXT NOT NULL,
  opened_by TEXT NOT NULL REFERENCES staff(id),
  closed_at TEXT,
  closed_by TEXT REFERENCES staff(id),
  close_note TEXT
) STRICT;

-- table fitness_contraindications
CREATE TABLE fitness_contraindications (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL,
  items TEXT NOT NULL CHECK (json_valid(items)),
  reason TEXT NOT NULL,
  from_date TEXT NOT NULL,
  until_date TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (until_date IS NULL OR until_date >= from_date)
) STRICT;

-- table fitness_drafts
CREATE TABLE fitness_drafts (
  id TEXT PRIMARY KEY,
  ward_id TEXT NOT NULL REFERENCES wards(id),
  test_date TEXT NOT NULL,
  standard_id TEXT NOT NULL,
  payload TEXT NOT NULL CHECK (json_valid(payload)),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  closed_at TEXT,
  closed_by TEXT REFERENCES staff(id),
  close_reason TEXT CHECK (close_reason IN ('saved', 'discarded'))
) STRICT;

-- table fitness_gradings
CREATE TABLE fitness_gradings (
  id TEXT PRIMARY KEY,
  test_id TEXT NOT NULL REFERENCES fitness_tests(id),
  standard_id TEXT NOT NULL,
  standard_version TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('original', 'regrade')),
  covered INTEGER NOT NULL CHECK (covered IN (0, 1)),
  total REAL,
  grade TEXT CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
  grade_withheld TEXT CHECK (grade_withheld IN ('missing', 'zero', 'exempt', 'age_outside', 'sex_outside')),
  -- The engine's whole answer (points per item, applicable, missing, exempt, zero, age band) as JSON.
  result TEXT NOT NULL CHECK (json_valid(result)),
  graded_at TEXT NOT NULL,
  graded_by TEXT NOT NULL REFERENCES staff(id),
  note TEXT,
  -- Set when an edit of the measurements graded the test again: the earlier grading is kept, no longer current.
  superseded_at TEXT
) STRICT;

-- table fitness_measurements
CREATE TABLE fitness_measurements (
  test_id TEXT NOT NULL REFERENCES fitness_tests(id),
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (test_id, measure)
) STRICT, WITHOUT ROWID;

-- table fitness_test_revisions
CREATE TABLE fitness_test_revisions (
  id TEXT PRIMARY KEY,
  test_id TEXT NOT NULL REFERENCES fitness_tests(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  measurements TEXT NOT NULL CHECK (json_valid(measurements)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  change_note TEXT,
  UNIQUE (test_id, revision)
) STRICT;

-- table fitness_tests
CREATE TABLE fitness_tests (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  -- The ward the person was in on the test date (ward history), so a ward's test days stay its own after a move.
  ward_id TEXT NOT NULL REFERENCES wards(id),
  test_date TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  age INTEGER NOT NULL CHECK (age >= 0),
  standard_id TEXT NOT NULL,
  -- Items a contraindication active on the test date excluded (JSON array): exempt, not missing.
  exempt_items TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(exempt_items)),
  -- The current original grading's total and grade, copied here for ward lists (fitness_gradings holds every grading).
  total REAL,
  grade TEXT CHECK (grade IN ('excellent', 'good', 'pass', 'fail')),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;

-- table followup_contacts
CREATE TABLE followup_contacts (
  id TEXT PRIMARY KEY,
  release_id TEXT NOT NULL REFERENCES releases(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  slot_id TEXT REFERENCES followup_slots(id),
  contact_on TEXT NOT NULL,
  method TEXT NOT NULL CHECK (method IN ('visit', 'phone', 'station', 'family')),
  reached INTEGER NOT NULL CHECK (reached IN (0, 1)),
  status TEXT CHECK (status IN ('abstinent', 'relapsed', 'in_custody', 'deceased', 'lost_contact')),
  employment TEXT CHECK (employment IN ('employed', 'unemployed', 'unknown')),
  employer TEXT,
  help TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(help)),
  station_id TEXT REFERENCES guidance_stations(id),
  staff TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  -- Reached ⇒ one of the four reached statuses; not reached ⇒ none or lost contact.
  CHECK ((reached = 1 AND status IN ('abstinent', 'relapsed', 'in_custody', 'deceased')) OR (reached = 0 AND (status IS NULL OR status = 'lost_contact')))
) STRICT;

-- table followup_outcomes
CREATE TABLE followup_outcomes (
  release_id TEXT PRIMARY KEY REFERENCES releases(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  plan_version TEXT NOT NULL,
  status TEXT CHECK (status IN ('abstinent', 'relapsed', 'in_custody', 'deceased', 'lost_contact')),
  status_on TEXT,
  status_contact_id TEXT,
  last_contact_on TEXT,
  contacts INTEGER NOT NULL DEFAULT 0,
  voided_at TEXT,
  CHECK ((status IS NULL) = (status_on IS NULL))
) STRICT, WITHOUT ROWID;

-- table followup_slots
CREATE TABLE followup_slots (
  id TEXT PRIMARY KEY,
  release_id TEXT NOT NULL REFERENCES releases(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  seq INTEGER NOT NULL CHECK (seq >= 1),
  kind TEXT NOT NULL CHECK (kind IN ('release_day', 'first_week', 'periodic')),
  -- The contact is due on due_on; listed from window_from; missed (no longer listed) after window_to.
  due_on TEXT NOT NULL,
  window_from TEXT NOT NULL,
  window_to TEXT NOT NULL,
  contact_id TEXT,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (window_from <= due_on AND due_on <= window_to)
) STRICT;

-- table guidance_stations
CREATE TABLE guidance_stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  kind TEXT NOT NULL CHECK (kind IN ('station', 'community', 'other')),
  region TEXT NOT NULL,
  address TEXT,
  contact_name TEXT,
  contact_phone TEXT,
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  retired_at TEXT,
  retired_by TEXT REFERENCES staff(id),
  retire_reason TEXT
) STRICT;

-- table handover_sheets
CREATE TABLE handover_sheets (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  release_id TEXT REFERENCES releases(id),
  sections TEXT NOT NULL CHECK (json_valid(sections)),
  recipient TEXT,
  risk_notes TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  prepared_at TEXT NOT NULL,
  prepared_by TEXT NOT NULL REFERENCES staff(id),
  reviewed_at TEXT,
  reviewed_by TEXT REFERENCES staff(id),
  review_note TEXT,
  reviewed_revision INTEGER,
  print_count INTEGER NOT NULL DEFAULT 0 CHECK (print_count >= 0),
  last_printed_at TEXT,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((reviewed_at IS NULL) = (reviewed_revision IS NULL))
) STRICT;

-- table instrument_texts
CREATE TABLE instrument_texts (
  instrument_id TEXT NOT NULL,
  item_number INTEGER NOT NULL CHECK (item_number > 0),
  text_zh TEXT NOT NULL,
  text_en TEXT,
  loaded_at TEXT NOT NULL,
  loaded_by TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (instrument_id, item_number)
) STRICT;

-- table knowledge_answers
CREATE TABLE knowledge_answers (
  attempt_id TEXT NOT NULL REFERENCES knowledge_attempts(id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 100),
  chosen TEXT NOT NULL CHECK (json_valid(chosen)),
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  PRIMARY KEY (attempt_id, position)
) STRICT, WITHOUT ROWID;

-- table knowledge_attempts
CREATE TABLE knowledge_attempts (
  id TEXT PRIMARY KEY,
  paper_id TEXT NOT NULL REFERENCES knowledge_papers(id),
  person_id TEXT NOT NULL REFERENCES people(id),
  mode TEXT NOT NULL CHECK (mode IN ('kiosk', 'paper')),
  status TEXT NOT NULL CHECK (status IN ('open', 'submitted')),
  started_at TEXT NOT NULL,
  submitted_at TEXT,
  answered_on TEXT NOT NULL,
  score REAL CHECK (score BETWEEN 0 AND 100),
  max_score REAL NOT NULL DEFAULT 100,
  passed INTEGER CHECK (passed IN (0, 1)),
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((status = 'submitted') = (submitted_at IS NOT NULL AND score IS NOT NULL AND passed IS NOT NULL))
) STRICT;

-- table knowledge_item_revisions
CREATE TABLE knowledge_item_revisions (
  item_id TEXT NOT NULL REFERENCES knowledge_items(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (item_id, revision)
) STRICT, WITHOUT ROWID;

-- table knowledge_item_tags
CREATE TABLE knowledge_item_tags (
  item_id TEXT NOT NULL REFERENCES knowledge_items(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) STRICT, WITHOUT ROWID;

-- table knowledge_items
CREATE TABLE knowledge_items (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL CHECK (kind IN ('single', 'multiple')),
  stem TEXT NOT NULL CHECK (length(stem) BETWEEN 1 AND 500),
  options TEXT NOT NULL CHECK (json_valid(options) AND json_array_length(options) BETWEEN 2 AND 8),
  answer TEXT NOT NULL CHECK (json_valid(answer) AND json_array_length(answer) >= 1),
  explanation TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (kind = 'multiple' OR json_array_length(answer) = 1),
  CHECK (kind = 'single' OR json_array_length(answer) >= 2)
) STRICT;

-- table knowledge_paper_items
CREATE TABLE knowledge_paper_items (
  paper_id TEXT NOT NULL REFERENCES knowledge_papers(id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 100),
  item_id TEXT NOT NULL,
  item_revision INTEGER NOT NULL,
  points INTEGER NOT NULL DEFAULT 1 CHECK (points BETWEEN 1 AND 100),
  PRIMARY KEY (paper_id, position),
  FOREIGN KEY (item_id, item_revision) REFERENCES knowledge_item_revisions(item_id, revision)
) STRICT, WITHOUT ROWID;

-- table knowledge_papers
CREATE TABLE knowledge_papers (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  purpose TEXT NOT NULL,
  pass_mark REAL NOT NULL DEFAULT 60 CHECK (pass_mark BETWEEN 0 AND 100),
  method TEXT NOT NULL CHECK (method IN ('drawn', 'picked')),
  draw_spec TEXT CHECK (draw_spec IS NULL OR json_valid(draw_spec)),
  seed INTEGER,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((method = 'drawn') = (draw_spec IS NOT NULL AND seed IS NOT NULL))
) STRICT;

-- table outside_medical_visits
CREATE TABLE outside_medical_visits (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  hospital TEXT NOT NULL,
  -- Local date and time 'YYYY-MM-DDTHH:mm'; back_at NULL while the person is out.
  out_at TEXT NOT NULL,
  back_at TEXT,
  reason TEXT NOT NULL,
  escort TEXT,
  outcome TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (back_at IS NULL OR back_at >= out_at)
) STRICT;

-- table package_imports
CREATE TABLE package_imports (
  -- The package's own id (its manifest's packageId), not a new one.
  id TEXT PRIMARY KEY,
  sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
  facility_name TEXT,
  package_created_at TEXT NOT NULL,
  schema_version INTEGER NOT NULL CHECK (schema_version > 0),
  imported_at TEXT NOT NULL,
  imported_by TEXT REFERENCES staff(id),
  report TEXT NOT NULL CHECK (json_valid(report))
) STRICT;

-- table people
CREATE TABLE people (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  name_pinyin TEXT NOT NULL,
  name_initials TEXT NOT NULL,
  sex TEXT NOT NULL CHECK (sex IN ('M', 'F')),
  ethnicity TEXT NOT NULL,
  birth_date TEXT NOT NULL,
  id_number TEXT NOT NULL,
  household_address TEXT NOT NULL,
  decision_organ TEXT NOT NULL,
  decision_doc_no TEXT NOT NULL,
  decision_date TEXT NOT NULL,
  admission_date TEXT NOT NULL,
  emergency_contact_name TEXT,
  emergency_contact_relation TEXT,
  emergency_contact_phone TEXT,
  ward_id TEXT REFERENCES wards(id),
  period TEXT CHECK (period IN ('detox', 'education', 'rehabilitation', 'return')),
  period_since TEXT,
  last_day TEXT,
  early_release_bar TEXT,
  revision INTEGER NOT NULL DEFAULT 1,
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
  , early_release_on TEXT) STRICT;

-- table period_moves
CREATE TABLE period_moves (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  from_period TEXT,
  to_period TEXT NOT NULL CHECK (to_period IN ('detox', 'education', 'rehabilitation', 'return')),
  effective_date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  note TEXT,
  correction INTEGER NOT NULL DEFAULT 0 CHECK (correction IN (0, 1))
  , period_template_version INTEGER CHECK (period_template_version > 0)) STRICT;

-- table person_intensity
CREATE TABLE person_intensity (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  from_date TEXT NOT NULL,
  intensity TEXT NOT NULL,
  note TEXT,
  set_at TEXT NOT NULL,
  set_by TEXT NOT NULL REFERENCES staff(id)
) STRICT;

-- table person_revisions
CREATE TABLE person_revisions (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  revision INTEGER NOT NULL,
  data TEXT NOT NULL,
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  change_note TEXT,
  UNIQUE (person_id, revision)
) STRICT;

-- table person_search_terms
CREATE TABLE person_search_terms (
  in_facility INTEGER NOT NULL CHECK (in_facility IN (0, 1)),
  whole INTEGER NOT NULL CHECK (whole IN (0, 1)),
  term TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (in_facility, whole, term, sort_key, person_id)
) STRICT, WITHOUT ROWID;

-- table psych_tasks
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

-- table releases
CREATE TABLE releases (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('on_time', 'early', 'community_conversion', 'transfer', 'medical', 'death')),
  status TEXT NOT NULL CHECK (status IN ('planned', 'released')),
  -- The planned day while planned; the day the person left once released.
  release_date TEXT NOT NULL,
  -- Where the person was when they left (statistics by ward and period); set on confirmation.
  from_ward_id TEXT REFERENCES wards(id),
  from_period TEXT CHECK (from_period IN ('detox', 'education', 'rehabilitation', 'return')),
  -- The checklist ([L2 §34]: the deciding organ notified before release, the certificate, the family notified).
  organ_notified_on TEXT,
  certificate_no TEXT,
  family_notified_on TEXT,
  collected_by TEXT,
  -- 责令社区康复 ([L1 §48]: ordered by the deciding organ, at most 3 years) and who receives the person.
  community_rehab INTEGER NOT NULL DEFAULT 0 CHECK (community_rehab IN (0, 1)),
  community_rehab_months INTEGER CHECK (community_rehab_months BETWEEN 1 AND 36),
  community_rehab_doc_no TEXT,
  station_id TEXT REFERENCES guidance_stations(id),
  receiving_community TEXT,
  file_handed_over_on TEXT,
  file_handed_to TEXT,
  details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details)),
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  created_at TEXT NOT NULL,
  created_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  released_at TEXT,
  released_by TEXT REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK ((status = 'released') = (released_at IS NOT NULL))
) STRICT;

-- table search_positions
CREATE TABLE search_positions (n INTEGER PRIMARY KEY) STRICT;

-- table settings
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

-- table staff
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL CHECK (role IN ('admin', 'counsellor', 'trainer', 'vocational', 'ward_officer')),
  ward_id TEXT REFERENCES wards(id),
  password_hash TEXT NOT NULL,
  password_salt TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until TEXT,
  last_login_at TEXT,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)) STRICT;

-- table staff_wards
CREATE TABLE staff_wards (
  staff_id TEXT NOT NULL REFERENCES staff(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  PRIMARY KEY (staff_id, ward_id)
) STRICT, WITHOUT ROWID;

-- table term_events
CREATE TABLE term_events (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  kind TEXT NOT NULL CHECK (kind IN ('extension', 'escape')),
  months INTEGER,
  from_date TEXT,
  to_date TEXT,
  doc_no TEXT,
  note TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT, approval_date TEXT CHECK (approval_date IS NULL OR kind = 'extension'),
  CHECK ((kind = 'extension' AND months BETWEEN 1 AND 12) OR (kind = 'escape' AND from_date IS NOT NULL))
) STRICT;

-- table term_proposals
CREATE TABLE term_proposals (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  assessment_id TEXT REFERENCES diag_assessments(id),
  kind TEXT NOT NULL CHECK (kind IN ('early_release', 'extension', 'community_rehab')),
  proposed_on TEXT NOT NULL,
  months INTEGER CHECK (months BETWEEN 1 AND 36),
  proposed_date TEXT,
  deciding_organ TEXT NOT NULL,
  decision_date TEXT,
  outcome TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'approved', 'rejected')),
  document_number TEXT,
  term_event_id TEXT REFERENCES term_events(id),
  note TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (outcome = 'pending' OR decision_date IS NOT NULL)
) STRICT;

-- table trades
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

-- table training_attendance
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

-- table training_groups
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

-- table training_members
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

-- table training_session_revisions
CREATE TABLE training_session_revisions (
  id TEXT PRIMARY KEY,
  session_id TEXT NOT NULL REFERENCES training_sessions(id),
  revision INTEGER NOT NULL CHECK (revision > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  UNIQUE (session_id, revision)
) STRICT;

-- table training_sessions
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

-- table ward_assignments
CREATE TABLE ward_assignments (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  start_date TEXT NOT NULL,
  end_date TEXT,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  note TEXT
) STRICT;

-- table ward_daily_logs
CREATE TABLE ward_daily_logs (
  id TEXT PRIMARY KEY,
  ward_id TEXT NOT NULL REFERENCES wards(id),
  log_date TEXT NOT NULL,
  -- The day's counts as computed when the log was saved (JSON), so the printed log shows what was signed.
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  incidents TEXT,
  visits_summary TEXT,
  notes TEXT,
  on_duty TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT
) STRICT;

-- table ward_talks
CREATE TABLE ward_talks (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  kind TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled')),
  planned_on TEXT,
  done_on TEXT,
  staff TEXT,
  place TEXT,
  summary TEXT,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (planned_on IS NOT NULL OR done_on IS NOT NULL),
  CHECK (status <> 'done' OR done_on IS NOT NULL)
) STRICT;

-- table wards
CREATE TABLE wards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  note TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
  , revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1)) STRICT;

-- table watch_measures
CREATE TABLE watch_measures (
  id TEXT PRIMARY KEY,
  person_id TEXT NOT NULL REFERENCES people(id),
  ward_id TEXT NOT NULL REFERENCES wards(id),
  kind TEXT NOT NULL,
  crisis_id TEXT REFERENCES crises(id),
  start_on TEXT NOT NULL,
  end_on TEXT,
  review_on TEXT,
  staff TEXT,
  reason TEXT NOT NULL,
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT,
  CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;

-- index academic_records_enrolled
CREATE INDEX academic_records_enrolled ON academic_records(enrolled_on);

-- index academic_records_person
CREATE INDEX academic_records_person ON academic_records(person_id, enrolled_on);

-- index assessment_rescores_assessment
CREATE INDEX assessment_rescores_assessment ON assessment_rescores(assessment_id);

-- index assessments_person
CREATE INDEX assessments_person ON assessments(person_id, administered_on DESC);

-- index assessments_person_complete
CREATE INDEX assessments_person_complete ON assessments (person_id, administered_on, recorded_at, instrument_id, voided_at, incomplete_reason)
  WHERE voided_at IS NULL AND incomplete_reason IS NULL;

-- index assessments_person_instrument
CREATE INDEX assessments_person_instrument ON assessments(person_id, instrument_id, voided_at, administered_on, recorded_at, incomplete_reason);

-- index audit_actor_at
CREATE INDEX audit_actor_at ON audit_log(actor_id, at);

-- index audit_at
CREATE INDEX audit_at ON audit_log(at);

-- index audit_method_at
CREATE INDEX audit_method_at ON audit_log(method, at);

-- index audit_record_at
CREATE INDEX audit_record_at ON audit_log(record_type, record_id, at);

-- index certificates_body
CREATE INDEX certificates_body ON certificates(evaluation_body, issued_on);

-- index certificates_course
CREATE INDEX certificates_course ON certificates(course_id, issued_on);

-- index certificates_issued
CREATE INDEX certificates_issued ON certificates(issued_on);

-- index certificates_live_totals
CREATE INDEX certificates_live_totals ON certificates(issued_on, level, person_id, course_id, occupation, evaluation_body, voided_at) WHERE voided_at IS NULL;

-- index certificates_number_live
CREATE UNIQUE INDEX certificates_number_live ON certificates(number) WHERE voided_at IS NULL;

-- index certificates_occupation
CREATE INDEX certificates_occupation ON certificates(occupation, issued_on);

-- index certificates_person
CREATE INDEX certificates_person ON certificates(person_id, issued_on);

-- index conduct_entries_person
CREATE INDEX conduct_entries_person ON conduct_entries(person_id, on_date, voided_at, kind, points);

-- index conduct_entries_ward_date
CREATE INDEX conduct_entries_ward_date ON conduct_entries(ward_id, on_date) WHERE voided_at IS NULL;

-- index counselling_participants_person
CREATE INDEX counselling_participants_person ON counselling_participants(person_id);

-- index course_attendance_person
CREATE INDEX course_attendance_person ON course_attendance(person_id, session_id);

-- index course_sessions_course_date
CREATE INDEX course_sessions_course_date ON course_sessions(course_id, session_date, start_time);

-- index course_sessions_date
CREATE INDEX course_sessions_date ON course_sessions(session_date, start_time);

-- index courses_start
CREATE INDEX courses_start ON courses(start_date);

-- index courses_trade
CREATE INDEX courses_trade ON courses(trade_id, start_date);

-- index crises_person
CREATE INDEX crises_person ON crises(person_id, status);

-- index crises_status
CREATE INDEX crises_status ON crises(status, raised_on);

-- index crisis_events_crisis
CREATE INDEX crisis_events_crisis ON crisis_events(crisis_id, event_on);

-- index diag_assessments_person_due
CREATE INDEX diag_assessments_person_due ON diag_assessments (person_id, point, assessed_on, status, stage_period, id, voided_at) WHERE voided_at IS NULL;

-- index diag_assessments_person_point
CREATE INDEX diag_assessments_person_point ON diag_assessments (person_id, point, assessed_on);

-- index diag_assessments_point_recent
CREATE INDEX diag_assessments_point_recent ON diag_assessments (point, assessed_on DESC) WHERE voided_at IS NULL;

-- index diag_assessments_recent
CREATE INDEX diag_assessments_recent ON diag_assessments (voided_at, assessed_on DESC, id);

-- index diag_assessments_status_recent
CREATE INDEX diag_assessments_status_recent ON diag_assessments (status, assessed_on DESC) WHERE voided_at IS NULL;

-- index diag_evidence_requests_open
CREATE INDEX diag_evidence_requests_open ON diag_evidence_requests (person_id, requested_on) WHERE closed_at IS NULL;

-- index due_exemptions_live
CREATE UNIQUE INDEX due_exemptions_live ON due_exemptions (person_id, rule, occurrence) WHERE voided_at IS NULL;

-- index due_summary_ward
CREATE INDEX due_summary_ward ON due_summary (ward_id, name_pinyin, person_id, stamp);

-- index employment_events_date
CREATE INDEX employment_events_date ON employment_events(event_date);

-- index employment_referrals_event
CREATE INDEX employment_referrals_event ON employment_referrals(event_id);

-- index employment_referrals_person
CREATE INDEX employment_referrals_person ON employment_referrals(person_id, referred_on);

-- index employment_referrals_signed
CREATE INDEX employment_referrals_signed ON employment_referrals(agreement_signed_on) WHERE agreement_signed_on IS NOT NULL;

-- index enrolments_person
CREATE INDEX enrolments_person ON enrolments(person_id, course_id);

-- index exam_attempts_live
CREATE UNIQUE INDEX exam_attempts_live ON exam_attempts(course_id, person_id, attempt) WHERE voided_at IS NULL;

-- index exam_attempts_person
CREATE INDEX exam_attempts_person ON exam_attempts(person_id, exam_date);

-- index family_visits_person
CREATE INDEX family_visits_person ON family_visits(person_id, on_date);

-- index family_visits_ward_date
CREATE INDEX family_visits_ward_date ON family_visits(ward_id, on_date) WHERE voided_at IS NULL;

-- index file_reopenings_open
CREATE UNIQUE INDEX file_reopenings_open ON file_reopenings (person_id) WHERE closed_at IS NULL;

-- index file_reopenings_person
CREATE INDEX file_reopenings_person ON file_reopenings (person_id, opened_at);

-- index fitness_contraindications_person
CREATE INDEX fitness_contraindications_person ON fitness_contraindications(person_id, from_date);

-- index fitness_drafts_open
CREATE UNIQUE INDEX fitness_drafts_open ON fitness_drafts(ward_id, test_date) WHERE closed_at IS NULL;

-- index fitness_gradings_test
CREATE INDEX fitness_gradings_test ON fitness_gradings(test_id, superseded_at);

-- index fitness_tests_person_date
CREATE UNIQUE INDEX fitness_tests_person_date ON fitness_tests(person_id, test_date, ifnull(voided_at, ''));

-- index fitness_tests_person_latest
CREATE INDEX fitness_tests_person_latest ON fitness_tests (person_id, test_date, grade, voided_at) WHERE voided_at IS NULL;

-- index fitness_tests_ward_date
CREATE INDEX fitness_tests_ward_date ON fitness_tests(ward_id, voided_at, test_date, grade);

-- index followup_contacts_person
CREATE INDEX followup_contacts_person ON followup_contacts (person_id, contact_on);

-- index followup_contacts_release
CREATE INDEX followup_contacts_release ON followup_contacts (release_id, contact_on, recorded_at) WHERE voided_at IS NULL;

-- index followup_contacts_station
CREATE INDEX followup_contacts_station ON followup_contacts (station_id, contact_on) WHERE station_id IS NOT NULL;

-- index followup_slots_open
CREATE INDEX followup_slots_open ON followup_slots (window_to, window_from, due_on, release_id) WHERE contact_id IS NULL AND voided_at IS NULL;

-- index followup_slots_person
CREATE INDEX followup_slots_person ON followup_slots (person_id, seq);

-- index followup_slots_release
CREATE UNIQUE INDEX followup_slots_release ON followup_slots (release_id, seq) WHERE voided_at IS NULL;

-- index guidance_stations_name_live
CREATE UNIQUE INDEX guidance_stations_name_live ON guidance_stations (name) WHERE retired_at IS NULL;

-- index handover_sheets_person_live
CREATE UNIQUE INDEX handover_sheets_person_live ON handover_sheets (person_id) WHERE voided_at IS NULL;

-- index knowledge_attempts_paper
CREATE INDEX knowledge_attempts_paper ON knowledge_attempts(paper_id, started_at);

-- index knowledge_attempts_person
CREATE INDEX knowledge_attempts_person ON knowledge_attempts(person_id, started_at);

-- index knowledge_attempts_started
CREATE INDEX knowledge_attempts_started ON knowledge_attempts(started_at);

-- index knowledge_item_tags_tag
CREATE INDEX knowledge_item_tags_tag ON knowledge_item_tags(tag, item_id);

-- index knowledge_items_created
CREATE INDEX knowledge_items_created ON knowledge_items(created_at);

-- index knowledge_paper_items_item
CREATE INDEX knowledge_paper_items_item ON knowledge_paper_items(item_id);

-- index knowledge_papers_created
CREATE INDEX knowledge_papers_created ON knowledge_papers(created_at);

-- index outside_medical_visits_person
CREATE INDEX outside_medical_visits_person ON outside_medical_visits(person_id, out_at);

-- index outside_medical_visits_ward_back
CREATE INDEX outside_medical_visits_ward_back ON outside_medical_visits(ward_id, back_at) WHERE voided_at IS NULL;

-- index outside_medical_visits_ward_out
CREATE INDEX outside_medical_visits_ward_out ON outside_medical_visits(ward_id, out_at) WHERE voided_at IS NULL;

-- index people_id_number_live
CREATE UNIQUE INDEX people_id_number_live ON people(id_number) WHERE voided_at IS NULL;

-- index people_initials
CREATE INDEX people_initials ON people(name_initials);

-- index people_live_admission
CREATE INDEX people_live_admission ON people (admission_date, ward_id, id, voided_at) WHERE voided_at IS NULL;

-- index people_live_decision
CREATE INDEX people_live_decision ON people(decision_date, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_last_day
CREATE INDEX people_live_last_day ON people(last_day IS NULL, last_day, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_last_day_desc
CREATE INDEX people_live_last_day_desc ON people(last_day IS NOT NULL, last_day, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_name
CREATE INDEX people_live_name ON people(name_pinyin, name, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_period
CREATE INDEX people_live_period ON people(CASE period WHEN 'detox' THEN 1 WHEN 'education' THEN 2 WHEN 'rehabilitation' THEN 3 WHEN 'return' THEN 4 ELSE 5 END, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_period_since
CREATE INDEX people_live_period_since ON people(period_since IS NULL, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_live_period_since_desc
CREATE INDEX people_live_period_since_desc ON people(period_since IS NOT NULL, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- index people_name
CREATE INDEX people_name ON people(name);

-- index people_pinyin
CREATE INDEX people_pinyin ON people(name_pinyin);

-- index people_voided
CREATE INDEX people_voided ON people(voided_at, id) WHERE voided_at IS NOT NULL;

-- index people_ward
CREATE INDEX people_ward ON people(ward_id, voided_at);

-- index people_ward_period
CREATE INDEX people_ward_period ON people(ward_id, period, voided_at) WHERE voided_at IS NULL;

-- index period_moves_person
CREATE INDEX period_moves_person ON period_moves(person_id, recorded_at);

-- index period_moves_person_entry
CREATE INDEX period_moves_person_entry ON period_moves (person_id, to_period, effective_date);

-- index person_intensity_person
CREATE INDEX person_intensity_person ON person_intensity(person_id, from_date, set_at);

-- index person_search_terms_person
CREATE INDEX person_search_terms_person ON person_search_terms(person_id, term);

-- index psych_tasks_flag_handled
CREATE INDEX psych_tasks_flag_handled ON psych_tasks (handled_at, person_id) WHERE assessment_id IS NOT NULL AND status IN ('done', 'dismissed');

-- index psych_tasks_open
CREATE INDEX psych_tasks_open ON psych_tasks(status, ward_id);

-- index psych_tasks_person
CREATE INDEX psych_tasks_person ON psych_tasks(person_id);

-- index psych_tasks_person_status
CREATE INDEX psych_tasks_person_status ON psych_tasks(person_id, status, created_at);

-- index releases_date
CREATE INDEX releases_date ON releases (status, release_date, kind, from_ward_id, person_id) WHERE voided_at IS NULL;

-- index releases_person_live
CREATE UNIQUE INDEX releases_person_live ON releases (person_id) WHERE voided_at IS NULL;

-- index releases_person_voided
CREATE INDEX releases_person_voided ON releases (person_id, voided_at) WHERE voided_at IS NOT NULL;

-- index releases_station
CREATE INDEX releases_station ON releases (station_id) WHERE station_id IS NOT NULL;

-- index term_events_person
CREATE INDEX term_events_person ON term_events(person_id);

-- index term_proposals_person
CREATE INDEX term_proposals_person ON term_proposals (person_id, proposed_on);

-- index training_attendance_person
CREATE INDEX training_attendance_person ON training_attendance(person_id, session_id);

-- index training_members_group
CREATE INDEX training_members_group ON training_members(group_id, joined_on);

-- index training_members_person
CREATE INDEX training_members_person ON training_members(person_id, joined_on);

-- index training_sessions_group_date
CREATE INDEX training_sessions_group_date ON training_sessions(group_id, session_date, start_time);

-- index training_sessions_ward_date
CREATE INDEX training_sessions_ward_date ON training_sessions(ward_id, session_date, start_time);

-- index ward_assignments_person
CREATE INDEX ward_assignments_person ON ward_assignments(person_id, start_date);

-- index ward_assignments_ward
CREATE INDEX ward_assignments_ward ON ward_assignments(ward_id, end_date, start_date, person_id);

-- index ward_assignments_ward_start
CREATE INDEX ward_assignments_ward_start ON ward_assignments(ward_id, start_date);

-- index ward_daily_logs_live
CREATE UNIQUE INDEX ward_daily_logs_live ON ward_daily_logs(ward_id, log_date) WHERE voided_at IS NULL;

-- index ward_talks_done_from_plan
CREATE INDEX ward_talks_done_from_plan ON ward_talks (done_on, person_id) WHERE voided_at IS NULL AND status = 'done' AND planned_on IS NOT NULL;

-- index ward_talks_person
CREATE INDEX ward_talks_person ON ward_talks(person_id, kind, status);

-- index ward_talks_person_due
CREATE INDEX ward_talks_person_due ON ward_talks (person_id, status, kind, planned_on, done_on, id, voided_at) WHERE voided_at IS NULL;

-- index ward_talks_ward_done
CREATE INDEX ward_talks_ward_done ON ward_talks(ward_id, done_on) WHERE voided_at IS NULL;

-- index ward_talks_ward_planned
CREATE INDEX ward_talks_ward_planned ON ward_talks(ward_id, planned_on) WHERE voided_at IS NULL;

-- index watch_measures_person
CREATE INDEX watch_measures_person ON watch_measures(person_id, start_on);

-- index watch_measures_ward
CREATE INDEX watch_measures_ward ON watch_measures(ward_id, end_on, start_on) WHERE voided_at IS NULL;

-- trigger audit_log_no_delete
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger audit_log_no_update
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;

-- trigger certificates_figures_delete
CREATE TRIGGER certificates_figures_delete AFTER DELETE ON certificates WHEN OLD.course_id IS NOT NULL BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger certificates_figures_insert
CREATE TRIGGER certificates_figures_insert AFTER INSERT ON certificates WHEN NEW.course_id IS NOT NULL BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger certificates_figures_update
CREATE TRIGGER certificates_figures_update AFTER UPDATE ON certificates BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger due_summary_assessments_delete
CREATE TRIGGER due_summary_assessments_delete AFTER DELETE ON assessments BEGIN
  UPDATE due_summary SET stamp = random(), screenings = (SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
  SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
  FROM assessments c INDEXED BY assessments_person_complete
  WHERE c.person_id = due_summary.person_id AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_assessments_insert
CREATE TRIGGER due_summary_assessments_insert AFTER INSERT ON assessments BEGIN
  UPDATE due_summary SET stamp = random(), screenings = (SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
  SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
  FROM assessments c INDEXED BY assessments_person_complete
  WHERE c.person_id = due_summary.person_id AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_assessments_update
CREATE TRIGGER due_summary_assessments_update AFTER UPDATE ON assessments WHEN NEW.person_id IS NOT OLD.person_id OR NEW.instrument_id IS NOT OLD.instrument_id OR NEW.administered_on IS NOT OLD.administered_on OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.voided_at IS NOT OLD.voided_at OR NEW.incomplete_reason IS NOT OLD.incomplete_reason BEGIN
  UPDATE due_summary SET stamp = random(), screenings = (SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
  SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
  FROM assessments c INDEXED BY assessments_person_complete
  WHERE c.person_id = due_summary.person_id AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_crises_delete
CREATE TRIGGER due_summary_crises_delete AFTER DELETE ON crises BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_crises_insert
CREATE TRIGGER due_summary_crises_insert AFTER INSERT ON crises BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_crises_update
CREATE TRIGGER due_summary_crises_update AFTER UPDATE ON crises WHEN NEW.person_id IS NOT OLD.person_id OR NEW.status IS NOT OLD.status OR NEW.raised_on IS NOT OLD.raised_on BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_crisis_events_delete
CREATE TRIGGER due_summary_crisis_events_delete AFTER DELETE ON crisis_events BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN ((SELECT person_id FROM crises WHERE id = OLD.crisis_id));
  END;

-- trigger due_summary_crisis_events_insert
CREATE TRIGGER due_summary_crisis_events_insert AFTER INSERT ON crisis_events BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN ((SELECT person_id FROM crises WHERE id = NEW.crisis_id));
  END;

-- trigger due_summary_crisis_events_update
CREATE TRIGGER due_summary_crisis_events_update AFTER UPDATE ON crisis_events WHEN NEW.crisis_id IS NOT OLD.crisis_id OR NEW.event_on IS NOT OLD.event_on OR NEW.recorded_at IS NOT OLD.recorded_at BEGIN
  UPDATE due_summary SET stamp = random(), crises = (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = due_summary.person_id AND c.status = 'open') WHERE person_id IN ((SELECT person_id FROM crises WHERE id = NEW.crisis_id), (SELECT person_id FROM crises WHERE id = OLD.crisis_id));
  END;

-- trigger due_summary_diag_assessments_delete
CREATE TRIGGER due_summary_diag_assessments_delete AFTER DELETE ON diag_assessments BEGIN
  UPDATE due_summary SET stamp = random(), diag = (SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
  FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = due_summary.person_id AND d.voided_at IS NULL AND d.status = 'final') WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_diag_assessments_insert
CREATE TRIGGER due_summary_diag_assessments_insert AFTER INSERT ON diag_assessments BEGIN
  UPDATE due_summary SET stamp = random(), diag = (SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
  FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = due_summary.person_id AND d.voided_at IS NULL AND d.status = 'final') WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_diag_assessments_update
CREATE TRIGGER due_summary_diag_assessments_update AFTER UPDATE ON diag_assessments WHEN NEW.person_id IS NOT OLD.person_id OR NEW.point IS NOT OLD.point OR NEW.stage_period IS NOT OLD.stage_period OR NEW.assessed_on IS NOT OLD.assessed_on OR NEW.status IS NOT OLD.status OR NEW.voided_at IS NOT OLD.voided_at BEGIN
  UPDATE due_summary SET stamp = random(), diag = (SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
  FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = due_summary.person_id AND d.voided_at IS NULL AND d.status = 'final') WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_diag_evidence_requests_delete
CREATE TRIGGER due_summary_diag_evidence_requests_delete AFTER DELETE ON diag_evidence_requests BEGIN
  UPDATE due_summary SET stamp = random(), evidence = (SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
  FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = due_summary.person_id AND r.closed_at IS NULL) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_diag_evidence_requests_insert
CREATE TRIGGER due_summary_diag_evidence_requests_insert AFTER INSERT ON diag_evidence_requests BEGIN
  UPDATE due_summary SET stamp = random(), evidence = (SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
  FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = due_summary.person_id AND r.closed_at IS NULL) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_diag_evidence_requests_update
CREATE TRIGGER due_summary_diag_evidence_requests_update AFTER UPDATE ON diag_evidence_requests WHEN NEW.person_id IS NOT OLD.person_id OR NEW.assessment_id IS NOT OLD.assessment_id OR NEW.requested_on IS NOT OLD.requested_on OR NEW.closed_at IS NOT OLD.closed_at BEGIN
  UPDATE due_summary SET stamp = random(), evidence = (SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
  FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = due_summary.person_id AND r.closed_at IS NULL) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_fitness_tests_delete
CREATE TRIGGER due_summary_fitness_tests_delete AFTER DELETE ON fitness_tests BEGIN
  UPDATE due_summary SET stamp = random(), fitness = (SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
  SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
  FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_fitness_tests_insert
CREATE TRIGGER due_summary_fitness_tests_insert AFTER INSERT ON fitness_tests BEGIN
  UPDATE due_summary SET stamp = random(), fitness = (SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
  SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
  FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_fitness_tests_update
CREATE TRIGGER due_summary_fitness_tests_update AFTER UPDATE ON fitness_tests WHEN NEW.person_id IS NOT OLD.person_id OR NEW.test_date IS NOT OLD.test_date OR NEW.voided_at IS NOT OLD.voided_at BEGIN
  UPDATE due_summary SET stamp = random(), fitness = (SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
  SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
  FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_people_delete
CREATE TRIGGER due_summary_people_delete AFTER DELETE ON people BEGIN
  DELETE FROM due_summary WHERE person_id = OLD.id;
  END;

-- trigger due_summary_people_insert
CREATE TRIGGER due_summary_people_insert AFTER INSERT ON people WHEN NEW.ward_id IS NOT NULL AND NEW.voided_at IS NULL BEGIN
  INSERT OR REPLACE INTO due_summary (person_id, ward_id, name_pinyin, name, id_number, admission_date, period, period_since, last_day, decision_date, early_release_bar, screenings, fitness, entries, terms, flag_tasks, open_tasks, crises, diag, evidence, talks, measures, stamp)
  SELECT *, random() FROM (SELECT p.id AS person_id, p.ward_id AS ward_id, p.name_pinyin AS name_pinyin, p.name AS name, p.id_number AS id_number, p.admission_date AS admission_date, p.period AS period, p.period_since AS period_since, p.last_day AS last_day, p.decision_date AS decision_date, p.early_release_bar AS early_release_bar,
  (SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
  SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
  FROM assessments c INDEXED BY assessments_person_complete
  WHERE c.person_id = p.id AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2) AS screenings,
  (SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
  SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
  FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = p.id AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2) AS fitness,
  (SELECT json_group_object(x.period, x.d) FROM (
  SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = p.id GROUP BY m.to_period) x) AS entries,
  (SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
  FROM term_events e INDEXED BY term_events_person WHERE e.person_id = p.id AND e.voided_at IS NULL) AS terms,
  (SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
  FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = p.id AND t.status = 'open' AND t.assessment_id IS NOT NULL) AS flag_tasks,
  (SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = p.id AND t.status = 'open') AS open_tasks,
  (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = p.id AND c.status = 'open') AS crises,
  (SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
  FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = p.id AND d.voided_at IS NULL AND d.status = 'final') AS diag,
  (SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
  FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = p.id AND r.closed_at IS NULL) AS evidence,
  (SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
  FROM ward_talks t INDEXED BY ward_talks_person_due
  WHERE t.person_id = p.id AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release')))) AS talks,
  (SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
  FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = p.id AND m.voided_at IS NULL AND m.review_on IS NOT NULL) AS measures
  FROM people p WHERE p.id = NEW.id AND p.ward_id IS NOT NULL AND p.voided_at IS NULL);
  END;

-- trigger due_summary_people_update
CREATE TRIGGER due_summary_people_update AFTER UPDATE ON people
  WHEN NEW.ward_id IS NOT OLD.ward_id OR NEW.voided_at IS NOT OLD.voided_at OR NEW.name_pinyin IS NOT OLD.name_pinyin OR NEW.name IS NOT OLD.name OR NEW.id_number IS NOT OLD.id_number OR NEW.admission_date IS NOT OLD.admission_date OR NEW.period IS NOT OLD.period OR NEW.period_since IS NOT OLD.period_since OR NEW.last_day IS NOT OLD.last_day OR NEW.decision_date IS NOT OLD.decision_date OR NEW.early_release_bar IS NOT OLD.early_release_bar
  BEGIN
  DELETE FROM due_summary WHERE person_id = OLD.id AND (NEW.ward_id IS NULL OR NEW.voided_at IS NOT NULL);
  INSERT OR REPLACE INTO due_summary (person_id, ward_id, name_pinyin, name, id_number, admission_date, period, period_since, last_day, decision_date, early_release_bar, screenings, fitness, entries, terms, flag_tasks, open_tasks, crises, diag, evidence, talks, measures, stamp)
  SELECT *, random() FROM (SELECT p.id AS person_id, p.ward_id AS ward_id, p.name_pinyin AS name_pinyin, p.name AS name, p.id_number AS id_number, p.admission_date AS admission_date, p.period AS period, p.period_since AS period_since, p.last_day AS last_day, p.decision_date AS decision_date, p.early_release_bar AS early_release_bar,
  (SELECT json_group_array(json_array(x.id, x.ins, x.d, x.rec) ORDER BY x.d, x.rec, x.ins, x.id) FROM (
  SELECT c.id, c.instrument_id AS ins, c.administered_on AS d, c.recorded_at AS rec,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on, c.recorded_at, c.id) AS up,
  row_number() OVER (PARTITION BY c.instrument_id ORDER BY c.administered_on DESC, c.recorded_at DESC, c.id DESC) AS down
  FROM assessments c INDEXED BY assessments_person_complete
  WHERE c.person_id = p.id AND c.voided_at IS NULL AND c.incomplete_reason IS NULL) x WHERE x.up = 1 OR x.down <= 2) AS screenings,
  (SELECT json_group_array(json_array(x.id, x.d) ORDER BY x.d) FROM (
  SELECT t.id, t.test_date AS d, row_number() OVER (ORDER BY t.test_date) AS up, row_number() OVER (ORDER BY t.test_date DESC) AS down
  FROM fitness_tests t INDEXED BY fitness_tests_person_date WHERE t.person_id = p.id AND t.voided_at IS NULL) x WHERE x.up = 1 OR x.down <= 2) AS fitness,
  (SELECT json_group_object(x.period, x.d) FROM (
  SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = p.id GROUP BY m.to_period) x) AS entries,
  (SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
  FROM term_events e INDEXED BY term_events_person WHERE e.person_id = p.id AND e.voided_at IS NULL) AS terms,
  (SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
  FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = p.id AND t.status = 'open' AND t.assessment_id IS NOT NULL) AS flag_tasks,
  (SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = p.id AND t.status = 'open') AS open_tasks,
  (SELECT json_group_array(json_array(c.id, c.raised_on, json((
  SELECT json_group_array(json_array(e.id, e.event_on) ORDER BY e.event_on DESC, e.recorded_at DESC) FROM (
  SELECT x.id, x.event_on, x.recorded_at FROM crisis_events x INDEXED BY crisis_events_crisis WHERE x.crisis_id = c.id
  ORDER BY x.event_on DESC, x.recorded_at DESC LIMIT 2) e))) ORDER BY c.raised_on, c.id)
  FROM crises c INDEXED BY crises_person WHERE c.person_id = p.id AND c.status = 'open') AS crises,
  (SELECT json_group_array(json_array(d.id, d.point, d.stage_period, d.assessed_on) ORDER BY d.point, d.assessed_on, d.stage_period, d.id)
  FROM diag_assessments d INDEXED BY diag_assessments_person_due WHERE d.person_id = p.id AND d.voided_at IS NULL AND d.status = 'final') AS diag,
  (SELECT json_group_array(json_array(r.id, r.assessment_id, r.requested_on) ORDER BY r.requested_on, r.id)
  FROM diag_evidence_requests r INDEXED BY diag_evidence_requests_open WHERE r.person_id = p.id AND r.closed_at IS NULL) AS evidence,
  (SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
  FROM ward_talks t INDEXED BY ward_talks_person_due
  WHERE t.person_id = p.id AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release')))) AS talks,
  (SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
  FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = p.id AND m.voided_at IS NULL AND m.review_on IS NOT NULL) AS measures
  FROM people p WHERE p.id = NEW.id AND p.ward_id IS NOT NULL AND p.voided_at IS NULL);
  END;

-- trigger due_summary_period_moves_delete
CREATE TRIGGER due_summary_period_moves_delete AFTER DELETE ON period_moves BEGIN
  UPDATE due_summary SET stamp = random(), entries = (SELECT json_group_object(x.period, x.d) FROM (
  SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = due_summary.person_id GROUP BY m.to_period) x) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_period_moves_insert
CREATE TRIGGER due_summary_period_moves_insert AFTER INSERT ON period_moves BEGIN
  UPDATE due_summary SET stamp = random(), entries = (SELECT json_group_object(x.period, x.d) FROM (
  SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = due_summary.person_id GROUP BY m.to_period) x) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_period_moves_update
CREATE TRIGGER due_summary_period_moves_update AFTER UPDATE ON period_moves WHEN NEW.person_id IS NOT OLD.person_id OR NEW.to_period IS NOT OLD.to_period OR NEW.effective_date IS NOT OLD.effective_date BEGIN
  UPDATE due_summary SET stamp = random(), entries = (SELECT json_group_object(x.period, x.d) FROM (
  SELECT m.to_period AS period, max(m.effective_date) AS d FROM period_moves m INDEXED BY period_moves_person_entry WHERE m.person_id = due_summary.person_id GROUP BY m.to_period) x) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_psych_tasks_delete
CREATE TRIGGER due_summary_psych_tasks_delete AFTER DELETE ON psych_tasks BEGIN
  UPDATE due_summary SET stamp = random(), flag_tasks = (SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
  FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open' AND t.assessment_id IS NOT NULL),
  open_tasks = (SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open') WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_psych_tasks_insert
CREATE TRIGGER due_summary_psych_tasks_insert AFTER INSERT ON psych_tasks BEGIN
  UPDATE due_summary SET stamp = random(), flag_tasks = (SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
  FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open' AND t.assessment_id IS NOT NULL),
  open_tasks = (SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open') WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_psych_tasks_update
CREATE TRIGGER due_summary_psych_tasks_update AFTER UPDATE ON psych_tasks WHEN NEW.person_id IS NOT OLD.person_id OR NEW.status IS NOT OLD.status OR NEW.assessment_id IS NOT OLD.assessment_id OR NEW.created_at IS NOT OLD.created_at BEGIN
  UPDATE due_summary SET stamp = random(), flag_tasks = (SELECT json_group_array(json_array(t.id, t.created_at) ORDER BY t.created_at, t.id)
  FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open' AND t.assessment_id IS NOT NULL),
  open_tasks = (SELECT count(*) FROM psych_tasks t INDEXED BY psych_tasks_person_status WHERE t.person_id = due_summary.person_id AND t.status = 'open') WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_term_events_delete
CREATE TRIGGER due_summary_term_events_delete AFTER DELETE ON term_events BEGIN
  UPDATE due_summary SET stamp = random(), terms = (SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
  FROM term_events e INDEXED BY term_events_person WHERE e.person_id = due_summary.person_id AND e.voided_at IS NULL) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_term_events_insert
CREATE TRIGGER due_summary_term_events_insert AFTER INSERT ON term_events BEGIN
  UPDATE due_summary SET stamp = random(), terms = (SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
  FROM term_events e INDEXED BY term_events_person WHERE e.person_id = due_summary.person_id AND e.voided_at IS NULL) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_term_events_update
CREATE TRIGGER due_summary_term_events_update AFTER UPDATE ON term_events WHEN NEW.person_id IS NOT OLD.person_id OR NEW.kind IS NOT OLD.kind OR NEW.months IS NOT OLD.months OR NEW.from_date IS NOT OLD.from_date OR NEW.to_date IS NOT OLD.to_date OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.voided_at IS NOT OLD.voided_at BEGIN
  UPDATE due_summary SET stamp = random(), terms = (SELECT json_group_array(json_array(e.kind, e.months, e.from_date, e.to_date) ORDER BY coalesce(e.from_date, e.recorded_at), e.recorded_at)
  FROM term_events e INDEXED BY term_events_person WHERE e.person_id = due_summary.person_id AND e.voided_at IS NULL) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_ward_talks_delete
CREATE TRIGGER due_summary_ward_talks_delete AFTER DELETE ON ward_talks BEGIN
  UPDATE due_summary SET stamp = random(), talks = (SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
  FROM ward_talks t INDEXED BY ward_talks_person_due
  WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release')))) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_ward_talks_insert
CREATE TRIGGER due_summary_ward_talks_insert AFTER INSERT ON ward_talks BEGIN
  UPDATE due_summary SET stamp = random(), talks = (SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
  FROM ward_talks t INDEXED BY ward_talks_person_due
  WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release')))) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_ward_talks_update
CREATE TRIGGER due_summary_ward_talks_update AFTER UPDATE ON ward_talks WHEN NEW.person_id IS NOT OLD.person_id OR NEW.kind IS NOT OLD.kind OR NEW.status IS NOT OLD.status OR NEW.planned_on IS NOT OLD.planned_on OR NEW.done_on IS NOT OLD.done_on OR NEW.voided_at IS NOT OLD.voided_at BEGIN
  UPDATE due_summary SET stamp = random(), talks = (SELECT json_group_array(json_array(t.id, t.kind, t.status, t.planned_on, t.done_on) ORDER BY t.status, t.kind, t.planned_on, t.done_on, t.id)
  FROM ward_talks t INDEXED BY ward_talks_person_due
  WHERE t.person_id = due_summary.person_id AND t.voided_at IS NULL AND (t.status = 'planned' OR (t.status = 'done' AND t.kind IN ('admission', 'release')))) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger due_summary_watch_measures_delete
CREATE TRIGGER due_summary_watch_measures_delete AFTER DELETE ON watch_measures BEGIN
  UPDATE due_summary SET stamp = random(), measures = (SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
  FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = due_summary.person_id AND m.voided_at IS NULL AND m.review_on IS NOT NULL) WHERE person_id IN (OLD.person_id);
  END;

-- trigger due_summary_watch_measures_insert
CREATE TRIGGER due_summary_watch_measures_insert AFTER INSERT ON watch_measures BEGIN
  UPDATE due_summary SET stamp = random(), measures = (SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
  FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = due_summary.person_id AND m.voided_at IS NULL AND m.review_on IS NOT NULL) WHERE person_id IN (NEW.person_id);
  END;

-- trigger due_summary_watch_measures_update
CREATE TRIGGER due_summary_watch_measures_update AFTER UPDATE ON watch_measures WHEN NEW.person_id IS NOT OLD.person_id OR NEW.review_on IS NOT OLD.review_on OR NEW.end_on IS NOT OLD.end_on OR NEW.start_on IS NOT OLD.start_on OR NEW.voided_at IS NOT OLD.voided_at BEGIN
  UPDATE due_summary SET stamp = random(), measures = (SELECT json_group_array(json_array(m.id, m.review_on, m.end_on) ORDER BY m.start_on, m.id)
  FROM watch_measures m INDEXED BY watch_measures_person WHERE m.person_id = due_summary.person_id AND m.voided_at IS NULL AND m.review_on IS NOT NULL) WHERE person_id IN (NEW.person_id, OLD.person_id);
  END;

-- trigger enrolments_figures_delete
CREATE TRIGGER enrolments_figures_delete AFTER DELETE ON enrolments BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger enrolments_figures_insert
CREATE TRIGGER enrolments_figures_insert AFTER INSERT ON enrolments BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger enrolments_figures_update
CREATE TRIGGER enrolments_figures_update AFTER UPDATE ON enrolments BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger exam_attempts_figures_delete
CREATE TRIGGER exam_attempts_figures_delete AFTER DELETE ON exam_attempts BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger exam_attempts_figures_insert
CREATE TRIGGER exam_attempts_figures_insert AFTER INSERT ON exam_attempts BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger exam_attempts_figures_update
CREATE TRIGGER exam_attempts_figures_update AFTER UPDATE ON exam_attempts BEGIN
  DELETE FROM course_figure_pairs WHERE course_id = OLD.course_id AND person_id = OLD.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = OLD.course_id AND e.person_id = OLD.person_id AND e.enrolled_on IS NOT NULL;
  DELETE FROM course_figure_pairs WHERE course_id = NEW.course_id AND person_id = NEW.person_id;
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
  (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
  WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
  EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.course_id = NEW.course_id AND e.person_id = NEW.person_id AND e.enrolled_on IS NOT NULL;
  END;

-- trigger people_search_insert
CREATE TRIGGER people_search_insert AFTER INSERT ON people WHEN NEW.voided_at IS NULL BEGIN
  INSERT OR IGNORE INTO person_search_terms (in_facility, whole, term, sort_key, person_id)
  SELECT NEW.ward_id IS NOT NULL, n = 0, substr(NEW.name, n + 1), NEW.name_pinyin, NEW.id
  FROM search_positions WHERE n < length(NEW.name) AND 1
  UNION ALL SELECT NEW.ward_id IS NOT NULL, 1, NEW.name_pinyin, NEW.name_pinyin, NEW.id WHERE NEW.name_pinyin <> '' AND 1
  UNION ALL SELECT NEW.ward_id IS NOT NULL, 1, NEW.name_initials, NEW.name_pinyin, NEW.id WHERE NEW.name_initials <> '' AND 1
  UNION ALL SELECT NEW.ward_id IS NOT NULL, n = 0, substr(NEW.id_number, n + 1), NEW.name_pinyin, NEW.id
  FROM search_positions WHERE n <= length(NEW.id_number) - 3 AND 1;
  END;

-- trigger people_search_update
CREATE TRIGGER people_search_update AFTER UPDATE OF name, name_pinyin, name_initials, id_number, ward_id, voided_at ON people
  WHEN NEW.name IS NOT OLD.name OR NEW.name_pinyin IS NOT OLD.name_pinyin OR NEW.name_initials IS NOT OLD.name_initials
  OR NEW.id_number IS NOT OLD.id_number OR (NEW.ward_id IS NULL) <> (OLD.ward_id IS NULL)
  OR (NEW.voided_at IS NULL) <> (OLD.voided_at IS NULL)
  BEGIN
  DELETE FROM person_search_terms WHERE person_id = OLD.id;
  INSERT OR IGNORE INTO person_search_terms (in_facility, whole, term, sort_key, person_id)
  SELECT NEW.ward_id IS NOT NULL, n = 0, substr(NEW.name, n + 1), NEW.name_pinyin, NEW.id
  FROM search_positions WHERE n < length(NEW.name) AND NEW.voided_at IS NULL
  UNION ALL SELECT NEW.ward_id IS NOT NULL, 1, NEW.name_pinyin, NEW.name_pinyin, NEW.id WHERE NEW.name_pinyin <> '' AND NEW.voided_at IS NULL
  UNION ALL SELECT NEW.ward_id IS NOT NULL, 1, NEW.name_initials, NEW.name_pinyin, NEW.id WHERE NEW.name_initials <> '' AND NEW.voided_at IS NULL
  UNION ALL SELECT NEW.ward_id IS NOT NULL, n = 0, substr(NEW.id_number, n + 1), NEW.name_pinyin, NEW.id
  FROM search_positions WHERE n <= length(NEW.id_number) - 3 AND NEW.voided_at IS NULL;
  END;
