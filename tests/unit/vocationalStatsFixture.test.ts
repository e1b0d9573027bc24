/**
 * The statistics on a hand-computed fixture: withdrawals released vs refused, a resit that passes counted once, an
 * absent-only person not in 'sat', a voided sitting and a voided certificate not counted, a waiting-list person not
 * enrolled; the headline figures of a period; the people lists equal to their figures; a ward officer's lists.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { FiguresResult, HeadlineFigures, StatsPeoplePage } from '../../electron/shared/contract/vocationalStats'
import { call, err, makeWorld, ok, TODAY } from './helpers'
import { makePeople } from './vocationalStatsPeople'
import { insertAttempt, insertCertificate, insertCourse, insertEnrolment, insertReferral, insertTrade } from './vocationalStatsFixtures'

const world = makeWorld(['ward_officer', 'vocational'])
afterAll(() => world.close())
const admin = world.sessions.admin!
const officer = world.sessions.ward_officer!
const db = world.db
// p0–p3 in 一大队 (the officer's ward), p4–p7 in 二大队.
const p = makePeople(world, 8, 4)
const trade = insertTrade(db, '电工')
const otherTrade = insertTrade(db, '中式面点师')
const courseA = insertCourse(db, { name: '电工初级班', tradeId: trade, startDate: '2026-03-01' })
insertEnrolment(db, { courseId: courseA, personId: p[0]!, status: 'completed', enrolledOn: '2026-03-01' })
insertAttempt(db, { courseId: courseA, personId: p[0]!, attempt: 1, result: 'failed', examDate: '2026-06-01' })
insertAttempt(db, { courseId: courseA, personId: p[0]!, attempt: 2, result: 'passed', examDate: '2026-06-10' })
insertCertificate(db, { personId: p[0]!, courseId: courseA, issuedOn: '2026-07-01' })
insertEnrolment(db, { courseId: courseA, personId: p[1]!, status: 'withdrawn', enrolledOn: '2026-03-01', withdrawReason: 'released' })
insertEnrolment(db, { courseId: courseA, personId: p[2]!, status: 'withdrawn', enrolledOn: '2026-03-01', withdrawReason: 'refused' })
insertEnrolment(db, { courseId: courseA, personId: p[3]!, status: 'enrolled', enrolledOn: '2026-03-01' })
insertAttempt(db, { courseId: courseA, personId: p[3]!, attempt: 1, result: 'absent', examDate: '2026-06-01' })
insertEnrolment(db, { courseId: courseA, personId: p[4]!, status: 'completed', enrolledOn: '2026-03-01' })
insertAttempt(db, { courseId: courseA, personId: p[4]!, attempt: 1, result: 'passed', examDate: '2026-06-01', voided: true })
insertAttempt(db, { courseId: courseA, personId: p[4]!, attempt: 2, result: 'failed', examDate: '2026-06-01' })
insertCertificate(db, { personId: p[4]!, courseId: courseA, issuedOn: '2026-07-01', voided: true })
insertEnrolment(db, { courseId: courseA, personId: p[5]!, status: 'waiting', enrolledOn: null })
insertCertificate(db, { personId: p[5]!, courseId: null, issuedOn: '2026-05-01' })
// Another trade's course a year earlier, and a voided course that counts nowhere.
const courseB = insertCourse(db, { name: '面点班', tradeId: otherTrade, startDate: '2025-09-01' })
insertEnrolment(db, { courseId: courseB, personId: p[6]!, status: 'completed', enrolledOn: '2025-09-01' })
insertAttempt(db, { courseId: courseB, personId: p[6]!, attempt: 1, result: 'passed', examDate: '2025-12-01' })
insertCertificate(db, { personId: p[6]!, courseId: courseB, issuedOn: '2025-12-20' })
const voided = insertCourse(db, { name: '作废班', tradeId: trade, startDate: '2026-04-01', voided: true })
insertEnrolment(db, { courseId: voided, personId: p[7]!, status: 'completed', enrolledOn: '2026-04-01' })

const figures = (input: Parameters<typeof call<'vocationalStats:figures'>>[2]) => ok(call(world.dispatch, 'vocationalStats:figures', input, admin)) as FiguresResult
const people = (input: Parameters<typeof call<'vocationalStats:people'>>[2], session = admin) => ok(call(world.dispatch, 'vocationalStats:people', input, session)) as StatsPeoplePage

describe('course figures by hand', () => {
  const A = { enrolled: 5, withdrawn: 2, unavoidableWithdrawn: 1, completed: 2, sat: 2, passed: 1, certified: 1, passRate: 50, certificationRate: 25 }
  const B = { enrolled: 1, withdrawn: 0, unavoidableWithdrawn: 0, completed: 1, sat: 1, passed: 1, certified: 1, passRate: 100, certificationRate: 100 }

  it('per course: the resit counted once, absent-only not sat, voided sitting and certificate left out, waiting list not enrolled', () => {
    const result = figures({ groupBy: 'course', kind: 'vocational' })
    expect(result.rows.map((r) => r.label)).toEqual(['电工初级班', '面点班'])
    expect(result.rows[0]).toMatchObject({ key: courseA, trade: '电工', ...A })
    expect(result.rows[1]).toMatchObject({ key: courseB, ...B })
    expect(result.total).toEqual({ enrolled: 6, withdrawn: 2, unavoidableWithdrawn: 1, completed: 3, sat: 3, passed: 2, certified: 2, passRate: 66.7, certificationRate: 40 })
  })

  it('per trade and per year, and a year range', () => {
    expect(figures({ groupBy: 'trade', kind: 'vocational' }).rows.map((r) => [r.label, r.enrolled])).toEqual([['中式面点师', 1], ['电工', 5]])
    expect(figures({ groupBy: 'year', kind: 'vocational' }).rows.map((r) => [r.key, r.passed])).toEqual([['2026', 1], ['2025', 1]])
    expect(figures({ groupBy: 'course', kind: 'vocational', fromYear: 2026, toYear: 2026 }).total).toMatchObject(A)
    expect(figures({ groupBy: 'course', kind: 'education' })).toEqual({ rows: [], total: { enrolled: 0, withdrawn: 0, unavoidableWithdrawn: 0, completed: 0, sat: 0, passed: 0, certified: 0, passRate: null, certificationRate: null } })
  })

  it('refuses a reversed year range and trades of education classes, with the field', () => {
    expect(err(call(world.dispatch, 'vocationalStats:figures', { groupBy: 'course', kind: 'vocational', fromYear: 2026, toYear: 2025 }, admin)).fields).toEqual({ toYear: 'stats.year_order' })
    expect(err(call(world.dispatch, 'vocationalStats:figures', { groupBy: 'trade', kind: 'education' }, admin)).fields).toEqual({ groupBy: 'stats.education_no_trade' })
    expect(err(call(world.dispatch, 'vocationalStats:figures', { groupBy: 'course', kind: 'vocational', fromYear: 1999 }, admin)).code).toBe('invalid_input')
  })

  it.each([
    ['enrolled', [0, 1, 2, 3, 4]],
    ['withdrawn', [1, 2]],
    ['completed', [0, 4]],
    ['sat', [0, 4]],
    ['passed', [0]],
    ['failed', [4]],
    ['certified', [0]],
  ] as const)('the %s list of the course names exactly its people', (figure, who) => {
    const page = people({ figure, group: 'course', courseId: courseA, kind: 'vocational' })
    expect(page.rows.map((r) => r.personId).sort()).toEqual(who.map((i) => p[i]!).sort())
    expect(page.total).toBe(who.length)
    expect(page.hidden).toBe(0)
  })

  it('rows carry what the list shows: ward, result, certificate number', () => {
    const [row] = people({ figure: 'certified', group: 'course', courseId: courseA, kind: 'vocational' }).rows
    expect(row).toMatchObject({ personId: p[0], wardName: '一大队', courseName: '电工初级班', examResult: 'passed', enrolmentStatus: 'completed' })
    expect(row!.certificateNumber).toMatch(/^S\d{21}$/)
  })

  it('trade, year and total lists, and pages', () => {
    expect(people({ figure: 'passed', group: 'trade', tradeId: otherTrade, kind: 'vocational' }).rows.map((r) => r.personId)).toEqual([p[6]])
    expect(people({ figure: 'enrolled', group: 'year', year: 2025, kind: 'vocational' }).total).toBe(1)
    const all = people({ figure: 'enrolled', group: 'total', kind: 'vocational' })
    expect(all.total).toBe(6)
    const second = people({ figure: 'enrolled', group: 'total', kind: 'vocational', offset: 4, limit: 4 })
    expect(second.rows.map((r) => r.personId)).toEqual(all.rows.slice(4).map((r) => r.personId))
  })

  it('a ward officer sees everyone counted and only his ward listed, the rest said', () => {
    const page = people({ figure: 'enrolled', group: 'course', courseId: courseA, kind: 'vocational' }, officer)
    expect(page.rows.map((r) => r.personId).sort()).toEqual([p[0], p[1], p[2], p[3]].sort())
    expect(page.hidden).toBe(1)
    const figuresAsOfficer = ok(call(world.dispatch, 'vocationalStats:figures', { groupBy: 'course', kind: 'vocational' }, officer)) as FiguresResult
    expect(figuresAsOfficer.rows[0]!.enrolled).toBe(5)
  })

  it('a figure asked for the wrong grouping is refused at the field', () => {
    expect(err(call(world.dispatch, 'vocationalStats:people', { figure: 'agreements', group: 'course', courseId: courseA }, admin)).fields).toEqual({ figure: 'stats.figure_group' })
    expect(err(call(world.dispatch, 'vocationalStats:people', { figure: 'enrolled', group: 'period', from: '2026-01-01', to: TODAY }, admin)).fields).toEqual({ figure: 'stats.figure_group' })
    expect(err(call(world.dispatch, 'vocationalStats:people', { figure: 'passed', group: 'course' }, admin)).fields).toEqual({ courseId: 'v.required' })
  })
})

describe('headline figures of a period', () => {
  // p0 referred at an event and signed; p1 referred without an event; p2's signed referral voided; p6 released, signed, job taken.
  const event = ok(call(world.dispatch, 'employment:createEvent', { kind: 'job_fair', eventDate: '2026-09-01', employer: '某家政公司', positions: '家政服务员 20 名', positionsOffered: 20 }, admin)).id
  const [refA] = ok(call(world.dispatch, 'employment:refer', { personIds: [p[0]!], eventId: event, employer: '某家政公司', referredOn: '2026-09-01' }, admin)).ids
  ok(call(world.dispatch, 'employment:recordAgreement', { id: refA!, revision: 1, signedOn: '2026-09-05' }, admin))
  insertReferral(db, { personId: p[1]!, referredOn: '2026-10-01' })
  insertReferral(db, { personId: p[2]!, referredOn: '2026-10-01', signedOn: '2026-10-02', voided: true })
  insertReferral(db, { personId: p[6]!, referredOn: '2026-07-20', signedOn: '2026-08-01', jobTaken: 'yes' })
  const year = { from: '2026-01-01', to: TODAY }
  const headline = (period: { from: string; to: string }) => ok(call(world.dispatch, 'vocationalStats:headline', period, admin)) as HeadlineFigures

  it('counts each as defined', () => {
    expect(headline(year)).toEqual({ ...year, certifiedPeople: 2, sat: 2, passed: 1, passRate: 50, agreements: 2, referrals: 3, jobTaken: 1, jobKnown: 1 })
    // The resit of 10 June puts p0's exam in June; p4's only live sitting was on 1 June.
    expect(headline({ from: '2026-06-05', to: '2026-06-30' })).toMatchObject({ sat: 1, passed: 1, passRate: 100 })
    expect(headline({ from: '2025-01-01', to: '2025-12-31' })).toMatchObject({ certifiedPeople: 1, sat: 1, passed: 1, agreements: 0, referrals: 0, passRate: 100 })
    expect(headline({ from: '2024-01-01', to: '2024-12-31' })).toMatchObject({ certifiedPeople: 0, sat: 0, passRate: null })
  })

  it.each([
    ['certified', [0, 5]],
    ['sat', [0, 4]],
    ['passed', [0]],
    ['failed', [4]],
    ['agreements', [0, 6]],
    ['referrals', [0, 1, 6]],
    ['jobTaken', [6]],
  ] as const)('the %s list of the period names exactly its people', (figure, who) => {
    const page = people({ figure, group: 'period', ...year })
    expect(page.rows.map((r) => r.personId).sort()).toEqual(who.map((i) => p[i]!).sort())
  })

  it('a ward officer: the agreement of 二大队 counted, not listed', () => {
    const page = people({ figure: 'agreements', group: 'period', ...year }, officer)
    expect(page.rows.map((r) => r.personId)).toEqual([p[0]])
    expect(page.hidden).toBe(1)
  })

  it('a new agreement changes the count', () => {
    const [ref] = ok(call(world.dispatch, 'employment:refer', { personIds: [p[3]!], eventId: event, employer: '某家政公司', referredOn: '2026-09-02' }, world.sessions.vocational!)).ids
    expect(headline(year).agreements).toBe(2)
    ok(call(world.dispatch, 'employment:recordAgreement', { id: ref!, revision: 1, signedOn: '2026-09-03' }, world.sessions.vocational!))
    expect(headline(year)).toMatchObject({ agreements: 3, referrals: 4 })
  })

  it('refuses a reversed period', () => {
    expect(err(call(world.dispatch, 'vocationalStats:headline', { from: '2026-02-01', to: '2026-01-01' }, admin)).fields).toEqual({ to: 'stats.range_order' })
  })
})
