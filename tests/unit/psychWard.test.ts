/** Issue 8 §4: the ward psychology screen shows the latest result of each instrument and any open flag. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { WARD_RESULTS_SQL } from '../../electron/core/psych/psychQueries'
import { call, makeWorld, ok, personInput, TODAY, type World } from './helpers'

describe('ward psychology screen: latest result per instrument', () => {
  let w: World
  let personId: string
  let counsellor: string

  beforeAll(() => {
    w = makeWorld(['counsellor'])
    counsellor = w.sessions.counsellor!
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: '2026-11-01' }), w.sessions.admin!)).id
  })
  afterAll(() => w.close())

  it('a same-day SCL-90 without a band, recorded after a PHQ-9 with item 9 > 0, hides neither the PHQ-9 nor its flag', () => {
    const phq = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'phq9', setting: 'admission', administeredOn: TODAY, answers: [2, 2, 2, 1, 1, 1, 1, 1, 1],
    }, counsellor))
    expect(phq.taskIds).toHaveLength(1)
    // All 1s ("没有"): total 90, no flag, and SCL-90 has no severity band.
    const scl = ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'scl90', setting: 'admission', administeredOn: TODAY, answers: Array.from({ length: 90 }, () => 1),
    }, counsellor))
    const row = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, counsellor)).rows.find((r) => r.personId === personId)!
    expect(row.latest?.assessmentId).toBe(scl.id)
    expect(row.results.map((r) => [r.instrumentId, r.assessmentId, r.flagged])).toEqual([
      ['scl90', scl.id, false],
      ['phq9', phq.id, true],
    ])
    expect(row.results[1]).toMatchObject({ bandId: 'moderate', bandLabel: { zh: '中度' } })
    expect(row.openFlag).toEqual({ assessmentId: phq.id, raisedAt: expect.any(String) })
    expect(row.screening.lastOn).toBe(TODAY)
  })

  it('the flag stays while its task is open, whichever assessment is newest, and goes when handled', () => {
    ok(call(w.dispatch, 'psych:submitAssessment', {
      personId, instrumentId: 'phq9', setting: 'on_request', administeredOn: TODAY, answers: [0, 0, 0, 0, 0, 0, 0, 0, 0],
    }, counsellor))
    let row = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, counsellor)).rows.find((r) => r.personId === personId)!
    expect(row.results.find((r) => r.instrumentId === 'phq9')).toMatchObject({ bandId: 'minimal', flagged: false })
    expect(row.openFlag).not.toBeNull()
    const task = ok(call(w.dispatch, 'psych:tasks', { personId, status: 'open' }, counsellor))[0]!
    ok(call(w.dispatch, 'psych:handleTask', { id: task.id, outcome: 'done', note: '已谈话，无自伤计划' }, counsellor))
    row = ok(call(w.dispatch, 'psych:wardScreen', { wardId: w.wards.a }, counsellor)).rows.find((r) => r.personId === personId)!
    expect(row.openFlag).toBeNull()
  })

  it('reads assessments through an index for the whole ward in one query, never a full scan', () => {
    const plan = (w.db.prepare(`EXPLAIN QUERY PLAN ${WARD_RESULTS_SQL}`).all({ people: JSON.stringify([personId]), instruments: '["phq9","scl90"]' }) as Array<{ detail: string }>)
      .map((r) => r.detail)
    // c: the latest per person and instrument; d: the last complete one; a: that row, by rowid.
    const walks = plan.filter((d) => /^SEARCH [cd] /.test(d))
    expect(walks).toHaveLength(2)
    for (const d of walks) expect(d).toMatch(/USING COVERING INDEX assessments_person_instrument \(person_id=\? AND instrument_id=\? AND voided_at=\?\)/)
    expect(plan).toContain('SEARCH a USING INTEGER PRIMARY KEY (rowid=?)')
    expect(plan.filter((d) => d.startsWith('SCAN')).every((d) => / VIRTUAL TABLE /.test(d) || /^SCAN (pairs|latest|l)\b/.test(d))).toBe(true)
    // Each walk stops at its first entry: no sort of a person's whole history.
    expect(plan.filter((d) => d.includes('TEMP B-TREE'))).toEqual(['USE TEMP B-TREE FOR ORDER BY'])
  })
})
