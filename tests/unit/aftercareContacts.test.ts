/**
 * Issue 14: follow-up contacts on a real database — record, edit naming the revision read, void; each field checked on
 * both sides of its limit with a message stating it and nothing changed; the slot a contact fulfils (default the
 * earliest open one listed); the outcome row kept with every write; guidance stations; the due list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Input } from '../../electron/shared/contract'
import { followUpDueCounts } from '../../electron/core/aftercare/aftercareStats'
import { aftercareWorld, contact, idNumberFor } from './aftercareFixtures'
import { translateField } from '../../electron/shared/i18n/messages'
import { count, err, ok, personInput, TODAY } from './helpers'

describe('contacts', () => {
  let s: ReturnType<typeof aftercareWorld>
  let p: { personId: string; releaseId: string }
  beforeAll(() => {
    s = aftercareWorld()
    p = s.released('2026-10-01')
  })
  afterAll(() => s.w.close())

  const outcome = () => s.w.db.prepare('SELECT status, status_on AS statusOn, contacts FROM followup_outcomes WHERE release_id = ?').get(p.releaseId)

  it('the plan was made at release: 14 slots and an empty outcome row keeping the setting version', () => {
    const view = ok(s.run('aftercare:person', { personId: p.personId }))
    expect(view.plan?.slots).toHaveLength(14)
    expect(view.plan?.version).toBe('default')
    // Released 2026-10-01, today 2026-11-23: the release day, first week and first month are past their windows.
    expect(view.plan?.slots.slice(0, 4).map((x) => [x.kind, x.dueOn, x.state])).toEqual([
      ['release_day', '2026-10-01', 'missed'],
      ['first_week', '2026-10-08', 'missed'],
      ['periodic', '2026-11-01', 'overdue'],
      ['periodic', '2026-12-01', 'upcoming'],
    ])
    expect(outcome()).toEqual({ status: null, statusOn: null, contacts: 0 })
  })

  type Case = [string, Partial<Input<'aftercare:recordContact'>>, string, string]
  const refused: Case[] = [
    ['the day before release', { contactOn: '2026-09-30' }, 'contactOn', '不能早于出所日期 2026-10-01'],
    ['tomorrow', { contactOn: '2026-11-24' }, 'contactOn', '不能晚于今天 2026-11-23'],
    ['reached without a status', { reached: true, status: null }, 'status', '已联系上时须选择状态'],
    ['reached and lost contact', { reached: true, status: 'lost_contact' }, 'status', '已联系上时须选择状态'],
    ['not reached but abstinent', { reached: false, status: 'abstinent' }, 'status', '未联系上时状态只能为空'],
    ['an employer while unemployed', { employment: 'unemployed', employer: '某公司' }, 'employer', '已就业'],
    ['an unknown help kind', { help: ['nonexistent'] }, 'help', '帮扶项目不存在'],
    ['a station contact without a station', { method: 'station', stationId: null }, 'stationId', '须选择指导站'],
    ['a note too long (2001)', { note: '字'.repeat(2001) }, 'note', '2000'],
  ]
  for (const [name, over, field, text] of refused) {
    it(`refused: ${name}, nothing written`, () => {
      const before = count(s.w.db, 'followup_contacts')
      const e = err(s.run('aftercare:recordContact', contact({ personId: p.personId, ...over })))
      expect(e.code).toBe('invalid_input')
      expect(e.fields?.[field]).toBeDefined()
      expect(translateField('zh-CN', e.fields![field]!)).toContain(text)
      expect(count(s.w.db, 'followup_contacts')).toBe(before)
    })
  }
  const accepted: Array<[string, Partial<Input<'aftercare:recordContact'>>]> = [
    ['on the release day', { contactOn: '2026-10-01', slotId: null }],
    ['today', { contactOn: TODAY, slotId: null }],
    ['not reached, no status', { reached: false, status: null, slotId: null }],
    ['not reached, lost contact', { reached: false, status: 'lost_contact', slotId: null }],
    ['employed at an employer, with help', { employment: 'employed', employer: '某物流公司', help: ['employment', 'counselling'], slotId: null }],
    ['a note of 2000', { note: '字'.repeat(2000), slotId: null }],
  ]
  for (const [name, over] of accepted) {
    it(`accepted: ${name}`, () => {
      const r = ok(s.run('aftercare:recordContact', contact({ personId: p.personId, ...over })))
      ok(s.run('aftercare:voidContact', { personId: p.personId, id: r.id, revision: 1, reason: '测试撤销' }))
    })
  }

  it('the default slot is the earliest open one already listed; the outcome follows the latest contact', () => {
    const first = ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-10-01' })))
    const second = ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-10-05', status: 'relapsed' })))
    const slots = ok(s.run('aftercare:person', { personId: p.personId })).plan!.slots
    expect(slots[0]).toMatchObject({ kind: 'release_day', contactId: first.id, state: 'done' })
    expect(slots[1]).toMatchObject({ kind: 'first_week', contactId: second.id, state: 'done' })
    expect(outcome()).toEqual({ status: 'relapsed', statusOn: '2026-10-05', contacts: 2 })

    // A contact dated earlier than the latest does not change the outcome.
    const earlier = ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-10-03', status: 'abstinent', slotId: null })))
    expect(outcome()).toMatchObject({ status: 'relapsed' })
    // Edited to a later date: it becomes the latest.
    const edited = ok(s.run('aftercare:updateContact', { ...contact({ personId: p.personId, contactOn: '2026-10-20', status: 'in_custody' }), id: earlier.id, revision: 1, slotId: null }))
    expect(edited.revision).toBe(2)
    expect(outcome()).toEqual({ status: 'in_custody', statusOn: '2026-10-20', contacts: 3 })
    // A stale edit is refused and changes nothing.
    const stale = err(s.run('aftercare:updateContact', { ...contact({ personId: p.personId, contactOn: '2026-10-21' }), id: earlier.id, revision: 1, slotId: null }))
    expect(stale.code).toBe('conflict')
    expect(outcome()).toMatchObject({ status: 'in_custody' })
    // Voided: the outcome falls back to the previous status, the slot stays with its own contact.
    ok(s.run('aftercare:voidContact', { personId: p.personId, id: earlier.id, revision: 2, reason: '录入错误' }))
    expect(outcome()).toEqual({ status: 'relapsed', statusOn: '2026-10-05', contacts: 2 })
    // Voiding a slot's contact frees the slot.
    ok(s.run('aftercare:voidContact', { personId: p.personId, id: second.id, revision: 1, reason: '录入错误' }))
    expect(ok(s.run('aftercare:person', { personId: p.personId })).plan!.slots[1]!.contactId).toBeNull()
  })

  it('an explicit slot: taken or not yet listed refused; moved on edit', () => {
    const slots = ok(s.run('aftercare:person', { personId: p.personId })).plan!.slots
    const taken = err(s.run('aftercare:recordContact', contact({ personId: p.personId, slotId: slots[0]!.id })))
    expect(taken.fields?.slotId).toBeDefined()
    const future = slots.find((x) => x.windowFrom > '2026-11-01')!
    const early = err(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-11-01', slotId: future.id })))
    expect(JSON.stringify(early)).toContain(future.windowFrom)
    const r = ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-11-01', slotId: slots[1]!.id })))
    ok(s.run('aftercare:updateContact', { ...contact({ personId: p.personId, contactOn: '2026-11-01' }), id: r.id, revision: 1, slotId: slots[2]!.id }))
    const after = ok(s.run('aftercare:person', { personId: p.personId })).plan!.slots
    expect([after[1]!.contactId, after[2]!.contactId]).toEqual([null, r.id])
  })

  it('a person not released cannot get a contact', () => {
    const current = ok(s.run('people:create', personInput(s.w.wards.a, { name: '在所人', idNumber: idNumberFor(490) }))).id
    const e = err(s.run('aftercare:recordContact', contact({ personId: current })))
    expect(e.message).toContain('尚未出所')
  })
})

describe('guidance stations and the due list', () => {
  let s: ReturnType<typeof aftercareWorld>
  beforeAll(() => {
    s = aftercareWorld()
  })
  afterAll(() => s.w.close())

  it('create, a duplicate name refused, edit with revision, stale refused, retire with a reason', () => {
    const station = { name: '东城区社区戒毒社区康复指导站', kind: 'station', region: '北京市东城区', contactName: '王站长', contactPhone: '010-12345678' } as const
    const created = ok(s.run('aftercare:saveStation', station))
    expect(err(s.run('aftercare:saveStation', station)).fields?.name).toBeDefined()
    const edited = ok(s.run('aftercare:saveStation', { ...station, id: created.id, revision: 1, address: '东城区人民路2号' }))
    expect(edited.revision).toBe(2)
    expect(err(s.run('aftercare:saveStation', { ...station, id: created.id, revision: 1 })).code).toBe('conflict')
    const p = s.released('2026-11-20', 'on_time', created.id)
    ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-11-20', method: 'station', stationId: created.id })))
    const list = ok(s.run('aftercare:stations', { query: '东城' }))
    expect(list.map((x) => [x.name, x.releasedPeople, x.contacts])).toEqual([[station.name, 1, 1]])
    expect(ok(s.run('aftercare:station', { id: created.id })).people.map((x) => x.personId)).toEqual([p.personId])
    expect(err(s.run('aftercare:retireStation', { id: created.id, revision: 2, reason: '撤并' }, s.w.sessions.counsellor!)).code).toBe('forbidden')
    ok(s.run('aftercare:retireStation', { id: created.id, revision: 2, reason: '撤并' }))
    expect(ok(s.run('aftercare:stations', {}))).toHaveLength(0)
    expect(ok(s.run('aftercare:stations', { includeRetired: true }))[0]!.retired?.reason).toBe('撤并')
    // A retired station cannot be named on a new contact.
    const e = err(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-11-21', method: 'station', stationId: created.id })))
    expect(e.fields?.stationId).toBeDefined()
  })

  it('due and overdue on a day: listed from leadDays before, overdue after the date, gone after the window; counts agree', () => {
    const p = s.released('2026-10-23')
    const due = ok(s.run('aftercare:due', { date: TODAY })).rows.filter((r) => r.personId === p.personId)
    // Release day (10-23) and first week (10-30) are past their windows; the first monthly (11-23) is due today.
    expect(due.map((r) => [r.slotKind, r.dueOn, r.state, r.daysOverdue])).toEqual([['periodic', '2026-11-23', 'due', 0]])
    const later = ok(s.run('aftercare:due', { date: '2026-11-30' })).rows.filter((r) => r.personId === p.personId)
    expect(later.map((r) => [r.dueOn, r.state, r.daysOverdue])).toEqual([['2026-11-23', 'overdue', 7]])
    const all = ok(s.run('aftercare:due', { date: '2026-11-30' }))
    expect(followUpDueCounts(s.w.db, '2026-11-30')).toEqual({ due: all.due, overdue: all.overdue })
    // A deceased person leaves the list.
    ok(s.run('aftercare:recordContact', contact({ personId: p.personId, contactOn: '2026-11-01', status: 'deceased', slotId: null })))
    expect(ok(s.run('aftercare:due', { date: '2026-11-30' })).rows.filter((r) => r.personId === p.personId)).toEqual([])
  })
})

describe('ward reach on released files: the ward the person left', () => {
  let s: ReturnType<typeof aftercareWorld>
  beforeAll(() => {
    s = aftercareWorld()
  })
  afterAll(() => s.w.close())

  it('the officer and counsellor of 一大队 follow up a person released from it; the officer is refused one released from 二大队', () => {
    const fromA = s.released('2026-11-01', 'on_time', null, 'a')
    const fromB = s.released('2026-11-01', 'on_time', null, 'b')
    const officer = s.w.sessions.ward_officer!
    const counsellor = s.w.sessions.counsellor!
    expect(ok(s.run('aftercare:person', { personId: fromA.personId }, officer)).release?.id).toBe(fromA.releaseId)
    ok(s.run('aftercare:recordContact', contact({ personId: fromA.personId }), officer))
    ok(s.run('aftercare:recordContact', contact({ personId: fromB.personId }), counsellor))
    expect(err(s.run('aftercare:person', { personId: fromB.personId }, officer)).code).toBe('forbidden')
    expect(err(s.run('aftercare:recordContact', contact({ personId: fromB.personId }), officer)).code).toBe('forbidden')
    // The trainer may not record follow-ups at all (aftercare.record: admin, ward officer, counsellor).
    expect(err(s.run('aftercare:recordContact', contact({ personId: fromA.personId }), s.w.sessions.trainer!)).code).toBe('forbidden')
    // The officer's due list keeps the people who left his ward.
    const due = ok(s.run('aftercare:due', { date: '2026-11-30' }, officer)).rows
    expect(due.every((r) => r.fromWardId === s.w.wards.a)).toBe(true)
  })
})
