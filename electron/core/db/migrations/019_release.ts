/**
 * Release (出所, issue 14): the guidance stations and communities the facility hands people over to (社区戒毒社区康复
 * 指导站), each person's release record — planned with its checklist before the day, then confirmed, when the person
 * leaves the ward roster — and the reopenings of a released file (read-only unless an administrator reopens it with a
 * reason). One live release per file (a file is one stay). The fields each release kind adds of its own (an early
 * release's decision number, a transfer's destination, a death's reports …) are one JSON object validated by that
 * kind's schema in electron/shared/domain/release. Nothing is deleted: a release is voided with a reason, a station
 * retired. Never edit once shipped.
 */
export const sql = /* sql */ `
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
CREATE UNIQUE INDEX guidance_stations_name_live ON guidance_stations (name) WHERE retired_at IS NULL;

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
CREATE UNIQUE INDEX releases_person_live ON releases (person_id) WHERE voided_at IS NULL;
-- Cohorts and the dashboard read releases by date (a year of the benchmark's 50,000 past files at a time).
CREATE INDEX releases_date ON releases (status, release_date, kind, from_ward_id, person_id) WHERE voided_at IS NULL;
CREATE INDEX releases_station ON releases (station_id) WHERE station_id IS NOT NULL;

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
CREATE UNIQUE INDEX file_reopenings_open ON file_reopenings (person_id) WHERE closed_at IS NULL;
CREATE INDEX file_reopenings_person ON file_reopenings (person_id, opened_at);
`
