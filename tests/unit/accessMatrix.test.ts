/**
 * The access matrix, generated from the contract and the role map (issue 10, least privilege): every method × every
 * role × an anonymous caller. A role without the method's permission (roles.ts `roleHas`) is refused with 'forbidden'
 * and nothing changes but the security event that records the refusal; a role with it is never refused; public
 * methods answer anonymous callers and every other method answers them 'unauthenticated'. A method or role added later
 * joins the matrix by itself.
 *
 * The ward dimension (own ward / other ward) joins this matrix when ward scoping is implemented: today access depends
 * on the role alone, which is what is asserted here.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { SECURITY_EVENTS } from '../../electron/core/audit/securityEvents'
import { contract, type MethodName } from '../../electron/shared/contract'
import { roleHas, ROLES, type Role } from '../../electron/shared/domain/roles'
import { auditMethodsSince, snapshotTables } from './fixtures/tableChecksum'
import { ADMIN, makeWorld, personInput, STAFF_PASSWORD } from './helpers'

const METHODS = Object.keys(contract) as MethodName[]
const STAFF_ROLES = ROLES.filter((r) => r !== 'admin')

/**
 * What each call sends: an empty object, the smallest input (lists and lookups accept it and run; the rest get past
 * access and stop at validation). `backup:run` gets a string instead, which its schema refuses after access is checked:
 * an empty object would start a real copy of the database on disk.
 */
const PROBE_INPUT: Partial<Record<MethodName, unknown>> = { 'backup:run': 'probe' }
const inputFor = (method: MethodName): unknown => (Object.hasOwn(PROBE_INPUT, method) ? PROBE_INPUT[method] : {})

function allowed(method: MethodName, role: Role): boolean {
  const access = contract[method].access
  return access === 'public' || access === 'authenticated' || roleHas(role, access)
}

const world = makeWorld(STAFF_ROLES)
world.dispatch('people:create', personInput(world.wards.a), world.sessions.admin!)
afterAll(() => world.close())

/** A call that ends the caller's session (auth:logout) must not turn the next rows of the matrix into anonymous calls. */
function sessionOf(role: Role): string {
  const sid = world.sessions[role]!
  const me = world.dispatch('auth:me', {}, sid)
  if (me.ok && me.value) return sid
  world.sessions[role] = world.login(role === 'admin' ? ADMIN.username : role, role === 'admin' ? ADMIN.password : STAFF_PASSWORD)
  return world.sessions[role]!
}

const cells = METHODS.flatMap((method) => ROLES.map((role) => [method, role, allowed(method, role)] as const))

describe('access matrix: method × role', () => {
  it('covers the whole contract and every role', () => {
    expect(cells).toHaveLength(METHODS.length * ROLES.length)
    // Each staff role is refused something and allowed something, or the role map says nothing.
    for (const role of STAFF_ROLES) {
      expect(METHODS.some((m) => !allowed(m, role)), role).toBe(true)
      expect(METHODS.some((m) => allowed(m, role) && contract[m].access !== 'authenticated' && contract[m].access !== 'public'), role).toBe(true)
    }
  })

  it.each(cells)('%s as %s (allowed: %s)', (method, role, isAllowed) => {
    const session = sessionOf(role)
    const before = snapshotTables(world.db)
    const result = world.dispatch(method, inputFor(method), session)
    if (isAllowed) {
      if (!result.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(result.error.code)
      return
    }
    expect(result.ok ? 'ok' : result.error.code).toBe('forbidden')
    // The refusal says nothing about the method's fields.
    expect(result.ok ? undefined : result.error.fields).toBeUndefined()
    const after = snapshotTables(world.db, {}, before.auditSeq)
    expect(after.tables).toEqual(before.tables)
    expect(auditMethodsSince(world.db, before)).toEqual([SECURITY_EVENTS.forbidden])
  })
})

describe('access matrix: anonymous callers', () => {
  it.each(METHODS.map((m) => [m, contract[m].access] as const))('%s (%s)', (method, access) => {
    const before = snapshotTables(world.db)
    const result = world.dispatch(method, inputFor(method), null)
    if (access === 'public') {
      if (!result.ok) expect(['forbidden', 'unauthenticated', 'internal']).not.toContain(result.error.code)
      return
    }
    expect(result.ok ? 'ok' : result.error.code).toBe('unauthenticated')
    expect(result.ok ? undefined : result.error.fields).toBeUndefined()
    expect(snapshotTables(world.db, {}, before.auditSeq).tables).toEqual(before.tables)
    expect(auditMethodsSince(world.db, before)).toEqual([])
  })
})
