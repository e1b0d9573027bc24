/**
 * Training statistics rows of the bench table: the course figures for all years grouped by course (target ≤ 20 ms on
 * the benchmark facility's ≈600 courses and 25,000 enrolments), beside a floor that reads the same pairs with no
 * grouping work; and a drill-down page (the people a course's `passed` counts).
 */
import type { FiguresResult, StatsPeoplePage } from '../../electron/shared/contract/vocationalStats'
import type { BenchContext } from './ops'
import type { Bench } from './table'

/** The courses with the most enrolments, as variants of the drill-down (every figure's list is read the same way). */
function busiestCourses(c: BenchContext, n: number): string[] {
  return (
    c.db
      .prepare("SELECT e.course_id AS id FROM enrolments e JOIN courses c ON c.id = e.course_id WHERE c.kind = 'vocational' AND c.voided_at IS NULL GROUP BY e.course_id ORDER BY count(*) DESC, e.course_id LIMIT ?")
      .all(n) as Array<{ id: string }>
  ).map((r) => r.id)
}

export function vocationalStatsOps(bench: Bench, c: BenchContext): void {
  bench.op({
    op: 'vocationalStats:figures',
    target: 20,
    variants: ['course', 'trade', 'year'] as const,
    run: (groupBy) => c.call<FiguresResult>('vocationalStats:figures', { groupBy, kind: 'vocational' }),
    // The floor: the enrolled pairs of live vocational courses counted per course, without their exam and certificate facts.
    floor: () => c.db.prepare("SELECT e.course_id, count(*) FROM courses c JOIN enrolments e ON e.course_id = c.id WHERE c.kind = 'vocational' AND c.voided_at IS NULL AND e.enrolled_on IS NOT NULL GROUP BY e.course_id").all(),
    describe: (groupBy) => `by ${groupBy}, all years`,
  })
  const courses = busiestCourses(c, 5)
  if (courses.length === 0) return
  bench.op({
    op: 'vocationalStats:people',
    target: 20,
    variants: courses,
    run: (courseId) => c.call<StatsPeoplePage>('vocationalStats:people', { figure: 'passed', group: 'course', courseId, kind: 'vocational' }),
    describe: (courseId) => `passed of course ${courseId.slice(0, 8)}`,
  })
}
