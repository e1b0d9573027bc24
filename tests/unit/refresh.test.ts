import { describe, expect, it } from 'vitest'
import { domainOf, mergeWriteEffects, staleAfterWrite, type WriteEffectMap } from '../../renderer/src/api/refresh'

/** Which queries a save refreshes in the renderer (renderer/src/api/refresh.ts; the map itself is in the features). */
type D = 'people' | 'wards' | 'psych' | 'staff' | 'audit' | 'setup' | 'auth' | 'facility'

const effects: WriteEffectMap<D> = { people: ['wards', 'psych'], setup: 'all', psych: [] }

describe('domainOf', () => {
  it('is the method name before the colon', () => {
    expect(domainOf('people:get')).toBe('people')
    expect(domainOf('psych:wardScreen')).toBe('psych')
    expect(domainOf('plain')).toBe('plain')
  })
})

describe('staleAfterWrite', () => {
  it('refreshes the own domain, the audit log and the declared domains, nothing else', () => {
    const stale = staleAfterWrite('people:movePeriod', effects)
    expect(['people:get', 'people:list', 'audit:list', 'wards:list', 'psych:wardScreen'].filter(stale)).toHaveLength(5)
    expect(stale('staff:list')).toBe(false)
    expect(stale('facility:get')).toBe(false)
  })

  it('keeps a domain with no declaration to itself and the audit log', () => {
    const stale = staleAfterWrite('staff:create', effects)
    expect(stale('staff:list')).toBe(true)
    expect(stale('audit:list')).toBe(true)
    expect(stale('people:list')).toBe(false)
    const psych = staleAfterWrite('psych:handleTask', effects)
    expect(psych('psych:tasks')).toBe(true)
    expect(psych('people:get')).toBe(false)
  })

  it("refreshes everything but the session for 'all'", () => {
    const stale = staleAfterWrite('setup:loadDemo', effects)
    expect(['people:list', 'wards:list', 'psych:tasks', 'staff:list', 'facility:get'].every(stale)).toBe(true)
    expect(stale('auth:me')).toBe(false)
    expect(stale('setup:status')).toBe(false)
  })

  it('leaves the session queries alone unless asked', () => {
    expect(staleAfterWrite('auth:changePassword', effects)('auth:me')).toBe(false)
    const refreshing = staleAfterWrite('auth:changePassword', effects, { refreshSession: true })
    expect(refreshing('auth:me')).toBe(true)
    expect(refreshing('setup:status')).toBe(true)
    expect(refreshing('people:list')).toBe(false)
  })
})

describe('mergeWriteEffects', () => {
  it('adds up what several features declare for one domain', () => {
    const merged = mergeWriteEffects<D>([{ people: ['wards'] }, { people: ['psych', 'wards'], staff: ['people'] }, { setup: 'all' }, { setup: ['people'] }])
    expect(merged).toEqual({ people: ['wards', 'psych'], staff: ['people'], setup: 'all' })
  })
})
