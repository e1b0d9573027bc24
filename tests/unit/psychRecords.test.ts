/** Issue 8 §2 and §3: handled follow-up tasks stay visible; counselling records are edited with revisions and voided. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { call, count, err, makeWorld, ok, personInput, TODAY, type World } from './helpers'

const NOTE = { presentingIssue: '失眠、想家', intervention: '放松训练', response: '配合', riskObserved: null, plan: '两周后复谈' }

describe('handled follow-up tasks', () => {
  let w: World
  let personId: string
  let other: string
  let counsellor: string

  beforeAll(() => {
    w = makeWorld(['counsellor'])
    counsellor = w.sessions.counsellor!
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
    other = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { name: '李四', birthDate: '1985-06-15', idNumber: '110101198506150035' }), w.sessions.admin!)).id
    for (const p of [personId, personId, other]) {
      ok(call(w.dispatch, 'psych:submitAssessment', { personId: p, instrumentId: 'phq9', setting: 'on_request', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 2] }, counsellor))
    }
  })
  afterAll(() => w.close())

  it('lists a handled task with its outcome, handler, time and note; the filter separates open from handled', () => {
    const [first, second] = ok(call(w.dispatch, 'psych:tasks', { personId, status: 'open' }, counsellor))
    ok(call(w.dispatch, 'psych:handleTask', { id: first!.id, outcome: 'done', note: '已个别谈话，无自伤计划' }, counsellor))
    ok(call(w.dispatch, 'psych:handleTask', { id: second!.id, outcome: 'dismissed', note: '重复提示' }, counsellor))

    expect(ok(call(w.dispatch, 'psych:tasks', { personId, status: 'open' }, counsellor))).toEqual([])
    const handled = ok(call(w.dispatch, 'psych:tasks', { personId, status: 'handled' }, counsellor))
    expect(handled.map((t) => [t.id, t.status, t.handledBy])).toEqual(
      expect.arrayContaining([
        [first!.id, 'done', 'counsellor-staff'],
        [second!.id, 'dismissed', 'counsellor-staff'],
      ]),
    )
    // The note comes with the audited detail, not with the list.
    expect(JSON.stringify(handled)).not.toContain('无自伤计划')
    expect(ok(call(w.dispatch, 'psych:getTask', { id: first!.id }, counsellor)).handledNote).toBe('已个别谈话，无自伤计划')
    expect(handled).toHaveLength(2)
    expect(handled.every((t) => t.handledAt === '2026-11-23T02:00:00.000Z')).toBe(true)
    expect(ok(call(w.dispatch, 'psych:tasks', { personId, status: 'dismissed' }, counsellor)).map((t) => t.id)).toEqual([second!.id])
    // The ward: open ones (the other person's) and handled ones apart; all lists open first.
    const ward = (status?: 'open' | 'handled') => ok(call(w.dispatch, 'psych:tasks', { wardId: w.wards.a, status }, counsellor))
    expect(ward('open').map((t) => t.personId)).toEqual([other])
    expect(ward('handled').map((t) => t.personId)).toEqual([personId, personId])
    expect(ward().map((t) => t.status)).toEqual(['open', expect.stringMatching(/done|dismissed/), expect.stringMatching(/done|dismissed/)])
  })

  it('filters through the person-and-status index', () => {
    const plan = (w.db.prepare(
      "EXPLAIN QUERY PLAN SELECT id FROM psych_tasks t WHERE t.person_id IN (SELECT value FROM json_each(?)) AND t.status IN (SELECT value FROM json_each(?))",
    ).all('["a"]', '["done","dismissed"]') as Array<{ detail: string }>).map((r) => r.detail)
    expect(plan.some((d) => /SEARCH t USING (COVERING )?INDEX psych_tasks_person_status \(person_id=\? AND status=\?\)/.test(d))).toBe(true)
  })
})

describe('counselling records: edit with revisions, void with a reason', () => {
  let w: World
  let personId: string
  let counsellor: string
  let trainer: string
  let sessionId: string

  beforeAll(() => {
    w = makeWorld(['counsellor', 'trainer'])
    counsellor = w.sessions.counsellor!
    trainer = w.sessions.trainer!
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
    sessionId = ok(call(w.dispatch, 'psych:createSession', { kind: 'individual', date: TODAY, durationMinutes: 50, participantIds: [personId], topic: '入所适应', note: NOTE }, counsellor)).id
  })
  afterAll(() => w.close())

  const edit = (revision: number, changes: Partial<typeof NOTE> & { topic?: string; durationMinutes?: number }, session = counsellor) => {
    const { topic = '入所适应', durationMinutes = 50, ...note } = changes
    return call(w.dispatch, 'psych:updateSession', { id: sessionId, revision, date: TODAY, durationMinutes, topic, note: { ...NOTE, ...note }, changeNote: '补充记录' }, session)
  }

  it('an edit keeps a revision with who, when and which fields changed', () => {
    expect(ok(edit(1, { intervention: '放松训练；认知重构', durationMinutes: 60 }))).toEqual({ revision: 2 })
    const detail = ok(call(w.dispatch, 'psych:getSession', { id: sessionId }, counsellor))
    expect(detail).toMatchObject({ revision: 2, durationMinutes: 60, note: { intervention: '放松训练；认知重构' }, voided: null })
    const history = ok(call(w.dispatch, 'psych:sessionHistory', { id: sessionId }, counsellor))
    expect(history.map((r) => r.revision)).toEqual([2, 1])
    expect(history[0]).toMatchObject({ changedBy: 'counsellor-staff', changedAt: '2026-11-23T02:00:00.000Z', changeNote: '补充记录' })
    expect(history[0]!.changes).toEqual([
      { field: 'durationMinutes', before: '50', after: '60' },
      { field: 'intervention', before: '放松训练', after: '放松训练；认知重构' },
    ])
    expect(history[1]!.changes.map((c) => c.field)).toContain('presentingIssue')
    // Saving without a change writes no revision.
    expect(ok(edit(2, { intervention: '放松训练；认知重构', durationMinutes: 60 }))).toEqual({ revision: 2 })
  })

  it('a stale revision is a conflict and changes nothing', () => {
    const before = count(w.db, 'counselling_session_revisions')
    const e = err(edit(1, { plan: '别人的修改' }))
    expect(e.code).toBe('conflict')
    expect(e.message).toMatch(/^该咨询记录已被他人修改，请刷新后重试（counsellor-staff 于 2026-11-23 10:00 保存了新的内容/)
    expect(e.changedBy).toEqual({ by: 'counsellor-staff', at: '2026-11-23 10:00' })
    expect(count(w.db, 'counselling_session_revisions')).toBe(before)
    expect(ok(call(w.dispatch, 'psych:getSession', { id: sessionId }, counsellor)).note.plan).toBe('两周后复谈')
  })

  it('a trainer may not edit, void, read the history or the record for printing', () => {
    expect(err(edit(2, { plan: 'x' }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:voidSession', { id: sessionId, reason: '录入错误' }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:sessionHistory', { id: sessionId }, trainer)).code).toBe('forbidden')
    expect(err(call(w.dispatch, 'psych:getSession', { id: sessionId }, trainer)).code).toBe('forbidden')
  })

  it('void needs a reason, is audited, keeps the record listed as voided and blocks edits', () => {
    expect(err(call(w.dispatch, 'psych:voidSession', { id: sessionId, reason: '' }, counsellor)).fields?.reason).toBe('v.reason_required')
    expect(ok(call(w.dispatch, 'psych:getSession', { id: sessionId }, counsellor)).voided).toBeNull()
    ok(call(w.dispatch, 'psych:voidSession', { id: sessionId, reason: '记错了来访者' }, counsellor))
    const last = w.db.prepare('SELECT method, record_type AS type, record_id AS id, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(last).toEqual({ method: 'psych:voidSession', type: 'counselling_session', id: sessionId, detail: JSON.stringify({ reason: '记错了来访者' }) })
    const listed = ok(call(w.dispatch, 'psych:sessions', { personId }, counsellor))
    expect(listed.map((s) => [s.id, s.voided?.reason, s.voided?.by])).toEqual([[sessionId, '记错了来访者', 'counsellor-staff']])
    expect(err(edit(2, { plan: '作废后修改' })).message).toBe('该咨询记录已作废，不能修改')
    expect(err(call(w.dispatch, 'psych:voidSession', { id: sessionId, reason: '再次作废' }, counsellor)).message).toBe('该咨询记录已作废，不能修改')
  })
  it('the first edit of a record written before revisions were kept stores it as revision 1 first', () => {
    const { id } = ok(call(w.dispatch, 'psych:createSession', { kind: 'individual', date: TODAY, durationMinutes: 40, participantIds: [personId], topic: '家庭关系', note: NOTE }, counsellor))
    // As a record from before the upgrade: no stored revision.
    w.db.prepare('DELETE FROM counselling_session_revisions WHERE session_id = ?').run(id)
    ok(call(w.dispatch, 'psych:updateSession', { id, revision: 1, date: TODAY, durationMinutes: 45, topic: '家庭关系', note: NOTE }, counsellor))
    const history = ok(call(w.dispatch, 'psych:sessionHistory', { id }, counsellor))
    expect(history.map((r) => [r.revision, r.changedBy])).toEqual([[2, 'counsellor-staff'], [1, 'counsellor-staff']])
    expect(history[0]!.changes).toEqual([{ field: 'durationMinutes', before: '40', after: '45' }])
  })
})
