/**
 * Reads of the ward's records: a person's records (the person tab), a ward's records by date and its day, and the
 * day's counts for the daily log. Every ward read goes through an index keyed by ward and date (partial on live rows);
 * one query per record type for the whole ward, never a query per person.
 */
import type {
  ConductLedger,
  PersonWardwork,
  WardDay,
  WardDayCounts,
  WardRecords,
  WardRecordType,
  WithPerson,
} from '../../shared/contract/wardwork'
import { daysBetween } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { toView, viewFrom, viewSelect, type ViewByType } from './wardworkRepo'

type Raw = Parameters<typeof toView>[0]

function personRecords<T extends WardRecordType>(db: Db, type: T, personId: string, order: string): Array<ViewByType[T]> {
  return (db.prepare(`SELECT ${viewSelect(type)} FROM ${viewFrom(type)} WHERE r.person_id = ? ORDER BY ${order}`).all(personId) as Raw[]).map((r) =>
    toView<T>(r),
  )
}

/** Everything the ward keeps on one person, voided records included (shown as void). */
export function personWardwork(db: Db, personId: string): PersonWardwork {
  const conduct = personRecords(db, 'conduct', personId, 'r.on_date, r.recorded_at, r.id')
  let running = 0
  let rewards = 0
  let sanctions = 0
  const entries: ConductLedger['entries'] = conduct.map((e) => {
    if (!e.voided) {
      running += e.points
      if (e.kind === 'reward') rewards += e.points
      else sanctions += e.points
    }
    return { ...e, runningTotal: running }
  })
  return {
    personId,
    talks: personRecords(db, 'talk', personId, 'coalesce(r.done_on, r.planned_on) DESC, r.recorded_at DESC'),
    conduct: { entries, total: running, rewards, sanctions },
    visits: personRecords(db, 'visit', personId, 'r.on_date DESC, r.recorded_at DESC'),
    medical: personRecords(db, 'medical', personId, 'r.out_at DESC'),
    measures: personRecords(db, 'measure', personId, 'r.start_on DESC, r.recorded_at DESC'),
  }
}

/** Ward rows of one type from a WHERE over the live rows of ward `@wardId` (the caller's clause picks the index). */
function wardRows<T extends WardRecordType>(db: Db, type: T, where: string, params: Record<string, string>, order: string): Array<WithPerson<ViewByType[T]>> {
  const rows = db
    .prepare(`SELECT ${viewSelect(type)}, p.name AS personName FROM ${viewFrom(type)} JOIN people p ON p.id = r.person_id WHERE ${where} ORDER BY ${order}`)
    .all(params) as Raw[]
  return rows.map((r) => toView<T>(r) as WithPerson<ViewByType[T]>)
}

const LIVE = 'r.ward_id = @wardId AND r.voided_at IS NULL'

/** Talks planned or held between the dates (two index ranges, one row per talk). */
function talksBetween(db: Db, wardId: string, from: string, to: string) {
  return wardRows(
    db,
    'talk',
    `r.id IN (SELECT id FROM ward_talks WHERE ward_id = @wardId AND voided_at IS NULL AND planned_on BETWEEN @from AND @to
              UNION SELECT id FROM ward_talks WHERE ward_id = @wardId AND voided_at IS NULL AND done_on BETWEEN @from AND @to)`,
    { wardId, from, to },
    'coalesce(r.done_on, r.planned_on), p.name_pinyin, r.id',
  )
}
/** Medical visits out or back between the dates, and those still out across them. */
function medicalBetween(db: Db, wardId: string, from: string, to: string) {
  return wardRows(
    db,
    'medical',
    `r.id IN (SELECT id FROM outside_medical_visits WHERE ward_id = @wardId AND voided_at IS NULL AND out_at BETWEEN @from AND @toEnd
              UNION SELECT id FROM outside_medical_visits WHERE ward_id = @wardId AND voided_at IS NULL AND back_at >= @from
              UNION SELECT id FROM outside_medical_visits WHERE ward_id = @wardId AND voided_at IS NULL AND back_at IS NULL)
       AND r.out_at <= @toEnd`,
    { wardId, from, toEnd: `${to}T99` },
    'r.out_at, r.id',
  )
}
/** Measures active at any time between the dates: the open ones, then those ended on or after `from`. */
function measuresBetween(db: Db, wardId: string, from: string, to: string) {
  return wardRows(
    db,
    'measure',
    `r.id IN (SELECT id FROM watch_measures WHERE ward_id = @wardId AND voided_at IS NULL AND end_on IS NULL AND start_on <= @to
              UNION SELECT id FROM watch_measures WHERE ward_id = @wardId AND voided_at IS NULL AND end_on >= @from AND start_on <= @to)`,
    { wardId, from, to },
    'r.start_on, p.name_pinyin, r.id',
  )
}

export function wardRecords(db: Db, ward: { id: string; name: string }, from: string, to: string, types: readonly WardRecordType[]): WardRecords {
  const want = (t: WardRecordType) => types.length === 0 || types.includes(t)
  const range = { wardId: ward.id, from, to }
  return {
    wardId: ward.id,
    wardName: ward.name,
    from,
    to,
    talks: want('talk') ? talksBetween(db, ward.id, from, to) : [],
    conduct: want('conduct') ? wardRows(db, 'conduct', `${LIVE} AND r.on_date BETWEEN @from AND @to`, range, 'r.on_date, p.name_pinyin, r.id') : [],
    visits: want('visit') ? wardRows(db, 'visit', `${LIVE} AND r.on_date BETWEEN @from AND @to`, range, 'r.on_date, p.name_pinyin, r.id') : [],
    medical: want('medical') ? medicalBetween(db, ward.id, from, to) : [],
    measures: want('measure') ? measuresBetween(db, ward.id, from, to) : [],
  }
}

/**
 * People in and through the ward on a date, from the ward history (an assignment ends on the day the person leaves).
 * Each count reads one index range of ward_assignments (open ones, ended on or after the day, starting on the day) and
 * looks each person up by key: never a pass over the ward's whole history or over the people table.
 */
function residentCounts(db: Db, wardId: string, date: string) {
  const count = (where: string) =>
    (db.prepare(`SELECT count(*) AS n FROM ward_assignments a JOIN people p ON p.id = a.person_id AND p.voided_at IS NULL WHERE a.ward_id = @wardId AND ${where}`).get({ wardId, date }) as { n: number }).n
  const atStart = count('a.end_date IS NULL AND a.start_date < @date') + count('a.end_date >= @date AND a.start_date < @date')
  const arrivals = db
    .prepare(
      `SELECT p.admission_date = @date AS admitted, count(*) AS n FROM ward_assignments a INDEXED BY ward_assignments_ward_start JOIN people p ON p.id = a.person_id
       WHERE a.ward_id = @wardId AND a.start_date = @date AND p.voided_at IS NULL AND (a.end_date IS NULL OR a.end_date > @date) GROUP BY 1`,
    )
    .all({ wardId, date }) as Array<{ admitted: 0 | 1; n: number }>
  const left = count('a.end_date = @date AND a.start_date < @date')
  const admitted = arrivals.find((x) => x.admitted === 1)?.n ?? 0
  const transferredIn = arrivals.find((x) => x.admitted === 0)?.n ?? 0
  return { residentsAtStart: atStart, admitted, transferredIn, left, residentsAtEnd: atStart + admitted + transferredIn - left }
}

/** The ward's day: its lists and the counts derived from them and from the ward history. */
export function wardDay(db: Db, ward: { id: string; name: string }, date: string, today: string): WardDay {
  const records = wardRecords(db, ward, date, date, [])
  const talksPlanned = records.talks.filter((t) => t.plannedOn === date)
  const talksDone = records.talks.filter((t) => t.status === 'done' && t.doneOn === date)
  const counts: WardDayCounts = {
    ...residentCounts(db, ward.id, date),
    inHospital: records.medical.length,
    medicalOut: records.medical.filter((m) => m.outAt.slice(0, 10) === date).length,
    medicalBack: records.medical.filter((m) => m.backAt?.slice(0, 10) === date).length,
    visits: records.visits.length,
    talksDone: talksDone.length,
    talksPlanned: talksPlanned.filter((t) => t.status !== 'cancelled').length,
    rewards: records.conduct.filter((c) => c.kind === 'reward').length,
    sanctions: records.conduct.filter((c) => c.kind === 'sanction').length,
    activeMeasures: records.measures.length,
  }
  return {
    wardId: ward.id,
    wardName: ward.name,
    date,
    today,
    talksPlanned,
    talksDone,
    conduct: records.conduct,
    visits: records.visits,
    medical: records.medical,
    measures: records.measures,
    counts,
  }
}

export function wardById(db: Db, wardId: string): { id: string; name: string } | undefined {
  return db.prepare('SELECT id, name FROM wards WHERE id = ?').get(wardId) as { id: string; name: string } | undefined
}

/** The inclusive number of days from one date to another. */
export const daysInRange = (from: string, to: string): number => daysBetween(from, to) + 1
