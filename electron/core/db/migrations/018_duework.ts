/**
 * Due work (issue 13): exemptions of one occurrence of a rule for a person, indexes for reading the whole facility's
 * facts at once, and the move of the psychology screening
 * intervals out of `psych.settings` into the due-work rules (`duework.rules`), so one setting drives the rule.
 * Never edit once shipped: the names and values below are frozen.
 */
import type { Db } from '../open'

const schema = /* sql */ `
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
-- One live exemption per occurrence; the facts query reads a ward's live exemptions by person.
CREATE UNIQUE INDEX due_exemptions_live ON due_exemptions (person_id, rule, occurrence) WHERE voided_at IS NULL;
-- Due work reads every current file's facts at once (3,000 on the benchmark facility, ≤ 100 ms): the current files with
-- the columns the rules need, in roster order per ward, read from the index alone.
CREATE INDEX people_current_due ON people (ward_id, name_pinyin, id, name, id_number, admission_date, period, period_since, last_day,
  decision_date, early_release_bar, voided_at) WHERE voided_at IS NULL AND ward_id IS NOT NULL;
-- Each person's first and latest complete screenings, walked in date order from the index alone.
CREATE INDEX assessments_person_complete ON assessments (person_id, administered_on, recorded_at, instrument_id, voided_at, incomplete_reason)
  WHERE voided_at IS NULL AND incomplete_reason IS NULL;
-- The date each period was last entered, per person, from the index alone.
CREATE INDEX period_moves_person_entry ON period_moves (person_id, to_period, effective_date);
`

/** The stored psychology settings' two screening intervals become the first two due-work rules' parameters. */
function moveScreeningSettings(db: Db): void {
  const row = db.prepare(`SELECT value FROM settings WHERE key = 'psych.settings'`).get() as { value: string } | undefined
  if (!row) return
  let psych: Record<string, unknown>
  try {
    psych = JSON.parse(row.value) as Record<string, unknown>
  } catch {
    return // an unreadable value is reported by the settings read, not hidden here
  }
  if (typeof psych !== 'object' || psych === null || Array.isArray(psych)) return
  const { admissionScreeningDays, reassessmentIntervalDays, ...rest } = psych
  const rules: Record<string, unknown> = {}
  if (admissionScreeningDays !== undefined) rules.psych_admission_screening = { enabled: true, days: admissionScreeningDays }
  if (reassessmentIntervalDays !== undefined) rules.psych_reassessment = { enabled: true, intervalDays: reassessmentIntervalDays, leadDays: 14 }
  if (Object.keys(rules).length === 0) return
  db.prepare(`INSERT INTO settings (key, value) VALUES ('duework.rules', ?) ON CONFLICT(key) DO NOTHING`).run(JSON.stringify(rules))
  db.prepare(`UPDATE settings SET value = ? WHERE key = 'psych.settings'`).run(JSON.stringify(rest))
}

export function migrate018(db: Db): void {
  db.exec(schema)
  moveScreeningSettings(db)
}
