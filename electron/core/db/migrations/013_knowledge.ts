/**
 * Knowledge tests (知识测试, issue 12): an item bank of single- and multiple-choice items with tags, every revision of an
 * item as stored, papers drawn from the bank (by tag and count with a stored seed) or hand-picked, sittings answered in
 * kiosk mode or on paper (typed in by staff), and the answers of each sitting. Never edit once shipped.
 *
 * Conventions as in 010–012: ids are UUID v7 text; editable rows carry `revision`; nothing is deleted (voided with who,
 * when and why). A paper names each item at the revision it was made with, so a sitting always shows what was asked.
 * Scoring: each paper item has integer points (default 1); a sitting's score is correct points ÷ total points × 100 with
 * one decimal (core/knowledge/scoring.ts), so max_score is always 100.
 */
export const sql = /* sql */ `
-- The item bank (hundreds of items: small). options: JSON [{"key":"A","text":…}] with 2–8 keys A.. in order;
-- answer: JSON array of option keys (single: exactly one; multiple: at least two).
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
CREATE INDEX knowledge_items_created ON knowledge_items(created_at);

-- An item's tags (禁毒知识, 法律常识 …); drawing a paper by tag reads (tag, item_id).
CREATE TABLE knowledge_item_tags (
  item_id TEXT NOT NULL REFERENCES knowledge_items(id),
  tag TEXT NOT NULL,
  PRIMARY KEY (item_id, tag)
) STRICT, WITHOUT ROWID;
CREATE INDEX knowledge_item_tags_tag ON knowledge_item_tags(tag, item_id);

-- Every revision of an item as stored after the change (kind, stem, options, answer, explanation, tags as JSON).
CREATE TABLE knowledge_item_revisions (
  item_id TEXT NOT NULL REFERENCES knowledge_items(id),
  revision INTEGER NOT NULL CHECK (revision >= 1),
  data TEXT NOT NULL CHECK (json_valid(data)),
  changed_at TEXT NOT NULL,
  changed_by TEXT NOT NULL REFERENCES staff(id),
  PRIMARY KEY (item_id, revision)
) STRICT, WITHOUT ROWID;

-- A paper: drawn (draw_spec JSON [{"tag","count"}] and the seed that made the draw reproducible) or picked by hand.
-- Frozen once any sitting exists (the core refuses edits then).
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
CREATE INDEX knowledge_papers_created ON knowledge_papers(created_at);

-- The items of a paper in order, each at the revision the paper was made with, and its points (integer weight).
CREATE TABLE knowledge_paper_items (
  paper_id TEXT NOT NULL REFERENCES knowledge_papers(id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 100),
  item_id TEXT NOT NULL,
  item_revision INTEGER NOT NULL,
  points INTEGER NOT NULL DEFAULT 1 CHECK (points BETWEEN 1 AND 100),
  PRIMARY KEY (paper_id, position),
  FOREIGN KEY (item_id, item_revision) REFERENCES knowledge_item_revisions(item_id, revision)
) STRICT, WITHOUT ROWID;
CREATE INDEX knowledge_paper_items_item ON knowledge_paper_items(item_id);

-- One sitting of a paper by a person: at the kiosk (answered on screen) or on paper (answers typed in by staff).
-- score is out of max_score (100), one decimal; set with passed on submission.
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
CREATE INDEX knowledge_attempts_person ON knowledge_attempts(person_id, started_at);
CREATE INDEX knowledge_attempts_paper ON knowledge_attempts(paper_id, started_at);
CREATE INDEX knowledge_attempts_started ON knowledge_attempts(started_at);

-- The answer to each item of a sitting: the chosen keys (JSON array, [] when blank) and whether it was right.
CREATE TABLE knowledge_answers (
  attempt_id TEXT NOT NULL REFERENCES knowledge_attempts(id),
  position INTEGER NOT NULL CHECK (position BETWEEN 1 AND 100),
  chosen TEXT NOT NULL CHECK (json_valid(chosen)),
  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
  PRIMARY KEY (attempt_id, position)
) STRICT, WITHOUT ROWID;
`
