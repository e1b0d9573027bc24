/**
 * The facility server as `serve --facility` runs it (certificates beside the database, the back end in its worker) and
 * the client's pin: the presented certificate read for first-connect confirmation, a request refused before anything is
 * sent when the fingerprint differs, the CLI's fingerprint check, and the serve command's argument errors.
 */
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { ClientRequest } from 'node:http'
import { request } from 'node:https'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UsageError } from '../../electron/core/cli/command'
import { serveCommand } from '../../electron/core/cli/commands/serve'
import { parseFacilityOptions, parseListen } from '../../electron/core/cli/commands/serveFacility'
import { FingerprintMismatchError, pinnedFetchJson, probeServer } from '../../electron/core/server/pinning'
import { startFacilityServer, type RunningFacilityServer } from '../../electron/core/server/facilityServer'
import { certificateFingerprint } from '../../electron/core/server/tls'
import type { ServerHealth } from '../../electron/shared/contract/server'
import { ADMIN, FIXED_NOW, REPO_ROOT, runCli, tempDir } from './helpers'

const temp = tempDir('xinsheng-pinning-')
let server: RunningFacilityServer
/** A well-formed fingerprint that is not the server's. */
let wrong: string

beforeAll(async () => {
  server = await startFacilityServer({ dbFile: join(temp.dir, 'facility.db'), listen: { host: '127.0.0.1', port: 0 }, fixedNow: FIXED_NOW.toISOString() })
  wrong = server.fingerprint.replace(/^../, server.fingerprint.startsWith('AB') ? 'CD' : 'AB')
}, 30_000)
afterAll(async () => {
  await server?.close()
  temp.cleanup()
})

const API = { 'x-xinsheng-client': '1' }
const api = (method: string, input: unknown, headers: Record<string, string> = {}) =>
  pinnedFetchJson<{ ok: boolean; value?: unknown }>(`${server.url}api/invoke`, { fingerprint: server.fingerprint, body: { method, input }, headers: { ...API, ...headers } })

describe('startFacilityServer', () => {
  it('keeps its certificates in a tls folder beside the database and reports the server certificate\'s fingerprint', () => {
    expect(server.url).toBe(`https://127.0.0.1:${server.port}/`)
    expect(server.caFile).toBe(join(temp.dir, 'tls', 'ca.crt'))
    expect(readFileSync(server.caFile, 'utf8')).toBe(server.caCertPem)
    expect(certificateFingerprint(readFileSync(join(temp.dir, 'tls', 'server.crt'), 'utf8'))).toBe(server.fingerprint)
  })

  it('serves the worker\'s dispatcher; the health screen says facility mode, the fingerprint and the open streams', async () => {
    const setup = await api('setup:initialize', { facilityName: '服务器测试所', wards: [{ name: '一大队', capacity: 10 }], admin: ADMIN })
    expect(setup.body.ok).toBe(true)
    const login = await api('auth:login', { username: ADMIN.username, password: ADMIN.password })
    expect(login.body).toMatchObject({ ok: true, value: { sessionId: '' } })
    const cookie = String((login.headers['set-cookie'] as string[])[0]).split(';')[0]!
    const health = await api('server:health', {}, { cookie })
    const value = health.body.value as ServerHealth
    expect(value.mode).toBe('facility')
    expect(value.tls).toEqual({ listen: '127.0.0.1:0', fingerprint: server.fingerprint, notAfter: expect.any(String) as unknown })
    expect(value.sessions).toHaveLength(1)
    expect(value.liveClients).toBe(0)

    // An open event stream is reported to the worker (BackendWorker.reportLiveClients) and shown as a live client.
    const stream = await new Promise<ClientRequest>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: server.port, path: '/api/events', ca: server.caCertPem, headers: { ...API, cookie } }, (res) => {
        expect(res.statusCode).toBe(200)
        res.once('data', () => resolve(req))
      })
      req.on('error', (error) => (error.message === 'socket hang up' ? undefined : reject(error)))
      req.end()
    })
    const live = async () => ((await api('server:health', {}, { cookie })).body.value as ServerHealth).liveClients
    await expect.poll(live, { timeout: 5000 }).toBe(1)
    stream.destroy()
    await expect.poll(live, { timeout: 5000 }).toBe(0)
  })
})

describe('pinning', () => {
  it('probeServer reads the presented certificate for first-connect confirmation', async () => {
    const probed = await probeServer(server.url, { timeoutMs: 5000 })
    expect(probed.fingerprint).toBe(server.fingerprint)
    expect(probed.subject).toBe('127.0.0.1')
    expect(probed.issuer).toMatch(/^Xinsheng Facility CA /)
    expect(Date.parse(probed.validTo)).toBeGreaterThan(Date.now())
  })

  it('pinnedFetchJson goes through on the pinned certificate (any fingerprint spelling)', async () => {
    const r = await pinnedFetchJson(`${server.url}api/invoke`, { fingerprint: server.fingerprint.replace(/:/g, '').toLowerCase(), body: { method: 'setup:status', input: {} }, headers: API })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ ok: true, value: { initialized: true } })
  })

  it('refuses another fingerprint with a clear error, before sending the request', async () => {
    const attempt = pinnedFetchJson(`${server.url}api/invoke`, { fingerprint: wrong, body: { method: 'auth:login', input: { username: ADMIN.username, password: ADMIN.password } }, headers: API })
    await expect(attempt).rejects.toBeInstanceOf(FingerprintMismatchError)
    await expect(attempt).rejects.toThrow(`certificate fingerprint changed: expected ${wrong}, got ${server.fingerprint}`)
  })

  it('refuses plain http:// addresses', async () => {
    await expect(pinnedFetchJson(`http://127.0.0.1:${server.port}/`, { fingerprint: server.fingerprint })).rejects.toThrow(/https:\/\//)
  })
})

/** The CLI in a child process, without blocking this process (which serves the requests it makes). */
function cli(args: string[]): Promise<{ code: number | null; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['electron/core/cli/index.ts', ...args], { cwd: REPO_ROOT })
    let out = ''
    const timer = setTimeout(() => child.kill(), 30_000)
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')))
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, json: JSON.parse(out) as Record<string, unknown> })
    })
  })
}

describe('cli server-fingerprint', () => {
  it('prints the presented fingerprint, exit 0 when it is the expected one', async () => {
    const r = await cli(['server-fingerprint', '--server', server.url, '--expect', server.fingerprint.toLowerCase()])
    expect(r.code).toBe(0)
    expect(r.json).toMatchObject({ server: `https://127.0.0.1:${server.port}`, fingerprint: server.fingerprint, matches: true })
  })

  it('warns and exits 1 when the fingerprint differs', async () => {
    const r = await cli(['server-fingerprint', '--server', `https://127.0.0.1:${server.port}`, '--expect', wrong])
    expect(r.code).toBe(1)
    expect(r.json).toMatchObject({ fingerprint: server.fingerprint, matches: false })
    expect(String(r.json.warning)).toContain(`fingerprint has changed: expected ${wrong}, got ${server.fingerprint}`)
  })

  it('refuses bad arguments: exit 2', () => {
    const r = runCli(['server-fingerprint', '--server', `http://127.0.0.1:${server.port}`])
    expect(r.code).toBe(2)
    expect(r.json).toEqual({ error: '--server must be an https:// address (the facility server speaks HTTPS only)' })
  })
})

describe('serve --facility arguments', () => {
  it('parses --listen HOST:PORT, [IPv6]:PORT and repeated --name', () => {
    expect(parseListen('0.0.0.0:8443')).toEqual({ host: '0.0.0.0', port: 8443 })
    expect(parseListen('[::]:443')).toEqual({ host: '::', port: 443 })
    const options = parseFacilityOptions(['--facility', '--db', 'x.db', '--listen', '192.168.1.5:8443', '--name', 'records.lan', '--name', '192.168.1.5', '--no-open'])
    expect(options).toMatchObject({ host: '192.168.1.5', port: 8443, names: ['records.lan', '192.168.1.5'], open: false })
  })

  it.each([
    [['--facility', '--db', 'x.db', '--listen', '8443'], '--listen must be HOST:PORT (e.g. 0.0.0.0:8443 or [::]:8443), not "8443"'],
    [['--facility', '--db', 'x.db', '--listen', '0.0.0.0:0'], '--listen port must be 1–65535, not 0'],
    [['--facility', '--db', 'x.db', '--listen', '0.0.0.0:70000'], '--listen port must be 1–65535, not 70000'],
    [['--facility', '--db', 'x.db'], '--listen HOST:PORT is required with --facility (e.g. --listen 0.0.0.0:8443)'],
    [['--facility', '--listen', '0.0.0.0:8443'], '--db FILE is required with --facility'],
    [['--facility', '--db', 'x.db', '--listen', '0.0.0.0:8443', '--port', '1'], '--port is for browser mode; the facility server takes --listen HOST:PORT'],
    [['--facility', '--db', 'x.db', '--listen', '0.0.0.0:8443', '--name', 'bad name'], '--name must be a host name or IP address, not "bad name"'],
    [['--listen', '0.0.0.0:8443'], '--listen is only for the facility server: add --facility'],
    [['--name=records.lan'], '--name is only for the facility server: add --facility'],
  ])('serve %j → %s', (args, message) => {
    const run = () => serveCommand.run(args)
    expect(run).toThrow(UsageError)
    expect(run).toThrow(message)
  })

  it('the CLI exits 2 with the message', () => {
    const r = runCli(['serve', '--listen', '0.0.0.0:8443'])
    expect(r.code).toBe(2)
    expect(r.json).toEqual({ error: '--listen is only for the facility server: add --facility' })
  })
})
