/**
 * The courses rows of the bench (tests/bench/courses.ts) on a small benchmark facility: each operation runs, the
 * register save writes a full 60-person session every run (and its floor the same rows), and the table reports them.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { createDispatcher } from '../../electron/core/dispatch'
import { openDatabase } from '../../electron/core/db/open'
import { coursesOps } from '../bench/courses'
import { generateBenchFacility } from '../bench/facility'
import type { BenchContext } from '../bench/ops'
import { Bench } from '../bench/table'
import { fixedClock, TODAY } from './helpers'

describe('courses bench operations', () => {
  const db = openDatabase(':memory:')
  generateBenchFacility(db, { seed: 2, today: TODAY, size: { wards: 2, residentsPerWard: 45, past: 300, assessments: 100, attendance: 2000, certificates: 100 } })
  afterAll(() => db.close())

  it('time the register save, the roster, the timetable and the summary on real rows', () => {
    const dispatch = createDispatcher({ db, clock: fixedClock })
    const login = dispatch('auth:login', { username: 'admin', password: 'Admin#2026' }, null)
    if (!login.ok) throw new Error(login.error.message)
    const session = (login.value as { sessionId: string }).sessionId
    const c: BenchContext = {
      db,
      today: TODAY,
      call: <T>(method: string, input: unknown): T => {
        const r = dispatch(method, input, session)
        if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`)
        return r.value as T
      },
    }
    const bench = new Bench({ runs: 5, log: () => {} })
    const sessionsBefore = (db.prepare('SELECT count(*) AS n FROM course_sessions').get() as { n: number }).n
    coursesOps(bench, c, 5)
    expect(bench.rows.map((r) => r.op)).toEqual(['courses:saveRegister60', 'courses:roster', 'courses:personTimetable', 'courses:personSummary'])
    // One check run, 19 warm-up runs and 5 timed runs, for the operation and for its floor: each a 60-person session.
    const added = db.prepare('SELECT count(*) AS n, sum((SELECT count(*) FROM course_attendance a WHERE a.session_id = s.id)) AS rows FROM course_sessions s WHERE s.topic IN (?, ?)').get('实操训练', '对照') as { n: number; rows: number }
    expect(added).toEqual({ n: 50, rows: 3000 })
    expect((db.prepare('SELECT count(*) AS n FROM course_sessions').get() as { n: number }).n).toBe(sessionsBefore + 50)
    expect(bench.rows[0]!.floor).not.toBeNull()
  })
})
