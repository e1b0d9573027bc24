/**
 * The ward's own records (大队管理, issue 13), kept on paper until now: talks (谈话教育, planned then done), rewards and
 * sanctions (奖惩, signed points that feed the behaviour component of diagnostic assessment), family visits (亲属探访/
 * 会见), outside medical visits (所外就医, out then back), measures a crisis asks of the ward (包夹 watch …) and the ward
 * daily log (大队日志). Kinds and categories are ids from the facility's configurable lists (setting wardwork.lists),
 * not CHECK lists: a facility adds its own. Each record keeps the ward the person was in on its date (ward history), so
 * a ward's day stays its own after a move. Nothing is deleted: a record is voided with a reason. Never edit once shipped.
 */
const recordColumns = /* sql */ `
  revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL REFERENCES staff(id),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL REFERENCES staff(id),
  voided_at TEXT,
  voided_by TEXT REFERENCES staff(id),
  void_reason TEXT`

export const sql = /* sql */ `
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
  summary TEXT,${recordColumns},
  CHECK (planned_on IS NOT NULL OR done_on IS NOT NULL),
  CHECK (status <> 'done' OR done_on IS NOT NULL)
) STRICT;
-- A person's talks by date (the person tab; duework's facts: admission and release talks, planned talks).
CREATE INDEX ward_talks_person ON ward_talks(person_id, kind, status);
-- The ward's day: talks planned for the date, talks held on the date.
CREATE INDEX ward_talks_ward_planned ON ward_talks(ward_id, planned_on) WHERE voided_at IS NULL;
CREATE INDEX ward_talks_ward_done ON ward_talks(ward_id, done_on) WHERE voided_at IS NULL;

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
  approved_by TEXT,${recordColumns},
  CHECK ((kind = 'reward' AND points >= 0) OR (kind = 'sanction' AND points <= 0))
) STRICT;
-- A person's ledger in date order and conductPoints over a window, live entries read from the index alone.
CREATE INDEX conduct_entries_person ON conduct_entries(person_id, on_date, voided_at, kind, points);
CREATE INDEX conduct_entries_ward_date ON conduct_entries(ward_id, on_date) WHERE voided_at IS NULL;

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
  note TEXT,${recordColumns}
) STRICT;
CREATE INDEX family_visits_person ON family_visits(person_id, on_date);
CREATE INDEX family_visits_ward_date ON family_visits(ward_id, on_date) WHERE voided_at IS NULL;

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
  outcome TEXT,${recordColumns},
  CHECK (back_at IS NULL OR back_at >= out_at)
) STRICT;
CREATE INDEX outside_medical_visits_person ON outside_medical_visits(person_id, out_at);
CREATE INDEX outside_medical_visits_ward_out ON outside_medical_visits(ward_id, out_at) WHERE voided_at IS NULL;
CREATE INDEX outside_medical_visits_ward_back ON outside_medical_visits(ward_id, back_at) WHERE voided_at IS NULL;

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
  reason TEXT NOT NULL,${recordColumns},
  CHECK (end_on IS NULL OR end_on >= start_on)
) STRICT;
CREATE INDEX watch_measures_person ON watch_measures(person_id, start_on);
-- Measures active on a date: the open ones (short list), then those ended on or after it.
CREATE INDEX watch_measures_ward ON watch_measures(ward_id, end_on, start_on) WHERE voided_at IS NULL;

CREATE TABLE ward_daily_logs (
  id TEXT PRIMARY KEY,
  ward_id TEXT NOT NULL REFERENCES wards(id),
  log_date TEXT NOT NULL,
  -- The day's counts as computed when the log was saved (JSON), so the printed log shows what was signed.
  counts TEXT NOT NULL CHECK (json_valid(counts)),
  incidents TEXT,
  visits_summary TEXT,
  notes TEXT,
  on_duty TEXT,${recordColumns}
) STRICT;
CREATE UNIQUE INDEX ward_daily_logs_live ON ward_daily_logs(ward_id, log_date) WHERE voided_at IS NULL;

-- The day's arrivals in a ward (admitted or transferred in), for the daily log's counts.
CREATE INDEX ward_assignments_ward_start ON ward_assignments(ward_id, start_date);
`
