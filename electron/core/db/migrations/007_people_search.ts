/**
 * Search and lists at the size of a real facility (issue 9): 3,000 people in the wards and 50,000 past files that stay
 * searchable for years. Never edit once shipped.
 *
 * person_search_terms: every live file's searchable terms, kept by triggers so no write path can forget them. A term is
 * a suffix of the name (so "contains 伟" is a prefix match on "伟…", one- and two-character queries included), the full
 * pinyin and the initials (matched from their start), or a suffix of the ID number of at least 3 characters ("contains
 * 1985"). `whole` marks the term that is the whole value (exact and prefix matches rank before fragments); `in_facility`
 * puts people in a ward before past files. The key orders each (in_facility, whole) group by term, then by pinyin, so a
 * prefix query reads only its matching range and never the people table. Triggers cannot use a CTE, hence the small
 * table of positions.
 *
 * The partial indexes on people serve the ward list's occupancy counts (an index-only count of current files) and the all-people
 * list's pages in each of its orders, both ways, over every live file (the trailing ward_id filters current
 * or past files inside the index). Each also holds voided_at, always NULL in it: SQLite reads a column of the index's
 own WHERE from the table unless the index holds it, and these must answer without reading the table.
 */

/**
 * The searchable terms of the person row `r`, restricted by `where`. `people` is the FROM item for the backfill
 * ('people p'); inside a trigger it is empty and `r` is NEW.
 */
const termRows = (r: string, people: string, where: string) => {
  const withPositions = people ? `FROM ${people}, search_positions` : 'FROM search_positions'
  const once = people ? `FROM ${people}` : ''
  return /* sql */ `
  SELECT ${r}.ward_id IS NOT NULL, n = 0, substr(${r}.name, n + 1), ${r}.name_pinyin, ${r}.id
    ${withPositions} WHERE n < length(${r}.name) AND ${where}
  UNION ALL SELECT ${r}.ward_id IS NOT NULL, 1, ${r}.name_pinyin, ${r}.name_pinyin, ${r}.id ${once} WHERE ${r}.name_pinyin <> '' AND ${where}
  UNION ALL SELECT ${r}.ward_id IS NOT NULL, 1, ${r}.name_initials, ${r}.name_pinyin, ${r}.id ${once} WHERE ${r}.name_initials <> '' AND ${where}
  UNION ALL SELECT ${r}.ward_id IS NOT NULL, n = 0, substr(${r}.id_number, n + 1), ${r}.name_pinyin, ${r}.id
    ${withPositions} WHERE n <= length(${r}.id_number) - 3 AND ${where}`
}

const insertTerms = (r: string, people: string, where: string) =>
  `INSERT OR IGNORE INTO person_search_terms (in_facility, whole, term, sort_key, person_id) ${termRows(r, people, where)};`

const positions = Array.from({ length: 40 }, (_, n) => `(${n})`).join(', ')

export const sql = /* sql */ `
CREATE TABLE search_positions (n INTEGER PRIMARY KEY) STRICT;
INSERT INTO search_positions (n) VALUES ${positions};

CREATE TABLE person_search_terms (
  in_facility INTEGER NOT NULL CHECK (in_facility IN (0, 1)),
  whole INTEGER NOT NULL CHECK (whole IN (0, 1)),
  term TEXT NOT NULL,
  sort_key TEXT NOT NULL,
  person_id TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (in_facility, whole, term, sort_key, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_search_terms_person ON person_search_terms(person_id, term);

${insertTerms('p', 'people p', 'p.voided_at IS NULL')}

CREATE TRIGGER people_search_insert AFTER INSERT ON people WHEN NEW.voided_at IS NULL BEGIN
  ${insertTerms('NEW', '', '1')}
END;

CREATE TRIGGER people_search_update AFTER UPDATE OF name, name_pinyin, name_initials, id_number, ward_id, voided_at ON people
WHEN NEW.name IS NOT OLD.name OR NEW.name_pinyin IS NOT OLD.name_pinyin OR NEW.name_initials IS NOT OLD.name_initials
  OR NEW.id_number IS NOT OLD.id_number OR (NEW.ward_id IS NULL) <> (OLD.ward_id IS NULL)
  OR (NEW.voided_at IS NULL) <> (OLD.voided_at IS NULL)
BEGIN
  DELETE FROM person_search_terms WHERE person_id = OLD.id;
  ${insertTerms('NEW', '', 'NEW.voided_at IS NULL')}
END;

CREATE INDEX people_ward_period ON people(ward_id, period, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_name ON people(name_pinyin, name, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_last_day ON people(last_day IS NULL, last_day, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_last_day_desc ON people(last_day IS NOT NULL, last_day, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_period ON people(CASE period WHEN 'detox' THEN 1 WHEN 'education' THEN 2 WHEN 'rehabilitation' THEN 3 WHEN 'return' THEN 4 ELSE 5 END, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_period_since ON people(period_since IS NULL, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_period_since_desc ON people(period_since IS NOT NULL, period_since, id, ward_id, voided_at) WHERE voided_at IS NULL;
CREATE INDEX people_live_decision ON people(decision_date, id, ward_id, voided_at) WHERE voided_at IS NULL;

-- The few voided files, which facility-wide psychology lists leave out, without reading every file.
CREATE INDEX people_voided ON people(voided_at, id) WHERE voided_at IS NOT NULL;
-- The facility's open crises without reading every crisis ever raised.
CREATE INDEX crises_status ON crises(status, raised_on);
`
