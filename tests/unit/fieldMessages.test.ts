/** Issue 8 field messages: ward capacity below its headcount (item 14). */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { translateField } from '../../electron/shared/i18n/messages'
import { call, err, makeWorld, ok, personInput, type World, wardRevision } from './helpers'

describe('lowering a ward below its headcount says what is wrong', () => {
  let w: World
  beforeEach(() => {
    w = makeWorld()
  })
  afterEach(() => w.close())

  const fill = (n: number) => {
    const ids = ['110101199003070011', '110101199003070038', '110101199003070054']
    for (let i = 0; i < n; i++) {
      ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { idNumber: ids[i]!, name: `人员${'甲乙丙'[i]}` }), w.sessions.admin!))
    }
  }

  it('names the headcount as the lower limit of capacity', () => {
    fill(3)
    const e = err(call(w.dispatch, 'wards:update', { id: w.wards.a, revision: wardRevision(w.dispatch, w.sessions.admin!, w.wards.a), name: '一大队', capacity: 2, active: true }, w.sessions.admin!))
    expect(e.code).toBe('rule_violation')
    expect(e.fields).toEqual({ capacity: 'ward.capacity_below_headcount|{"occupancy":3}' })
    expect(translateField('zh-CN', e.fields!.capacity!)).toBe('容量不能低于在册人数 3')
    expect(translateField('en', e.fields!.capacity!)).toBe('Capacity cannot be lower than the 3 people on the roll')
    const ward = ok(call(w.dispatch, 'wards:list', {}, w.sessions.admin!)).find((r) => r.id === w.wards.a)!
    expect(ward.capacity).toBe(100)
    // exactly the headcount is allowed
    ok(call(w.dispatch, 'wards:update', { id: w.wards.a, revision: wardRevision(w.dispatch, w.sessions.admin!, w.wards.a), name: '一大队', capacity: 3, active: true }, w.sessions.admin!))
  })

  it('refuses to deactivate an occupied ward with its own message', () => {
    fill(1)
    const e = err(call(w.dispatch, 'wards:update', { id: w.wards.a, revision: wardRevision(w.dispatch, w.sessions.admin!, w.wards.a), name: '一大队', capacity: 100, active: false }, w.sessions.admin!))
    expect(e.fields).toEqual({ active: 'ward.deactivate_occupied|{"occupancy":1}' })
    expect(translateField('zh-CN', e.fields!.active!)).toBe('该大队仍有在册人员 1 人，须全部调出后才能停用')
  })
})
