/**
 * Random writes to every source the due-work summary (migration 022) follows, straight into the tables as the
 * domains' repos write them: inserts, voids, corrections of dates, status changes, and the person's own moves (ward,
 * period, release, return, void). The triggers see table writes, whichever service makes them.
 */
import { randomUUID } from 'node:crypto'
import type { Db } from '../../electron/core/db/open'
import { addDays } from '../../electron/shared/domain/dates'
import { TODAY } from './helpers'

/** Every kind of write (the property test draws them; records and their voids more often than the person's moves). */
export const WRITE_OPS = [
  'assessment', 'fitness', 'diag', 'evidence', 'talk', 'measure', 'task', 'crisis', 'crisisEvent', 'periodMove', 'term',
  'void', 'correct', 'handleTask', 'closeCrisis', 'closeEvidence', 'endMeasure', 'doTalk', 'moveWard', 'release', 'return', 'voidPerson',
  'admissionDate', 'exemption',
] as const
export type WriteOp = (typeof WRITE_OPS)[number]
export interface Write { op: WriteOp; a: number; b: number; d: number }

const INSTRUMENTS = ['phq9', 'gad7', 'scl90', 'zung_sds', 'not_a_screening']
const PERIODS = ['detox', 'education', 'rehabilitation', 'return'] as const
const POINTS = ['admission', 'detox', 'stage', 'one_year', 'pre_expiry'] as const
const TALK_KINDS = ['admission', 'release', 'routine'] as const

/** Voidable tables with the date column a correction moves. */
const VOIDABLE = [
  ['assessments', 'administered_on'], ['fitness_tests', 'test_date'], ['diag_assessments', 'assessed_on'], ['ward_talks', 'planned_on'],
  ['watch_measures', 'review_on'], ['term_events', 'from_date'],
] as const

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!

export function applyWrite(db: Db, w: Write, people: readonly string[], wards: readonly string[]): void {
  const by = (db.prepare(`SELECT id FROM staff WHERE role = 'admin' LIMIT 1`).get() as { id: string }).id
  const personId = pick(people, w.a)
  const day = addDays(TODAY, w.d)
  const at = `${day}T0${w.b % 10}:${String(w.a % 60).padStart(2, '0')}:00.000Z`
  const ward = (db.prepare('SELECT ward_id AS w FROM people WHERE id = ?').get(personId) as { w: string | null }).w ?? wards[0]!
  const row = (sql: string, ...args: unknown[]) => {
    const rows = db.prepare(sql).all(...args) as Array<{ id: string }>
    return rows.length === 0 ? undefined : pick(rows, w.b).id
  }
  const run = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args)
  switch (w.op) {
    case 'assessment':
      return void run(`INSERT INTO assessments (id, person_id, instrument_id, instrument_version, setting, administered_on, administered_by, answers, incomplete_reason,
          rounding, recorded_at, recorded_by) VALUES (?, ?, ?, '1', 'periodic', ?, ?, '[]', ?, 'half_up', ?, ?)`,
        randomUUID(), personId, pick(INSTRUMENTS, w.b), day, by, w.b % 7 === 0 ? '拒绝作答' : null, at, by)
    case 'fitness':
      // One live test per person and date (a unique index): a second one that day is refused, as the fitness form does.
      return void run(`INSERT OR IGNORE INTO fitness_tests (id, person_id, ward_id, test_date, sex, age, standard_id, recorded_at, recorded_by, updated_at, updated_by)
          VALUES (?, ?, ?, ?, 'M', 30, 'GTY-2003-adult', ?, ?, ?, ?)`, randomUUID(), personId, ward, day, at, by, at, by)
    case 'diag': {
      const point = pick(POINTS, w.b)
      return void run(`INSERT INTO diag_assessments (id, person_id, point, stage_period, assessed_on, status, template_id, template_version, components, recommendation, assessors,
          recorded_at, recorded_by, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, 'generic', 1, '[]', 'none', '王警官', ?, ?, ?, ?)`,
        randomUUID(), personId, point, point === 'stage' ? pick(PERIODS, w.b >> 2) : null, day, w.b % 5 === 0 ? 'draft' : 'final', at, by, at, by)
    }
    case 'evidence': {
      const assessment = row('SELECT id FROM diag_assessments WHERE person_id = ? ORDER BY id', personId)
      if (!assessment) return
      return void run(`INSERT OR IGNORE INTO diag_evidence_requests (id, person_id, assessment_id, component, item_id, evidence_kind, requested_on) VALUES (?, ?, ?, 'c', ?, 'doc', ?)`,
        randomUUID(), personId, assessment, `i${w.b}`, day)
    }
    case 'talk': {
      const status = pick(['planned', 'done', 'cancelled'] as const, w.b)
      const plannedOn = status === 'done' && w.b % 2 === 0 ? null : day
      return void run(`INSERT INTO ward_talks (id, person_id, ward_id, kind, status, planned_on, done_on, recorded_at, recorded_by, updated_at, updated_by)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`, randomUUID(), personId, ward, pick(TALK_KINDS, w.b >> 1), status, plannedOn, status === 'done' ? addDays(day, w.b % 3) : null, at, by, at, by)
    }
    case 'measure':
      return void run(`INSERT INTO watch_measures (id, person_id, ward_id, kind, start_on, end_on, review_on, reason, recorded_at, recorded_by, updated_at, updated_by)
          VALUES (?, ?, ?, 'watch', ?, ?, ?, '情绪低落', ?, ?, ?, ?)`, randomUUID(), personId, ward, day, w.b % 3 === 0 ? addDays(day, w.b % 40) : null,
        w.b % 4 === 0 ? null : addDays(day, w.b % 20), at, by, at, by)
    case 'task': {
      const assessment = w.b % 3 === 0 ? null : row('SELECT id FROM assessments WHERE person_id = ? ORDER BY id', personId)
      return void run(`INSERT INTO psych_tasks (id, person_id, ward_id, kind, label, assessment_id, created_at) VALUES (?, ?, ?, 'flag', '复核', ?, ?)`,
        randomUUID(), personId, ward, assessment ?? null, at)
    }
    case 'crisis':
      return void run(`INSERT INTO crises (id, person_id, risk_level, reason, raised_on, raised_by, recorded_at) VALUES (?, ?, 'high', '自伤言语', ?, ?, ?)`, randomUUID(), personId, day, by, at)
    case 'crisisEvent': {
      const crisis = row('SELECT id FROM crises WHERE person_id = ? ORDER BY id', personId)
      if (!crisis) return
      return void run(`INSERT INTO crisis_events (id, crisis_id, kind, event_on, by_staff, note, recorded_at) VALUES (?, ?, 'follow_up', ?, ?, '随访', ?)`, randomUUID(), crisis, day, by, at)
    }
    case 'periodMove': {
      const period = pick(PERIODS, w.b)
      run(`INSERT INTO period_moves (id, person_id, to_period, effective_date, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)`, randomUUID(), personId, period, day, at, by)
      return void run('UPDATE people SET period = ?, period_since = ? WHERE id = ?', period, day, personId)
    }
    case 'term':
      if (w.b % 2 === 0) return void run(`INSERT INTO term_events (id, person_id, kind, months, recorded_at, recorded_by) VALUES (?, ?, 'extension', ?, ?, ?)`, randomUUID(), personId, 1 + (w.b % 12), at, by)
      return void run(`INSERT INTO term_events (id, person_id, kind, from_date, to_date, recorded_at, recorded_by) VALUES (?, ?, 'escape', ?, ?, ?, ?)`,
        randomUUID(), personId, day, w.b % 3 === 0 ? null : addDays(day, 5), at, by)
    case 'void':
    case 'correct': {
      // Any live record of the person's, whatever its table.
      const live = VOIDABLE.flatMap(([table, dateColumn]) =>
        (db.prepare(`SELECT id FROM ${table} WHERE person_id = ? AND voided_at IS NULL ORDER BY id`).all(personId) as Array<{ id: string }>).map((r) => ({ table, dateColumn, id: r.id })))
      if (live.length === 0) return
      const { table, dateColumn, id } = pick(live, w.b)
      if (w.op === 'void') return void run(`UPDATE ${table} SET voided_at = ?, voided_by = ?, void_reason = '录错' WHERE id = ?`, at, by, id)
      // A correction moving onto another live test's date is refused, as the fitness form refuses it.
      return void run(`UPDATE OR IGNORE ${table} SET ${dateColumn} = ? WHERE id = ? AND ${dateColumn} IS NOT NULL`, day, id)
    }
    case 'handleTask': {
      const id = row(`SELECT id FROM psych_tasks WHERE person_id = ? AND status = 'open' ORDER BY id`, personId)
      if (id) run(`UPDATE psych_tasks SET status = ?, handled_at = ?, handled_by = ? WHERE id = ?`, w.b % 2 ? 'done' : 'dismissed', at, by, id)
      return
    }
    case 'closeCrisis': {
      const id = row(`SELECT id FROM crises WHERE person_id = ? AND status = 'open' ORDER BY id`, personId)
      if (id) run(`UPDATE crises SET status = 'closed', closed_on = ?, closed_by = ?, outcome = '缓解' WHERE id = ?`, day, by, id)
      return
    }
    case 'closeEvidence': {
      const id = row(`SELECT id FROM diag_evidence_requests WHERE person_id = ? AND closed_at IS NULL ORDER BY id`, personId)
      if (id) run(`UPDATE diag_evidence_requests SET closed_at = ?, closed_by = ? WHERE id = ?`, at, by, id)
      return
    }
    case 'endMeasure': {
      const id = row(`SELECT id FROM watch_measures WHERE person_id = ? AND end_on IS NULL ORDER BY id`, personId)
      if (id) run(`UPDATE watch_measures SET end_on = max(start_on, ?) WHERE id = ?`, day, id)
      return
    }
    case 'doTalk': {
      const id = row(`SELECT id FROM ward_talks WHERE person_id = ? AND status = 'planned' ORDER BY id`, personId)
      if (id) run(`UPDATE ward_talks SET status = 'done', done_on = ? WHERE id = ?`, day, id)
      return
    }
    case 'moveWard':
      return void run('UPDATE people SET ward_id = ? WHERE id = ? AND ward_id IS NOT NULL', pick(wards, w.b), personId)
    case 'release':
      return void run('UPDATE people SET ward_id = NULL WHERE id = ?', personId)
    case 'return':
      return void run('UPDATE people SET ward_id = ? WHERE id = ? AND ward_id IS NULL', pick(wards, w.b), personId)
    case 'voidPerson':
      // Rare: a file voided as a duplicate.
      if (w.b % 5 === 0) run('UPDATE people SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?', at, by, '重复建档', personId)
      return
    case 'admissionDate':
      return void run('UPDATE people SET admission_date = ?, last_day = ? WHERE id = ?', day, w.b % 4 === 0 ? null : addDays(day, 700), personId)
    case 'exemption':
      return void run(`INSERT OR IGNORE INTO due_exemptions (id, person_id, rule, occurrence, reason, created_by, created_at) VALUES (?, ?, ?, 'admission', '外院已做', ?, ?)`,
        randomUUID(), personId, pick(['psych_admission_screening', 'fitness_admission_test', 'diag_admission'], w.b), by, at)
  }
}
