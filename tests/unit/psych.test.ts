import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { blankFacts } from '../../electron/shared/domain/duework/facts'
import { screeningDue, screeningOnly } from '../../electron/shared/domain/duework/screening'
import { DEFAULT_DUE_RULES } from '../../electron/shared/domain/duework/settings'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

// Admission screening within 15 days, reassessment every 90 days, listed 14 days ahead (the due-work rules, duework.rules).
const RULES = {
  ...DEFAULT_DUE_RULES,
  psych_admission_screening: { enabled: true, days: 15 },
  psych_reassessment: { enabled: true, intervalDays: 90, leadDays: 14 },
}
const screening = (admission: string, last: string | null) =>
  blankFacts('p', admission, { screenings: last ? { first: { id: 'a', on: last }, latest: [{ id: 'a', on: last }] } : { first: null, latest: [] } })

describe('screening due (the due-work rules, as the psych ward screen shows them)', () => {
  it.each([
    // admission 2026-11-01 + 15 days = 2026-11-16
    ['2026-11-01', null, '2026-11-10', 'admission', '2026-11-16', 'due'],
    ['2026-11-01', null, '2026-11-16', 'admission', '2026-11-16', 'due'],
    ['2026-11-01', null, '2026-11-17', 'admission', '2026-11-16', 'overdue'],
    // last screening 2026-09-01 + 90 days = 2026-11-30; due from 14 days before (2026-11-16)
    ['2026-06-01', '2026-09-01', '2026-11-15', 'periodic', '2026-11-30', 'done'],
    ['2026-06-01', '2026-09-01', '2026-11-16', 'periodic', '2026-11-30', 'due'],
    ['2026-06-01', '2026-09-01', '2026-11-30', 'periodic', '2026-11-30', 'due'],
    ['2026-06-01', '2026-09-01', '2026-12-01', 'periodic', '2026-11-30', 'overdue'],
  ] as const)('admission %s, last %s, on %s → %s due %s: %s', (admission, last, today, kind, dueOn, status) => {
    expect(screeningDue(screening(admission, last), { today, rules: screeningOnly(RULES), fitnessRetestIntervalDays: 90 })).toEqual({ kind, dueOn, status })
  })
})

describe('psychology workflow through the dispatcher', () => {
  let w: World
  let personId: string
  let adminSid: string
  let counsellor: string
  let trainer: string
  let officer: string

  beforeAll(() => {
    w = makeWorld(['counsellor', 'trainer', 'ward_officer'])
    adminSid = w.sessions.admin!
    counsellor = w.sessions.counsellor!
    trainer = w.sessions.trainer!
    officer = w.sessions.ward_officer!
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: '2026-11-01' }), adminSid)).id
  })
  afterAll(() => w.close())

  it('a new person is due for admission screening', () => {
    const screen = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer))
    const row = screen.rows.find((r) => r.personId === personId)!
    // admitted 2026-11-01 + 15 days = 2026-11-16 < today 2026-11-23 → overdue
    expect(row.screening).toEqual({ kind: 'admission', dueOn: '2026-11-16', status: 'overdue', lastOn: null })
    expect(screen.counts.overdue).toBe(1)
  })

  it('PHQ-9 with item 9 answered 1 scores 1 (minimal) and opens a follow-up task for the ward', () => {
    const before = count(w.db, 'psych_tasks')
    const r = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 1],
    }, counsellor))
    expect(r.result!.scores.total).toBe(1)
    expect(r.result!.band!.id).toBe('minimal')
    expect(r.result!.flags.map((f) => f.id)).toEqual(['suicide_item'])
    expect(r.taskIds).toHaveLength(1)
    expect(count(w.db, 'psych_tasks')).toBe(before + 1)
    const screen = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer))
    // The ward screen shows that a flag needs following up, not which one (a suicide item): that is the audited detail.
    expect(JSON.stringify(screen)).not.toMatch(/suicide|自伤|自杀/)
    const taskId = screen.tasks.find((t) => t.personId === personId)!.id
    const auditBefore = count(w.db, 'audit_log')
    expect(ok(call(w.dispatch, 'psych:getTask', { id: taskId }, counsellor)).kind).toBe('suicide_item')
    expect(count(w.db, 'audit_log')).toBe(auditBefore + 1)
    expect(err(call(w.dispatch, 'psych:getTask', { id: taskId }, officer)).code).toBe('forbidden')
    const row = screen.rows.find((x) => x.personId === personId)!
    // screened today: next due 2026-11-23 + 90 = 2027-02-21
    expect(row.screening).toEqual({ kind: 'periodic', dueOn: '2027-02-21', status: 'done', lastOn: TODAY })
    expect(row.latest?.bandId).toBe('minimal')
    expect(row.openTasks).toBe(1)
  })

  it('a task is handled once; a second attempt is refused', () => {
    const [task] = ok(call(w.dispatch, 'psych:tasks', { personId, status: 'open' }, counsellor))
    ok(call(w.dispatch, 'psych:handleTask', { id: task!.id, outcome: 'done', note: '已面谈，无自伤计划' }, counsellor))
    expect(err(call(w.dispatch, 'psych:handleTask', { id: task!.id, outcome: 'done', note: '再次' }, counsellor)).code).toBe('rule_violation')
    expect(err(call(w.dispatch, 'psych:handleTask', { id: task!.id, outcome: 'done', note: '越权' }, officer)).code).toBe('forbidden')
  })

  it('refuses an incomplete form without a reason and a wrong number of answers, writing nothing', () => {
    const before = count(w.db, 'assessments')
    const incomplete = err(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'gad7', setting: 'on_request', administeredOn: TODAY, answers: [1, 1, null, 1, 1, 1, 1],
    }, counsellor))
    expect(incomplete.fields?.incompleteReason).toMatch(/^psych\.incomplete_needs_reason/)
    const short = err(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'gad7', setting: 'on_request', administeredOn: TODAY, answers: [1, 1, 1],
    }, counsellor))
    expect(short.fields?.answers).toBe('psych.answer_count|{"expected":7,"got":3}')
    const outOfRange = err(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'gad7', setting: 'on_request', administeredOn: TODAY, answers: [1, 1, 4, 1, 1, 1, 1],
    }, counsellor))
    expect(outOfRange.fields?.['answers.2']).toBe('psych.answer_range|{"item":3}')
    expect(count(w.db, 'assessments')).toBe(before)
    const saved = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'gad7', setting: 'on_request', administeredOn: TODAY, answers: [1, 1, null, 1, 1, 1, 1], incompleteReason: '被约谈中断',
    }, counsellor))
    expect(saved.result).toBeNull()
    expect(count(w.db, 'assessments')).toBe(before + 1)
  })

  it('re-scores an SDS under another rounding without touching the original', () => {
    // Normal items 1,3,4,7,8,9,10,13,15,19 circled 1 → 10. Reverse items circled 2 score 3 (×8 = 24) and circled 1 score 4
    // (items 18, 20: ×2 = 8) → raw 42 → ×1.25 = 52.5 → truncate 52 (normal under SDS_CN_53), round half up 53 (mild).
    const reverse = new Set([2, 5, 6, 11, 12, 14, 16, 17, 18, 20])
    const answers = Array.from({ length: 20 }, (_, i) => (!reverse.has(i + 1) ? 1 : i + 1 === 18 || i + 1 === 20 ? 1 : 2))
    const { id, result } = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'zung_sds', setting: 'periodic', administeredOn: TODAY, answers,
    }, counsellor))
    expect(result!.scores.raw).toBe(42)
    expect(result!.scores.standardScore).toBe(52)
    expect(result!.band!.id).toBe('normal')
    const re = ok(call(w.dispatch, 'psych:rescore', { id, cutoffSetId: 'SDS_CN_53', rounding: 'round_half_up', note: '按四舍五入复核' }, counsellor))
    expect(re.result.scores.standardScore).toBe(53)
    expect(re.result.band!.id).toBe('mild')
    const detail = ok(call(w.dispatch, 'psych:getAssessment', { id }, counsellor))
    expect(detail.result!.band!.id).toBe('normal')
    expect(detail.rescores).toHaveLength(1)
    expect(detail.rescores[0]!.result.band!.id).toBe('mild')
  })

  it('runs a crisis from raised to closed and refuses events after closing', () => {
    const { id } = ok(call(w.dispatch, 'psych:raiseCrisis', { personId, riskLevel: 'high', reason: '自述有轻生念头', raisedOn: TODAY }, counsellor))
    const listed = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer)).crises.find((c) => c.id === id)
    // The officer's screen shows the flag (risk, status, dates), not the reason; the detail is the counsellors' audited read.
    expect(listed).toMatchObject({ riskLevel: 'high', status: 'open' })
    expect(JSON.stringify(listed)).not.toContain('轻生')
    expect(err(call(w.dispatch, 'psych:getCrisis', { id }, officer)).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'psych:getCrisis', { id }, counsellor)).reason).toBe('自述有轻生念头')
    ok(call(w.dispatch, 'psych:addCrisisEvent', { crisisId: id, kind: 'intervention', on: TODAY, note: '一对一危机干预，签订安全承诺', nextFollowUp: '2026-11-25' }, counsellor))
    const detail = ok(call(w.dispatch, 'psych:getCrisis', { id }, counsellor))
    expect(detail.events).toHaveLength(1)
    expect(detail.nextFollowUp).toBe('2026-11-25')
    expect(err(call(w.dispatch, 'psych:addCrisisEvent', { crisisId: id, kind: 'follow_up', on: '2026-11-01', note: '早于上报', nextFollowUp: null }, counsellor)).fields?.on).toBe('crisis.before_raised')
    ok(call(w.dispatch, 'psych:closeCrisis', { crisisId: id, closedOn: TODAY, outcome: '风险解除，转常规随访' }, counsellor))
    expect(err(call(w.dispatch, 'psych:addCrisisEvent', { crisisId: id, kind: 'follow_up', on: TODAY, note: 'x', nextFollowUp: null }, counsellor)).message).toBe('该危机事件已结案')
    expect(ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer)).crises.map((c) => c.id)).not.toContain(id)
  })

  it('counselling notes: counsellors read them and every read is audited; a trainer is refused', () => {
    const { id } = ok(call(w.dispatch, 'psych:createSession', {
      kind: 'individual', date: TODAY, durationMinutes: 50, participantIds: [personId], topic: '入所适应',
      note: { presentingIssue: '失眠、想家', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' },
    }, counsellor))
    const before = count(w.db, 'audit_log')
    const detail = ok(call(w.dispatch, 'psych:getSession', { id }, counsellor))
    expect(detail.note.presentingIssue).toBe('失眠、想家')
    expect(count(w.db, 'audit_log')).toBe(before + 1)
    const last = w.db.prepare('SELECT method, record_id FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { method: string; record_id: string }
    expect(last).toEqual({ method: 'psych:getSession', record_id: id })
    expect(err(call(w.dispatch, 'psych:getSession', { id }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:sessions', { personId }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:sessions', { personId }, officer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:createSession', {
      kind: 'individual', date: TODAY, durationMinutes: 50, participantIds: [personId, personId + ''], topic: 'x',
      note: { presentingIssue: 'a', intervention: 'b', response: 'c' },
    }, trainer)).code).toBe('forbidden')
  })

  it('shows an incomplete latest assessment as incomplete on the ward screen, and refuses a future date', () => {
    expect(err(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'phq9', setting: 'on_request', administeredOn: '2026-11-24', answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    }, counsellor)).fields?.administeredOn).toBe('v.date_in_future')
    const { id } = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'phq9', setting: 'on_request', administeredOn: TODAY, answers: [0, 0, 0, null, 0, 0, 0, 0, 0], incompleteReason: '本人拒答第4题',
    }, counsellor))
    const row = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, officer)).rows.find((r) => r.personId === personId)!
    expect(row.latest).toMatchObject({ assessmentId: id, incomplete: true, bandId: null })
  })

  it('imports licensed item texts only when complete and numbered 1..N', () => {
    const texts = Array.from({ length: 20 }, (_, i) => ({ number: i + 1, zh: `条目${i + 1}` }))
    expect(err(call(w.dispatch, 'psych:importItemTexts', { instrumentId: 'zung_sas', texts: texts.slice(0, 19) }, adminSid)).fields?.texts).toBe('psych.texts_count|{"expected":20,"got":19}')
    const duplicate = texts.map((t, i) => (i === 5 ? { ...t, number: 5 } : t))
    expect(err(call(w.dispatch, 'psych:importItemTexts', { instrumentId: 'zung_sas', texts: duplicate }, adminSid)).fields?.['texts.5.number']).toMatch(/^psych\.texts_numbers/)
    expect(err(call(w.dispatch, 'psych:importItemTexts', { instrumentId: 'phq9', texts: texts.slice(0, 9) }, adminSid)).fields?.instrumentId).toBe('psych.texts_shipped')
    expect(count(w.db, 'instrument_texts')).toBe(0)
    expect(err(call(w.dispatch, 'psych:importItemTexts', { instrumentId: 'zung_sas', texts }, counsellor)).code).toBe('forbidden')
    expect(ok(call(w.dispatch, 'psych:importItemTexts', { instrumentId: 'zung_sas', texts }, adminSid))).toEqual({ items: 20 })
    const sas = ok(call(w.dispatch, 'psych:instruments', {}, counsellor)).find((i) => i.id === 'zung_sas')!
    expect(sas.itemTextsLoaded).toBe(true)
    expect(sas.items[4]!.text).toEqual({ zh: '条目5', en: '条目5' })
  })
})
