/**
 * Issue 8 item 8: the revision history (people:history) never sends a full ID number to a role that sees masked
 * numbers. Roles that edit identities (people.write: admin, ward officer) get full numbers; the others get the masked
 * form (first 6, last 4) in every revision, old and new values alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, type Role } from '../../electron/shared/domain/roles'
import { call, makeWorld, ok, personInput, type World } from './helpers'

// Both encode 1990-03-07, male: 110101199003070011 (S=154 → 1), 440106199003071231 (S=242 → 1).
const FIRST_ID = '110101199003070011'
const SECOND_ID = '440106199003071231'
const EXPECTED: Record<Role, 'full' | 'masked'> = {
  admin: 'full',
  ward_officer: 'full',
  counsellor: 'masked',
  trainer: 'masked',
  vocational: 'masked',
}

describe('people:history masks ID numbers by role', () => {
  let w: World
  let personId: string
  beforeAll(() => {
    w = makeWorld(['ward_officer', 'counsellor', 'trainer', 'vocational'])
    const admin = w.sessions.admin!
    personId = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { idNumber: FIRST_ID }), admin)).id
    const file = ok(call(w.dispatch, 'people:get', { id: personId }, admin))
    ok(call(w.dispatch, 'people:update', { id: personId, revision: file.revision, ...file.identity, idNumber: SECOND_ID, changeNote: '更正身份证号' }, admin))
  })
  afterAll(() => w.close())

  for (const role of ROLES) {
    it(`${role} gets ${EXPECTED[role]} numbers in every revision`, () => {
      const history = ok(call(w.dispatch, 'people:history', { id: personId }, w.sessions[role]!))
      const idChanges = history.map((h) => h.changes.find((c) => c.field === 'idNumber'))
      expect(idChanges).toHaveLength(2)
      const [second, first] = idChanges
      if (EXPECTED[role] === 'full') {
        expect(second).toEqual({ field: 'idNumber', before: FIRST_ID, after: SECOND_ID })
        expect(first).toEqual({ field: 'idNumber', before: null, after: FIRST_ID })
      } else {
        expect(second).toEqual({ field: 'idNumber', before: '110101********0011', after: '440106********1231' })
        expect(first).toEqual({ field: 'idNumber', before: null, after: '110101********0011' })
        // nothing in the answer carries a full number
        const text = JSON.stringify(history)
        expect(text).not.toContain(FIRST_ID)
        expect(text).not.toContain(SECOND_ID)
      }
    })
  }
})
