/**
 * Employment support rules on a real database: events (dates, limits, stale revisions, void), referrals (dates against
 * the event and the admission, duplicates at an event), agreements (dates), the after-release outcome (needs an
 * agreement and a released person; a past file is reached by facility-wide staff), voiding, the lists.
 */
import { afterAll, describe, expect, it } from 'vitest'
import type { EmploymentEventDetail, ReferralRow } from '../../electron/shared/contract/employment'
import { call, err, makeWorld, ok, TODAY } from './helpers'
import { makePeople } from './vocationalStatsPeople'

const world = makeWorld(['vocational', 'ward_officer'])
afterAll(() => world.close())
const voc = world.sessions.vocational!
const admin = world.sessions.admin!
const [a1, a2, b1] = makePeople(world, 3, 2)
const event = (overrides: Record<string, unknown> = {}) => ({ kind: 'job_fair' as const, eventDate: '2026-10-10', employer: '某电器公司', positions: '电工 10 名', positionsOffered: 10, ...overrides })
const create = (overrides: Record<string, unknown> = {}) => call(world.dispatch, 'employment:createEvent', event(overrides), voc)

describe('events', () => {
  it('creates, lists and reads an event', () => {
    const id = ok(create({ place: '教学楼' })).id
    const page = ok(call(world.dispatch, 'employment:events', { year: 2026 }, voc))
    expect(page.rows.map((r) => r.id)).toContain(id)
    expect(ok(call(world.dispatch, 'employment:events', { year: 2025 }, voc)).rows.map((r) => r.id)).not.toContain(id)
    expect(ok(call(world.dispatch, 'employment:event', { id }, voc))).toMatchObject({ employer: '某电器公司', place: '教学楼', referred: 0, referrals: [] })
  })

  it.each([
    ['a date after today', { eventDate: '2026-11-24' }, 'eventDate', 'v.date_in_future'],
    ['an employer of 61 characters', { employer: '某'.repeat(61) }, 'employer', 'v.too_long|{"max":60}'],
    ['positions of 501 characters', { positions: '岗'.repeat(501) }, 'positions', 'v.too_long|{"max":500}'],
    ['10,001 positions offered', { positionsOffered: 10_001 }, 'positionsOffered', 'v.range|{"min":0,"max":10000}'],
    ['a negative number offered', { positionsOffered: -1 }, 'positionsOffered', 'v.range|{"min":0,"max":10000}'],
  ])('refuses %s at the field, changing nothing', (_label, overrides, field, key) => {
    const before = ok(call(world.dispatch, 'employment:events', {}, voc)).total
    expect(err(create(overrides)).fields).toEqual({ [field]: key })
    expect(ok(call(world.dispatch, 'employment:events', {}, voc)).total).toBe(before)
  })

  it('accepts both limits exactly', () => {
    ok(create({ eventDate: TODAY, employer: '某'.repeat(60), positions: '岗'.repeat(500), positionsOffered: 10_000 }))
    ok(create({ kind: 'employer_visit', positionsOffered: 0, positions: null }))
  })

  it('an edit names its revision; a stale one is refused', () => {
    const id = ok(create()).id
    expect(ok(call(world.dispatch, 'employment:updateEvent', { id, revision: 1, ...event({ employer: '改名公司' }) }, voc))).toEqual({ revision: 2 })
    expect(err(call(world.dispatch, 'employment:updateEvent', { id, revision: 1, ...event() }, voc)).key).toBe('employment.stale_revision')
    expect(ok(call(world.dispatch, 'employment:event', { id }, voc)).employer).toBe('改名公司')
  })

  it('cannot be voided while it has live referrals; can once they are voided', () => {
    const id = ok(create()).id
    const [ref] = ok(call(world.dispatch, 'employment:refer', { personIds: [a1!], eventId: id, employer: '某电器公司', referredOn: '2026-10-10' }, voc)).ids
    expect(err(call(world.dispatch, 'employment:voidEvent', { id, revision: 1, reason: '录错了' }, voc)).key).toBe('employment.event_has_referrals|{"count":1}')
    // Moving the event after its referral would put the referral before the event.
    expect(err(call(world.dispatch, 'employment:updateEvent', { id, revision: 1, ...event({ eventDate: '2026-10-11' }) }, voc)).fields).toEqual({ eventDate: 'employment.event_after_referral|{"date":"2026-10-10"}' })
    ok(call(world.dispatch, 'employment:voidReferral', { id: ref!, revision: 1, reason: '录错了' }, voc))
    ok(call(world.dispatch, 'employment:voidEvent', { id, revision: 1, reason: '录错了' }, voc))
    expect(err(call(world.dispatch, 'employment:event', { id }, voc)).code).toBe('not_found')
    expect(err(call(world.dispatch, 'employment:refer', { personIds: [a2!], eventId: id, employer: 'x', referredOn: TODAY }, voc)).fields).toEqual({ eventId: 'err.not_found' })
  })
})

describe('referrals and agreements', () => {
  const eventId = ok(create({ eventDate: '2026-10-01' })).id
  const refer = (personIds: string[], referredOn = '2026-10-01') => call(world.dispatch, 'employment:refer', { personIds, eventId, employer: '某电器公司', position: '电工', referredOn }, voc)

  it('refers people once per event; a second referral or a repeated name is refused at its row', () => {
    const { ids } = ok(refer([a1!, b1!]))
    expect(ids).toHaveLength(2)
    expect(err(refer([a2!, a2!])).fields).toEqual({ 'personIds.1': 'employment.duplicate_person' })
    expect(err(refer([a2!, a1!])).fields).toEqual({ 'personIds.1': 'employment.already_referred|{"name":"赵一"}' })
    const detail = ok(call(world.dispatch, 'employment:event', { id: eventId }, voc)) as EmploymentEventDetail
    expect(detail.referrals.map((r) => r.personId).sort()).toEqual([a1, b1].sort())
  })

  it.each([
    ['before the event', '2026-09-30', { referredOn: 'employment.referred_before_event|{"date":"2026-10-01"}' }],
    ['after today', '2026-11-24', { referredOn: 'v.date_in_future' }],
  ])('refuses a referral dated %s', (_label, date, fields) => {
    expect(err(refer([a2!], date)).fields).toEqual(fields)
  })

  it('refuses a date before the admission, and no one', () => {
    expect(err(call(world.dispatch, 'employment:refer', { personIds: [a2!], employer: 'x', referredOn: '2023-06-01' }, voc)).fields).toEqual({ 'personIds.0': 'v.date_before_admission|{"admission":"2024-01-01"}' })
    expect(err(call(world.dispatch, 'employment:refer', { personIds: [], employer: 'x', referredOn: TODAY }, voc)).fields).toEqual({ personIds: 'employment.no_people' })
  })

  it('records an agreement between the referral and today, naming the revision', () => {
    const [id] = ok(call(world.dispatch, 'employment:refer', { personIds: [a2!], employer: '某餐饮公司', referredOn: '2026-10-05' }, voc)).ids
    expect(err(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: '2026-10-04' }, voc)).fields).toEqual({ signedOn: 'employment.signed_before_referral|{"date":"2026-10-05"}' })
    expect(err(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: '2026-11-24' }, voc)).fields).toEqual({ signedOn: 'v.date_in_future' })
    expect(ok(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: '2026-10-05' }, voc))).toEqual({ revision: 2 })
    expect(err(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: TODAY }, voc)).key).toBe('employment.stale_revision')
    const [row] = ok(call(world.dispatch, 'employment:person', { personId: a2! }, voc)) as ReferralRow[]
    expect(row).toMatchObject({ employer: '某餐饮公司', agreementSignedOn: '2026-10-05', revision: 2, eventId: null })
  })
})

describe('job taken after release', () => {
  it('needs an agreement, a released person, a date after the agreement; facility-wide staff record it for the past file', () => {
    const [id] = ok(call(world.dispatch, 'employment:refer', { personIds: [b1!], employer: '某物流公司', referredOn: '2026-09-01' }, voc)).ids
    const outcome = (revision: number, recordedOn = TODAY) => call(world.dispatch, 'employment:recordJobTaken', { id: id!, revision, jobTaken: 'yes', recordedOn }, voc)
    expect(err(outcome(1)).key).toBe('employment.no_agreement')
    ok(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: '2026-09-10' }, voc))
    expect(err(outcome(2)).key).toBe('employment.not_released')
    const waiting = ok(call(world.dispatch, 'employment:awaitingOutcome', {}, voc))
    expect(waiting.rows.map((r) => r.id)).toContain(id)
    // The officer (一大队) does not read 二大队: the agreement is counted, not listed.
    const officerView = ok(call(world.dispatch, 'employment:awaitingOutcome', {}, world.sessions.ward_officer!))
    expect(officerView.rows.map((r) => r.id)).not.toContain(id)
    expect(officerView.hidden).toBeGreaterThanOrEqual(1)
    // Released: a past file has no ward.
    world.db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(b1)
    expect(err(outcome(2, '2026-09-09')).fields).toEqual({ recordedOn: 'employment.outcome_before_agreement|{"date":"2026-09-10"}' })
    expect(ok(outcome(2))).toEqual({ revision: 3 })
    expect(ok(call(world.dispatch, 'employment:awaitingOutcome', {}, voc)).rows.map((r) => r.id)).not.toContain(id)
    const rows = ok(call(world.dispatch, 'employment:person', { personId: b1! }, admin)) as ReferralRow[]
    expect(rows.find((r) => r.id === id)).toMatchObject({ jobTaken: 'yes', jobTakenRecordedOn: TODAY, wardName: null })
  })

  it('a ward officer may read but not record', () => {
    const [id] = ok(call(world.dispatch, 'employment:refer', { personIds: [a1!], employer: '某公司', referredOn: TODAY }, voc)).ids
    expect(err(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 1, signedOn: TODAY }, world.sessions.ward_officer!)).code).toBe('forbidden')
    expect(ok(call(world.dispatch, 'employment:person', { personId: a1! }, world.sessions.ward_officer!)).length).toBeGreaterThan(0)
  })

  it('a voided referral stays in the file, marked, and takes no more edits', () => {
    const [id] = ok(call(world.dispatch, 'employment:refer', { personIds: [a1!], employer: '作废公司', referredOn: TODAY }, voc)).ids
    ok(call(world.dispatch, 'employment:voidReferral', { id: id!, revision: 1, reason: '重复录入' }, voc))
    expect(err(call(world.dispatch, 'employment:recordAgreement', { id: id!, revision: 2, signedOn: TODAY }, voc)).key).toBe('employment.referral_voided')
    const row = (ok(call(world.dispatch, 'employment:person', { personId: a1! }, voc)) as ReferralRow[]).find((r) => r.id === id)
    expect(row?.voided?.reason).toBe('重复录入')
  })
})
