/**
 * Least privilege for ID numbers (issue 10): roles that do not edit identities get the number masked in the file as
 * well as in lists; seeing it whole is an explicit action with a reason, recorded in the audit log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Role } from '../../electron/shared/domain/roles'
import { call, count, err, makeWorld, ok, personInput, type World } from './helpers'

let w: World
let personId: string
const FULL = '110101199003070011'
beforeAll(() => {
  w = makeWorld(['counsellor', 'trainer', 'vocational', 'ward_officer'])
  personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), w.sessions.admin!)).id
})
afterAll(() => w.close())

describe('the file as each role reads it', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['ward_officer', true],
    ['counsellor', false],
    ['trainer', false],
    ['vocational', false],
  ])('%s sees the full number: %s', (role, full) => {
    const file = ok(call(w.dispatch, 'people:get', { id: personId }, w.sessions[role]!))
    expect(file.identity.idNumber).toBe(full ? FULL : '110101********0011')
    expect(JSON.stringify(file).includes(FULL)).toBe(full)
  })
})

describe('revealing the full number', () => {
  it('needs a reason, answers the number and records who, which file and why', () => {
    const session = w.sessions.trainer!
    expect(err(call(w.dispatch, 'people:revealIdNumber', { id: personId, reason: '' }, session)).fields).toEqual({ reason: 'v.reason_required' })
    const before = count(w.db, 'audit_log')
    expect(ok(call(w.dispatch, 'people:revealIdNumber', { id: personId, reason: '核对康复训练保险信息' }, session))).toEqual({ idNumber: FULL })
    expect(count(w.db, 'audit_log')).toBe(before + 1)
    const row = w.db.prepare('SELECT method, actor_name AS actor, record_id AS record, detail FROM audit_log ORDER BY seq DESC LIMIT 1').get()
    expect(row).toEqual({ method: 'people:revealIdNumber', actor: 'trainer-staff', record: personId, detail: JSON.stringify({ reason: '核对康复训练保险信息' }) })
  })
})
