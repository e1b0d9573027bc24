/** The ward scoping rule (包队责任制), table-driven over roles, modes, own and other wards and past files. */
import { describe, expect, it } from 'vitest'
import { DEFAULT_WARD_SCOPE, wardAllowed, type WardScopePolicy } from '../../electron/shared/domain/wardScope'

const STRICT: WardScopePolicy = { ...DEFAULT_WARD_SCOPE, counsellor: { read: 'all', write: 'own' }, trainer: { read: 'own', write: 'own' } }

describe('wardAllowed', () => {
  it.each([
    // policy, role, mode, ward, expected
    [DEFAULT_WARD_SCOPE, 'ward_officer', 'read', 'w-own', true],
    [DEFAULT_WARD_SCOPE, 'ward_officer', 'read', 'w-other', false],
    [DEFAULT_WARD_SCOPE, 'ward_officer', 'write', 'w-other', false],
    [DEFAULT_WARD_SCOPE, 'ward_officer', 'read', null, false],
    [DEFAULT_WARD_SCOPE, 'counsellor', 'write', 'w-other', true],
    [DEFAULT_WARD_SCOPE, 'admin', 'write', null, true],
    [STRICT, 'counsellor', 'read', 'w-other', true],
    [STRICT, 'counsellor', 'write', 'w-other', false],
    [STRICT, 'counsellor', 'write', 'w-own', true],
    [STRICT, 'trainer', 'read', 'w-other', false],
    [{ ...STRICT, admin: { read: 'own', write: 'own' } } as WardScopePolicy, 'admin', 'write', 'w-other', true],
  ] as const)('%#: %s / %s %s in %s → %s', (policy, role, mode, ward, expected) => {
    expect(wardAllowed(policy, role, mode, ['w-own'], ward)).toBe(expected)
  })
})
