/**
 * Psychology records in daily use (issue 8): counselling records become editable with every revision kept (as person
 * files are) and voidable with who voided them; the ward screen reads each person's latest result per instrument
 * from one covering index; handled follow-up tasks are listed per person and status. Never edit once shipped.
 */
export const sql = /* sql */ `
-- The revision the record is at (1 = as first written); an edit must carry the revision the user saw.
ALTER TABLE counselling_sessions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision > 0);
ALTER TABLE counselling_sessions ADD COLUMN voided_by TEXT REFERENCES staff(id);

-- Every revision of a counselling record as stored after the change (JSON of the editable fields), with who and when.
-- Revision 1 of a record written before this migration is stored by its first edit (from the record, as recorded).
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

-- The ward screen's latest result per person and instrument (and last complete screening): a short backward walk of
-- the index per pair (voided_at and incomplete_reason are columns, not a partial-index condition, so the walk never
-- reads the table).
CREATE INDEX assessments_person_instrument ON assessments(person_id, instrument_id, voided_at, administered_on, recorded_at, incomplete_reason);

-- Task lists filtered by status for a ward's people or one person (handled tasks accumulate over a stay).
CREATE INDEX psych_tasks_person_status ON psych_tasks(person_id, status, created_at);
`
