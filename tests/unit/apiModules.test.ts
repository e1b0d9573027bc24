/**
 * The API is assembled from one contract module and one handler module per service. An object spread would let a
 * method declared twice silently replace the first; the mergers refuse, and contract and handlers match name for name.
 */
import { describe, expect, it } from 'vitest'
import { handlerModules, handlers } from '../../electron/core/handlers'
import { contract } from '../../electron/shared/contract'
import { authContract } from '../../electron/shared/contract/auth'
import { defineApi, mergeModules } from '../../electron/shared/contract/define'
import { staffContract } from '../../electron/shared/contract/staff'
import { wardsContract } from '../../electron/shared/contract/wards'
import { wardsHandlers } from '../../electron/core/wards/wardsService'

describe('merging modules', () => {
  it('defineApi merges contract modules and throws naming a method declared twice', () => {
    expect(Object.keys(defineApi([authContract, staffContract]))).toEqual([...Object.keys(authContract), ...Object.keys(staffContract)])
    expect(() => defineApi([authContract, wardsContract, { 'wards:update': wardsContract['wards:update'] }])).toThrow(/'wards:update'/)
    expect(() => defineApi([staffContract, staffContract])).toThrow("contract method 'staff:list' is declared twice")
  })

  it('the handler registry throws naming a method handled twice', () => {
    expect(() => mergeModules([...handlerModules, wardsHandlers], 'handler')).toThrow("handler 'wards:list' is declared twice")
    expect(() => mergeModules([{ 'a:b': 1 }, { 'c:d': 2 }, { 'a:b': 3 }], 'handler')).toThrow(/'a:b'/)
  })

  it('the real contract and handler registry declare exactly the same methods', () => {
    const methods = Object.keys(contract).sort()
    expect(Object.keys(handlers).sort()).toEqual(methods)
    expect(methods.length).toBeGreaterThan(50)
    // No module's method was lost along the way.
    expect(handlerModules.reduce((n, m) => n + Object.keys(m).length, 0)).toBe(methods.length)
  })
})
