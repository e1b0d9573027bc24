/**
 * The people behind a dashboard figure (`stats:people`): for each FigureRef, the rows its count counts — written from
 * the same predicates as statsQueries.ts — with the person's name, masked ID tail, ward and period, and the figure's
 * own column (`detail`: a release kind, a grade, a task label, a rule id…; `date`: the date that puts them there).
 */
import type { DashboardPeoplePage, FigureRef } from '../../shared/contract/stats'
import { idTail } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Db } from '../db/open'
import { summaryDueWork } from '../duework/dueworkCompute'
import { summaryOfFacility } from '../duework/dueworkSummaryQueries'
import { psychSettings } from '../psych/psychSettings'
import {
  admittedInReach,
  currentInReach,
  FLAGGED,
  GRADE_OF,
  LATEST_SCREENING,
  LATEST_TEST,
  reachParams,
  releasedInReach,
  UNAVOIDABLE,
  VOCATIONAL_FROM,
  vocationalPairsWhere,
  type Wards,
} from './statsQueries'
import { followUpPeopleRows } from './statsFollowUp'

/** A figure's rows: SQL selecting (personId, detail, date). */
export interface PeopleBase {
  sql: string
  params: Record<string, unknown>
}

/** Rows computed outside SQL (due work), fed back through json_each so every list is paged and joined the same way. */
export function rowsBase(rows: ReadonlyArray<{ personId: string; detail: string | null; date: string | null }>): PeopleBase {
  return {
    sql: `SELECT json_extract(j.value, '$.personId') AS personId, json_extract(j.value, '$.detail') AS detail, json_extract(j.value, '$.date') AS date FROM json_each(@rows) j`,
    params: { rows: JSON.stringify(rows) },
  }
}

const monthSpan = (month: string, toMonth?: string) => ({ from: `${month}-01`, to: `${toMonth ?? month}-31` })

const VOCATIONAL_PREDICATE = { enrolled: '1', sat: 'fp.best >= 1', passed: 'fp.best = 2', failed: 'fp.best = 1', certified: 'fp.certified = 1' } as const

export function peopleBase(db: Db, figure: FigureRef, wards: Wards): PeopleBase {
  const reach = reachParams(wards)
  switch (figure.kind) {
    case 'current_total':
    case 'ward_total':
    case 'ward_period': {
      const ward = figure.kind === 'current_total' ? '' : ' AND p.ward_id = @wardId'
      const period = figure.kind === 'ward_period' ? " AND coalesce(p.period, 'none') = @period" : ''
      return {
        sql: `SELECT p.id AS personId, NULL AS detail, p.period_since AS date FROM people p INDEXED BY people_ward_period WHERE ${currentInReach(wards)}${ward}${period}`,
        params: { ...reach, ...(figure.kind === 'current_total' ? {} : { wardId: figure.wardId }), ...(figure.kind === 'ward_period' ? { period: figure.period } : {}) },
      }
    }
    case 'admissions':
      return {
        sql: `SELECT p.id AS personId, NULL AS detail, p.admission_date AS date FROM people p INDEXED BY people_live_admission
          WHERE p.admission_date >= @from AND p.admission_date <= @to AND ${admittedInReach(wards)}`,
        params: { ...reach, ...monthSpan(figure.month, figure.toMonth) },
      }
    case 'releases':
      return {
        sql: `SELECT r.person_id AS personId, r.kind AS detail, r.release_date AS date FROM releases r INDEXED BY releases_date JOIN people p ON p.id = r.person_id
          WHERE r.release_date >= @from AND r.release_date <= @to AND ${releasedInReach(wards)}${figure.releaseKind ? ' AND r.kind = @kind' : ''}`,
        params: { ...reach, ...monthSpan(figure.month, figure.toMonth), ...(figure.releaseKind ? { kind: figure.releaseKind } : {}) },
      }
    case 'psych_open_tasks':
      return {
        sql: `SELECT t.person_id AS personId, t.label AS detail, substr(t.created_at, 1, 10) AS date FROM psych_tasks t INDEXED BY psych_tasks_open
          JOIN people p ON p.id = t.person_id WHERE t.status = 'open' AND ${currentInReach(wards)}`,
        params: reach,
      }
    case 'psych_open_crises':
      return {
        sql: `SELECT c.person_id AS personId, c.risk_level AS detail, c.raised_on AS date FROM crises c INDEXED BY crises_status
          JOIN people p ON p.id = c.person_id WHERE c.status = 'open' AND ${currentInReach(wards)}`,
        params: reach,
      }
    case 'psych_flagged_screening':
      return {
        sql: `SELECT p.id AS personId, s.instrument_id AS detail, s.administered_on AS date FROM people p INDEXED BY people_ward_period
          JOIN assessments s ON s.rowid = ${LATEST_SCREENING} WHERE ${currentInReach(wards)} AND ${FLAGGED}`,
        params: { ...reach, instruments: JSON.stringify(psychSettings(db).screeningInstruments) },
      }
    case 'fitness_grade':
      return {
        sql: `SELECT p.id AS personId, ${GRADE_OF} AS detail, t.test_date AS date FROM people p INDEXED BY people_ward_period
          LEFT JOIN fitness_tests t ON t.rowid = ${LATEST_TEST} WHERE ${currentInReach(wards)} AND ${GRADE_OF} = @grade`,
        params: { ...reach, grade: figure.grade },
      }
    case 'vocational':
      return {
        sql: `SELECT fp.person_id AS personId, c.name AS detail, c.start_date AS date FROM ${VOCATIONAL_FROM}
          WHERE ${vocationalPairsWhere(wards)} AND ${VOCATIONAL_PREDICATE[figure.figure]}`,
        params: { ...reach, from: figure.from, to: figure.to, unavoidable: UNAVOIDABLE },
      }
    case 'due_work': {
      // The same people and computation facilityDueCounts counts (the due-work summary rows of the wards in reach).
      const items = summaryDueWork(db, summaryOfFacility(db, wards), figure.on, figure.on).items.filter(
        (i) => i.status === figure.status && (figure.centre === undefined || i.centre === figure.centre),
      )
      return rowsBase(items.map((i) => ({ personId: i.personId, detail: i.rule, date: i.dueOn })))
    }
    case 'followup_cohort':
    case 'followup_due':
      return rowsBase(followUpPeopleRows(db, wards, figure))
  }
}

interface Row {
  personId: string
  detail: string | null
  date: string | null
  name: string
  idNumber: string
  period: Period | null
  past: 0 | 1
  wardName: string | null
}

/** One page of a figure's rows by name; `total` is the number of rows the figure counts. */
export function figurePeoplePage(db: Db, base: PeopleBase, offset: number, limit: number): DashboardPeoplePage {
  const total = (db.prepare(`SELECT count(*) AS n FROM (${base.sql})`).get(base.params) as { n: number }).n
  const rows = db
    .prepare(
      `SELECT b.personId, b.detail, b.date, pe.name, pe.id_number AS idNumber, pe.period, pe.ward_id IS NULL AS past,
         (SELECT w.name FROM wards w WHERE w.id = coalesce(pe.ward_id,
           (SELECT r.from_ward_id FROM releases r INDEXED BY releases_person_live WHERE r.person_id = pe.id AND r.voided_at IS NULL))) AS wardName
       FROM (${base.sql}) b JOIN people pe ON pe.id = b.personId
       ORDER BY pe.name_pinyin, pe.id, b.date, b.detail LIMIT @limit OFFSET @offset`,
    )
    .all({ ...base.params, limit, offset }) as Row[]
  return {
    total,
    rows: rows.map((r) => ({
      personId: r.personId,
      name: r.name,
      idTail: idTail(r.idNumber),
      wardName: r.wardName,
      period: r.past ? null : r.period,
      past: r.past === 1,
      detail: r.detail,
      date: r.date,
    })),
  }
}
