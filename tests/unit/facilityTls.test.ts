/**
 * The facility CA and server certificate (issue 15): created once, reused, re-issued from the same CA when a name is
 * missing or the end is near; keys private to the owner; fingerprints in Node's format; pins compared loosely.
 */
import { createPrivateKey, X509Certificate } from 'node:crypto'
import { readFileSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { formatFingerprint, sameFingerprint } from '../../electron/core/server/pinning'
import { certificateFingerprint, ensureFacilityCertificates, RENEW_BEFORE_DAYS, servedNames, SERVER_VALIDITY_DAYS } from '../../electron/core/server/tls'
import { tempDir } from './helpers'

const temp = tempDir('xinsheng-tls-')
afterAll(() => temp.cleanup())

const FINGERPRINT = /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/
const DAY = 24 * 60 * 60 * 1000

describe('ensureFacilityCertificates', () => {
  const dir = join(temp.dir, 'tls')
  const first = ensureFacilityCertificates({ dir, names: ['xinsheng.local', '192.168.1.10'] })

  it('creates the CA and a server certificate signed by it, with the names as SANs', () => {
    expect(first.created).toBe(true)
    expect(first.caCreated).toBe(true)
    const ca = new X509Certificate(readFileSync(join(dir, 'ca.crt')))
    const server = new X509Certificate(readFileSync(join(dir, 'server.crt')))
    expect(server.toString()).toBe(new X509Certificate(first.certPem).toString())
    expect(ca.ca).toBe(true)
    expect(server.ca).toBe(false)
    expect(server.verify(ca.publicKey)).toBe(true)
    expect(server.checkIssued(ca)).toBe(true)
    expect(server.subjectAltName?.split(', ').sort()).toEqual(['DNS:localhost', 'DNS:xinsheng.local', 'IP Address:127.0.0.1', 'IP Address:192.168.1.10'])
    expect(server.keyUsage).toContain('1.3.6.1.5.5.7.3.1') // serverAuth
    const caYears = (Date.parse(ca.validTo) - Date.now()) / (365 * DAY)
    expect(caYears).toBeGreaterThan(9.9)
    expect(caYears).toBeLessThan(10.1)
    expect(Date.parse(server.validTo) - Date.parse(server.validFrom)).toBeLessThanOrEqual(SERVER_VALIDITY_DAYS * DAY)
    expect(first.notAfter).toBe(new Date(server.validTo).toISOString())
  })

  it('keeps the private keys readable by the owner only', () => {
    if (process.platform === 'win32') return
    expect(statSync(join(dir, 'ca.key')).mode & 0o777).toBe(0o600)
    expect(statSync(join(dir, 'server.key')).mode & 0o777).toBe(0o600)
  })

  it('gives the fingerprint in the format of Node\'s fingerprint256', () => {
    expect(first.fingerprint).toMatch(FINGERPRINT)
    expect(certificateFingerprint(first.certPem)).toBe(first.fingerprint)
    expect(first.fingerprint).toBe(new X509Certificate(first.certPem).fingerprint256)
  })

  it('reuses the certificates when they still cover the names', () => {
    const again = ensureFacilityCertificates({ dir, names: ['192.168.1.10', 'XINSHENG.local'] })
    expect(again.created).toBe(false)
    expect(again.caCreated).toBe(false)
    expect(again.fingerprint).toBe(first.fingerprint)
    expect(again.keyPem).toBe(first.keyPem)
  })

  it('re-issues the server certificate from the same CA for a new name', () => {
    const wider = ensureFacilityCertificates({ dir, names: ['xinsheng.local', '192.168.1.10', 'records.facility.lan'] })
    expect(wider.created).toBe(true)
    expect(wider.caCreated).toBe(false)
    expect(wider.caCertPem).toBe(first.caCertPem)
    expect(wider.fingerprint).not.toBe(first.fingerprint)
    expect(new X509Certificate(wider.certPem).checkHost('records.facility.lan')).toBe('records.facility.lan')
  })

  it(`re-issues a server certificate ending within ${RENEW_BEFORE_DAYS} days, and not one ending later`, () => {
    const current = ensureFacilityCertificates({ dir, names: [] })
    const end = Date.parse(current.notAfter)
    expect(ensureFacilityCertificates({ dir, names: [], now: new Date(end - (RENEW_BEFORE_DAYS + 2) * DAY) }).created).toBe(false)
    const renewed = ensureFacilityCertificates({ dir, names: [], now: new Date(end - (RENEW_BEFORE_DAYS - 1) * DAY) })
    expect(renewed.created).toBe(true)
    expect(renewed.caCreated).toBe(false)
    expect(Date.parse(renewed.notAfter)).toBeGreaterThan(end)
  })

  it('re-issues a server certificate whose key file was replaced', () => {
    const other = ensureFacilityCertificates({ dir: join(temp.dir, 'other'), names: [] })
    writeFileSync(join(dir, 'server.key'), other.keyPem)
    const fixed = ensureFacilityCertificates({ dir, names: [] })
    expect(fixed.created).toBe(true)
    expect(new X509Certificate(fixed.certPem).checkPrivateKey(createPrivateKey(readFileSync(join(dir, 'server.key'))))).toBe(true)
  })

  it('always serves localhost and 127.0.0.1, and never a wildcard address', () => {
    expect(servedNames(['0.0.0.0', '::', ' Host.LAN ', '[fd00::1]'])).toEqual(['host.lan', 'fd00::1', 'localhost', '127.0.0.1'])
  })
})

describe('sameFingerprint', () => {
  const fp = ensureFacilityCertificates({ dir: join(temp.dir, 'fp'), names: [] }).fingerprint
  it('ignores case and colons, and reads Electron\'s sha256/base64 form', () => {
    expect(sameFingerprint(fp, fp)).toBe(true)
    expect(sameFingerprint(fp.toLowerCase(), fp)).toBe(true)
    expect(sameFingerprint(fp.replace(/:/g, ''), fp)).toBe(true)
    const base64 = `sha256/${Buffer.from(fp.replace(/:/g, ''), 'hex').toString('base64')}`
    expect(sameFingerprint(base64, fp)).toBe(true)
    expect(formatFingerprint(base64)).toBe(fp)
  })
  it('refuses another fingerprint, an empty one and garbage', () => {
    expect(sameFingerprint(fp, fp.replace(/^../, fp.startsWith('00') ? '11' : '00'))).toBe(false)
    expect(sameFingerprint('', fp)).toBe(false)
    expect(sameFingerprint(null, null)).toBe(false)
    expect(sameFingerprint('not a fingerprint', 'not a fingerprint')).toBe(false)
  })
})
