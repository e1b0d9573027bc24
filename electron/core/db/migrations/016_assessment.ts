/**
 * Diagnostic assessment (诊断评估, issue 13): assessments at each point with the template version they used, one row per
 * scored item with its evidence snapshot, evidence requests for what was missing, and the proposal-and-decision log
 * that changes the term (early release, extension, community rehab). An approved early release is kept on the person
 * (people.early_release_on) so the term arithmetic explains it as a step. Never edit once shipped.
 */
export const sql = /* sql */ `
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
-- A person's assessments per point in date order (the person tab, duework's facts: latest per point).
CREATE INDEX diag_assessments_person_point ON diag_assessments (person_id, point, assessed_on);
-- The facility list, newest first, per point or status (and their counts, from the index alone).
CREATE INDEX diag_assessments_recent ON diag_assessments (voided_at, assessed_on DESC, id);
CREATE INDEX diag_assessments_point_recent ON diag_assessments (point, assessed_on DESC) WHERE voided_at IS NULL;
CREATE INDEX diag_assessments_status_recent ON diag_assessments (status, assessed_on DESC) WHERE voided_at IS NULL;

-- One row per item per revision of its assessment: an edit adds the next revision's rows, earlier ones stay.
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
-- Open requests per person (due work, the person tab).
CREATE INDEX diag_evidence_requests_open ON diag_evidence_requests (person_id, requested_on) WHERE closed_at IS NULL;

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
CREATE INDEX term_proposals_person ON term_proposals (person_id, proposed_on);

-- The release date an approved early release set (the term explains it as a step); NULL: none approved.
ALTER TABLE people ADD COLUMN early_release_on TEXT;
`
