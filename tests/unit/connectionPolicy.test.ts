/**
 * The main process's connection decisions (issue 15), without an Electron binary: which mode a start runs in, what the
 * window loads and with which bridge, where it may navigate, which server certificate passes, and connection.json
 * written atomically.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { sameFingerprint } from '../../electron/core/server/pinning'
import { readConnection, writeConnection } from '../../electron/main/connection'
import {
  allowedOrigin,
  bridgeArguments,
  certificateVerdict,
  CERT_REFUSE,
  CERT_TRUST,
  choiceNeedsNativeConfirm,
  listenParts,
  loadFailureAction,
  mismatchWarning,
  originOf,
  pinOf,
  startPlan,
  windowTarget,
  type StartPlan,
} from '../../electron/main/connectionPolicy'
import { navigationAllowed } from '../../electron/main/windowPolicy'
import { bridgeKind, HOST_ONLY_ARGUMENT } from '../../electron/shared/host'

const FP = Array.from({ length: 32 }, (_, i) => (i * 7 + 16).toString(16).toUpperCase().padStart(2, '0')).join(':')
const OTHER_FP = Array.from({ length: 32 }, (_, i) => (255 - i).toString(16).toUpperCase().padStart(2, '0')).join(':')
const SERVER = 'https://192.168.1.10:8443'
const connect: StartPlan = { kind: 'connect', choice: { mode: 'connect', url: SERVER, fingerprint: FP, confirmedAt: '2026-11-23T02:00:00.000Z' } }
const hostPlan: StartPlan = { kind: 'host', choice: { mode: 'host', listen: '0.0.0.0:8443', names: ['192.168.1.10'] } }
const embedded: StartPlan = { kind: 'embedded' }
const choose: StartPlan = { kind: 'choose', refused: null }
const local = { file: '/app/out/renderer/index.html' }

describe('which mode a start runs in', () => {
  const facts = { databaseExists: false, databaseNamed: false }

  it('follows the stored choice', () => {
    expect(startPlan({ ...facts, stored: { kind: 'ok', choice: { mode: 'embedded' } } })).toEqual(embedded)
    expect(startPlan({ ...facts, stored: { kind: 'ok', choice: hostPlan.choice } })).toEqual(hostPlan)
    expect(startPlan({ ...facts, databaseExists: true, stored: { kind: 'ok', choice: connect.choice } })).toEqual(connect)
  })

  it('asks on a first run: no choice and no database yet', () => {
    expect(startPlan({ ...facts, stored: { kind: 'absent' } })).toEqual(choose)
  })

  it('does not ask a workstation that already has its database (it was "this workstation only" before the choice existed)', () => {
    expect(startPlan({ ...facts, databaseExists: true, stored: { kind: 'absent' } })).toEqual(embedded)
    expect(startPlan({ ...facts, databaseNamed: true, stored: { kind: 'absent' } })).toEqual(embedded)
  })

  it('asks again, saying why, when the file is damaged and there is no database to fall back on', () => {
    expect(startPlan({ ...facts, stored: { kind: 'invalid', detail: 'bad JSON' } })).toEqual({ kind: 'choose', refused: { kind: 'invalid-file', detail: 'bad JSON' } })
  })
})

describe('the window', () => {
  it('has the full bridge only where a local back end answers it', () => {
    expect(bridgeArguments(embedded)).toEqual([])
    expect(bridgeArguments(hostPlan)).toEqual([])
    expect(bridgeArguments(connect)).toEqual([HOST_ONLY_ARGUMENT])
    expect(bridgeArguments(choose)).toEqual([HOST_ONLY_ARGUMENT])
    expect(bridgeKind(['electron', HOST_ONLY_ARGUMENT])).toBe('host-only')
    expect(bridgeKind(['electron', '--xinsheng-bridge=full'])).toBe('full')
    expect(bridgeKind([])).toBe('full')
  })

  it("loads the server's page when connected, the app's own page otherwise", () => {
    expect(windowTarget(connect, local)).toEqual({ kind: 'url', url: `${SERVER}/` })
    expect(windowTarget(connect, { ...local, devUrl: 'http://localhost:5173' })).toEqual({ kind: 'url', url: `${SERVER}/` })
    for (const plan of [embedded, hostPlan, choose]) {
      expect(windowTarget(plan, local)).toEqual({ kind: 'file', path: local.file })
      expect(windowTarget(plan, { ...local, devUrl: 'http://localhost:5173' })).toEqual({ kind: 'url', url: 'http://localhost:5173' })
    }
  })

  it('may navigate within the pinned server origin only', () => {
    const origin = allowedOrigin(connect)
    expect(origin).toBe(SERVER)
    const current = `${SERVER}/#/login`
    expect(navigationAllowed(current, `${SERVER}/`, origin)).toBe(true)
    expect(navigationAllowed(current, `${SERVER}/index.html?x=1#/people`, origin)).toBe(true)
    expect(navigationAllowed(current, 'https://192.168.1.10:8444/', origin)).toBe(false)
    expect(navigationAllowed(current, 'http://192.168.1.10:8443/', origin)).toBe(false)
    expect(navigationAllowed(current, 'https://192.168.1.11:8443/', origin)).toBe(false)
    expect(navigationAllowed(current, 'https://evil@192.168.1.10:8443/', origin)).toBe(false)
    expect(navigationAllowed(current, 'https://192.168.1.10.evil.example:8443/', origin)).toBe(false)
    expect(navigationAllowed(current, 'file:///etc/passwd', origin)).toBe(false)
    expect(navigationAllowed(current, 'javascript:alert(1)', origin)).toBe(false)
    // Without a server (embedded, host, choosing): only a reload, as before.
    for (const plan of [embedded, hostPlan, choose]) expect(allowedOrigin(plan)).toBeNull()
    expect(navigationAllowed('file:///app/out/renderer/index.html', `${SERVER}/`, null)).toBe(false)
  })

  it('compares origins as a browser does', () => {
    expect(originOf('https://Server.Local:443/x')).toBe('https://server.local')
    expect(originOf('https://server.local/x')).toBe('https://server.local')
    expect(originOf('https://[FE80::1]:8443/')).toBe('https://[fe80::1]:8443')
    expect(originOf('http://a.b:80')).toBe('http://a.b')
    expect(originOf('file:///x')).toBeNull()
    expect(originOf('https://u:p@a.b/')).toBeNull()
  })

  it('asks for a native confirmation when the server page itself asks to change the connection', () => {
    expect(choiceNeedsNativeConfirm(connect)).toBe(true)
    for (const plan of [embedded, hostPlan, choose]) expect(choiceNeedsNativeConfirm(plan)).toBe(false)
  })
})

describe('the server certificate (connect mode)', () => {
  const pin = pinOf(connect)

  it('pins the host and fingerprint of the stored choice, and nothing in other modes', () => {
    expect(pin).toEqual({ host: '192.168.1.10', fingerprint: FP })
    expect(pinOf(embedded)).toBeNull()
    expect(pinOf(hostPlan)).toBeNull()
  })

  it('trusts the pinned certificate of the pinned host (written in any case or form)', () => {
    expect(certificateVerdict(pin, { hostname: '192.168.1.10', presentedFingerprint: FP }, sameFingerprint)).toEqual({ result: CERT_TRUST })
    expect(certificateVerdict(pin, { hostname: '192.168.1.10', presentedFingerprint: FP.toLowerCase().replaceAll(':', '') }, sameFingerprint)).toEqual({ result: CERT_TRUST })
  })

  it('refuses a changed certificate of the pinned host, with both fingerprints for the warning', () => {
    expect(certificateVerdict(pin, { hostname: '192.168.1.10', presentedFingerprint: OTHER_FP }, sameFingerprint)).toEqual({
      result: CERT_REFUSE,
      mismatch: { expected: FP, presented: OTHER_FP },
    })
    expect(certificateVerdict(pin, { hostname: '192.168.1.10', presentedFingerprint: null }, sameFingerprint).result).toBe(CERT_REFUSE)
  })

  it('refuses every other host, even with the pinned certificate, and everything when nothing is pinned', () => {
    expect(certificateVerdict(pin, { hostname: '192.168.1.11', presentedFingerprint: FP }, sameFingerprint)).toEqual({ result: CERT_REFUSE, mismatch: null })
    expect(certificateVerdict(pin, { hostname: 'example.com', presentedFingerprint: OTHER_FP }, sameFingerprint)).toEqual({ result: CERT_REFUSE, mismatch: null })
    expect(certificateVerdict(null, { hostname: '192.168.1.10', presentedFingerprint: FP }, sameFingerprint)).toEqual({ result: CERT_REFUSE, mismatch: null })
  })

  it('matches an IPv6 host written with or without brackets', () => {
    const v6 = pinOf({ kind: 'connect', choice: { ...(connect.kind === 'connect' ? connect.choice : never()), url: 'https://[fe80::1]:8443' } })
    expect(certificateVerdict(v6, { hostname: '[FE80::1]', presentedFingerprint: FP }, sameFingerprint)).toEqual({ result: CERT_TRUST })
    expect(certificateVerdict(v6, { hostname: 'fe80::1', presentedFingerprint: FP }, sameFingerprint)).toEqual({ result: CERT_TRUST })
  })

  it('warns as SSH does: changed certificate, possible impostor, refused, both fingerprints in groups', () => {
    const text = mismatchWarning(SERVER, FP, OTHER_FP)
    expect(text.message).toContain('服务器证书已改变')
    expect(text.message).toContain('可能有人冒充服务器，已拒绝连接')
    expect(text.detail).toContain(SERVER)
    expect(text.detail).toContain(FP.replaceAll(':', '').slice(0, 4))
    expect(text.detail).toContain(OTHER_FP.replaceAll(':', '').slice(0, 4))
  })

  it('asks what to do when the server page does not load, except for aborted loads and refused certificates', () => {
    expect(loadFailureAction({ errorCode: -102, isMainFrame: true }, connect, false)).toBe('ask')
    expect(loadFailureAction({ errorCode: -3, isMainFrame: true }, connect, false)).toBe('ignore')
    expect(loadFailureAction({ errorCode: -102, isMainFrame: false }, connect, false)).toBe('ignore')
    expect(loadFailureAction({ errorCode: -202, isMainFrame: true }, connect, true)).toBe('ignore')
    expect(loadFailureAction({ errorCode: -102, isMainFrame: true }, embedded, false)).toBe('ignore')
  })
})

describe('host mode', () => {
  it('listens where the choice says', () => {
    expect(listenParts('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 })
    expect(listenParts('[::]:9443')).toEqual({ host: '::', port: 9443 })
    expect(() => listenParts('nonsense')).toThrow()
  })
})

describe('connection.json', () => {
  let dir = ''
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })

  it('is absent on a first run, written atomically (no temporary file left), and read back', () => {
    dir = mkdtempSync(join(tmpdir(), 'xinsheng-connection-'))
    expect(readConnection(dir)).toEqual({ kind: 'absent' })
    const stored = writeConnection(dir, { mode: 'connect', url: 'https://192.168.1.10:8443/', fingerprint: FP.toLowerCase(), confirmedAt: '2026-11-23T02:00:00.000Z' })
    expect(stored).toEqual(connect.kind === 'connect' ? connect.choice : never())
    expect(readdirSync(dir)).toEqual(['connection.json'])
    expect(readConnection(dir)).toEqual({ kind: 'ok', choice: stored })
    writeConnection(dir, { mode: 'embedded' })
    expect(readConnection(dir)).toEqual({ kind: 'ok', choice: { mode: 'embedded' } })
    expect(readdirSync(dir)).toEqual(['connection.json'])
  })

  it('refuses an invalid choice from the renderer and keeps the previous file', () => {
    dir = mkdtempSync(join(tmpdir(), 'xinsheng-connection-'))
    writeConnection(dir, { mode: 'embedded' })
    expect(() => writeConnection(dir, { mode: 'connect', url: 'http://192.168.1.10:8443', fingerprint: FP, confirmedAt: '2026-11-23T02:00:00.000Z' })).toThrow()
    expect(() => writeConnection(dir, { mode: 'host', listen: '0.0.0.0:99999', names: ['a'] })).toThrow()
    expect(JSON.parse(readFileSync(join(dir, 'connection.json'), 'utf8'))).toEqual({ mode: 'embedded' })
    expect(readdirSync(dir)).toEqual(['connection.json'])
  })

  it('reads a damaged file as invalid', () => {
    dir = mkdtempSync(join(tmpdir(), 'xinsheng-connection-'))
    writeFileSync(join(dir, 'connection.json'), '{"mode":')
    expect(readConnection(dir).kind).toBe('invalid')
  })
})

function never(): never {
  throw new Error('unreachable')
}
