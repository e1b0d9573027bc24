/**
 * Dates are bounded by the domain (issue 10 §9): arithmetic keeps years 0000–0099 where they are (Date.UTC would move
 * them to 1900–1999), no date before 1900-01-01 is accepted anywhere, and a psychology record of a person's stay is dated
 * from the admission day to today.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, addMonths, daysBetween, daysInMonth, isValidIsoDate } from '../../electron/shared/domain/dates'
import { call, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

describe('date arithmetic in the first century', () => {
  it.each([
    ['0050-06-15', 1, '0050-06-16'],
    ['0099-12-31', 1, '0100-01-01'],
    ['0000-03-01', -1, '0000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
  ])('%s + %i day → %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })

  it('months, lengths and differences', () => {
    expect(addMonths('0050-01-31', 1)).toBe('0050-02-28')
    expect(addMonths('0004-01-31', 1)).toBe('0004-02-29')
    expect(daysInMonth(4, 2)).toBe(29)
    expect(daysInMonth(1900, 2)).toBe(28)
    expect(isValidIsoDate('0004-02-29')).toBe(true)
    expect(isValidIsoDate('1900-02-29')).toBe(false)
    expect(daysBetween('0099-12-31', '0100-01-01')).toBe(1)
    // 1,900 years of 365 days plus the leap days of 52–1948 (475 years divisible by 4, less 15 centuries not by 400).
    expect(daysBetween('0050-06-15', '1950-06-15')).toBe(1900 * 365 + 475 - 15)
  })
})

const NOTE = { presentingIssue: '入所后睡眠差', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' }

describe('dates of records', () => {
  let w: World
  let personId: string
  const admission = '2026-06-01'
  beforeAll(() => {
    w = makeWorld(['counsellor'])
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: admission }), w.sessions.admin!)).id
  })
  afterAll(() => w.close())
  const counsellor = () => w.sessions.counsellor!

  const assess = (administeredOn: string) =>
    call(w.dispatch, 'psych:submitAssessment', { personId, instrumentId: 'gad7', setting: 'on_request', administeredOn, answers: [1, 1, 1, 1, 1, 1, 1] }, counsellor())
  const raise = (raisedOn: string) => call(w.dispatch, 'psych:raiseCrisis', { personId, riskLevel: 'medium', reason: '情绪低落', raisedOn }, counsellor())
  const session = (date: string) =>
    call(w.dispatch, 'psych:createSession', { kind: 'individual', date, durationMinutes: 30, participantIds: [personId], topic: '适应', note: NOTE }, counsellor())

  it.each([
    ['0050-06-15', 'v.date_too_early|{"min":"1900-01-01"}'],
    ['1899-12-31', 'v.date_too_early|{"min":"1900-01-01"}'],
    ['2026-05-31', 'v.date_before_admission|{"admission":"2026-06-01"}'],
    ['2026-11-24', 'v.date_in_future'],
  ])('%s is refused on each psychology record with %s', (date, message) => {
    expect(err(assess(date)).fields).toEqual({ administeredOn: message })
    expect(err(raise(date)).fields).toEqual({ raisedOn: message })
    expect(err(session(date)).fields).toEqual({ date: message })
  })

  it.each([admission, TODAY])('%s (admission day, today) is accepted', (date) => {
    expect(assess(date).ok).toBe(true)
    expect(session(date).ok).toBe(true)
  })

  it('an edited counselling record keeps the bound', () => {
    const { id } = ok(session(admission))
    const edit = (date: string) => call(w.dispatch, 'psych:updateSession', { id, revision: 1, date, durationMinutes: 30, topic: '适应', note: NOTE }, counsellor())
    expect(err(edit('2026-05-30')).fields).toEqual({ date: 'v.date_before_admission|{"admission":"2026-06-01"}' })
    expect(edit('2026-06-02').ok).toBe(true)
  })

  it('a birth date before 1900 is refused on the file', () => {
    expect(err(call(w.dispatch, 'people:create', personInput(w.wards.a, { birthDate: '0090-03-07' }), w.sessions.admin!)).fields).toMatchObject({
      birthDate: 'v.date_too_early|{"min":"1900-01-01"}',
    })
  })
})
