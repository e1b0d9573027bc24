/** Foundation schema: facility, staff, wards, detainee files with history, periods, term events, audit. Never edit once shipped. */
export const sql = /* sql */ `
CREATE TABLE settings (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
) STRICT;

CREATE TABLE wards (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  capacity INTEGER NOT NULL CHECK (capacity > 0),
  note TEXT,
  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

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
) STRICT;

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
) STRICT;
CREATE UNIQUE INDEX people_id_number_live ON people(id_number) WHERE voided_at IS NULL;
CREATE INDEX people_ward ON people(ward_id, voided_at);
CREATE INDEX people_name ON people(name);
CREATE INDEX people_pinyin ON people(name_pinyin);
CREATE INDEX people_initials ON people(name_initials);

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
CREATE INDEX ward_assignments_person ON ward_assignments(person_id, start_date);

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
) STRICT;
CREATE INDEX period_moves_person ON period_moves(person_id, recorded_at);

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
  void_reason TEXT,
  CHECK ((kind = 'extension' AND months BETWEEN 1 AND 12) OR (kind = 'escape' AND from_date IS NOT NULL))
) STRICT;
CREATE INDEX term_events_person ON term_events(person_id);

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
CREATE INDEX audit_record ON audit_log(record_type, record_id);

-- The log is append-only for the application; a change made around these triggers is caught by the hash chain.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`
