/**
 * Aftercare (后续照管, issue 14): each released person's follow-up plan (one row per planned contact, a "slot"), the
 * follow-up contacts (回访记录), and one outcome row per planned release kept by the aftercare service in the same
 * transaction as every contact write, so the cohort statistics read one row per release instead of the contacts.
 * Nothing is deleted: contacts are voided with a reason, a voided release's plan is voided with it. Never edit once
 * shipped.
 */
export const sql = /* sql */ `
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
CREATE UNIQUE INDEX followup_slots_release ON followup_slots (release_id, seq) WHERE voided_at IS NULL;
-- The due screen and its counts: open slots whose window has not ended, by the window's end.
CREATE INDEX followup_slots_open ON followup_slots (window_to, window_from, due_on, release_id) WHERE contact_id IS NULL AND voided_at IS NULL;
CREATE INDEX followup_slots_person ON followup_slots (person_id, seq);

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
-- A release's contacts in date order (the outcome's recomputation, the person's timeline, an as-of cut).
CREATE INDEX followup_contacts_release ON followup_contacts (release_id, contact_on, recorded_at) WHERE voided_at IS NULL;
CREATE INDEX followup_contacts_person ON followup_contacts (person_id, contact_on);
CREATE INDEX followup_contacts_station ON followup_contacts (station_id, contact_on) WHERE station_id IS NOT NULL;

-- One row per release with a plan: the latest contact carrying a status (by contact date, then recorded time).
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
`
