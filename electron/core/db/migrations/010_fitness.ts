/**
 * Fitness tests (康复训练中心, issue 11): one test per person and date with the sex and age it was graded for, raw
 * measurements apart from points (re-grading under another standard needs only them), every grading kept (the
 * original beside re-grades, an edit's earlier grading superseded, never overwritten), test-day drafts and
 * contraindications on the person. Never edit once shipped.
 */
export const sql = /* sql */ `
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
-- One live test per person and date (a second one is an edit of the first; voided ones differ by their void time), and
-- a person's history, voided tests included, from the same index: one index keyed by person, so a 100-person save
-- touches one random page per person, not two.
CREATE UNIQUE INDEX fitness_tests_person_date ON fitness_tests(person_id, test_date, ifnull(voided_at, ''));
-- A ward's latest test day and its grade distribution, read from the index alone.
CREATE INDEX fitness_tests_ward_date ON fitness_tests(ward_id, voided_at, test_date, grade);

-- One row per measure taken (the benchmark facility holds 1,000,000).
CREATE TABLE fitness_measurements (
  test_id TEXT NOT NULL REFERENCES fitness_tests(id),
  measure TEXT NOT NULL,
  value REAL NOT NULL,
  PRIMARY KEY (test_id, measure)
) STRICT, WITHOUT ROWID;

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
CREATE INDEX fitness_gradings_test ON fitness_gradings(test_id, superseded_at);

-- Every revision of a test's measurements as stored after the change; revision 1 is stored by the first edit.
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

-- A half-finished test day; closed (never deleted) when saved as tests or discarded.
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
CREATE UNIQUE INDEX fitness_drafts_open ON fitness_drafts(ward_id, test_date) WHERE closed_at IS NULL;

-- Items a person must not take (e.g. the step test with a heart condition), from a date, until a date or open-ended.
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
CREATE INDEX fitness_contraindications_person ON fitness_contraindications(person_id, from_date);

-- A ward's people on a date (a test day's roster, from the ward history), from the index alone: the open assignments
-- (today's roster: one short range), then those that ended after the date.
CREATE INDEX ward_assignments_ward ON ward_assignments(ward_id, end_date, start_date, person_id);
`
