/**
 * The facts every course figure counts (domain/vocational.ts `courseFigures`), kept per enrolled person and course by
 * triggers, so the statistics of every course of every year (issue 12: ≤ 20 ms on the benchmark facility) add up one
 * narrow row per pair instead of looking up each pair's sittings and certificates on every read.
 *
 * A pair has a row while its enrolment has an enrolment date (the waiting list alone is not "enrolled"). Each change of
 * an enrolment, an exam sitting or a certificate recomputes the one pair it touches (and the pair it left, when an
 * update moves it) from the source tables, so the row is always what a full recount would give; the property test of
 * the statistics holds the SQL to `courseFigures`. Which withdrawals are unavoidable stays a rule in code: the row keeps
 * the reason. Never edit once shipped.
 */

/** Recomputes the pair (course `c`, person `p`, both SQL expressions of the trigger row). */
function recompute(c: string, p: string): string {
  return /* sql */ `
  DELETE FROM course_figure_pairs WHERE course_id = ${c} AND person_id = ${p};
  INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
    SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
      (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
        WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
      EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
    FROM enrolments e WHERE e.course_id = ${c} AND e.person_id = ${p} AND e.enrolled_on IS NOT NULL;`
}

function triggers(table: string, courseNullable: boolean): string {
  const when = (row: 'NEW' | 'OLD') => (courseNullable ? ` WHEN ${row}.course_id IS NOT NULL` : '')
  return /* sql */ `
CREATE TRIGGER ${table}_figures_insert AFTER INSERT ON ${table}${when('NEW')} BEGIN${recompute('NEW.course_id', 'NEW.person_id')}
END;
CREATE TRIGGER ${table}_figures_update AFTER UPDATE ON ${table} BEGIN${recompute('OLD.course_id', 'OLD.person_id')}${recompute('NEW.course_id', 'NEW.person_id')}
END;
CREATE TRIGGER ${table}_figures_delete AFTER DELETE ON ${table}${when('OLD')} BEGIN${recompute('OLD.course_id', 'OLD.person_id')}
END;`
}

export const sql = /* sql */ `
-- One row per enrolled person and course: enrolment status and withdrawal reason, best live sitting (2 passed any,
-- 1 sat without passing, 0 only absent, NULL never examined), whether a live certificate of the course is held.
CREATE TABLE course_figure_pairs (
  course_id TEXT NOT NULL,
  person_id TEXT NOT NULL,
  status TEXT NOT NULL,
  withdraw_reason TEXT,
  best INTEGER CHECK (best IN (0, 1, 2)),
  certified INTEGER NOT NULL CHECK (certified IN (0, 1)),
  PRIMARY KEY (course_id, person_id)
) STRICT, WITHOUT ROWID;
${triggers('enrolments', false)}
${triggers('exam_attempts', false)}
${triggers('certificates', true)}
INSERT INTO course_figure_pairs (course_id, person_id, status, withdraw_reason, best, certified)
  SELECT e.course_id, e.person_id, e.status, e.withdraw_reason,
    (SELECT max(CASE a.result WHEN 'passed' THEN 2 WHEN 'failed' THEN 1 ELSE 0 END) FROM exam_attempts a
      WHERE a.course_id = e.course_id AND a.person_id = e.person_id AND a.voided_at IS NULL),
    EXISTS (SELECT 1 FROM certificates x WHERE x.course_id = e.course_id AND x.person_id = e.person_id AND x.voided_at IS NULL)
  FROM enrolments e WHERE e.enrolled_on IS NOT NULL;
`
