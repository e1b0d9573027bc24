/**
 * The connection choice (issue 15) as stored in connection.json and as typed on the choice screen: each rule from both
 * sides (accepted, refused with its field message), and the file round trip.
 */
import { describe, expect, it } from 'vitest'
import {
  canonicalFingerprint,
  connectionChoice,
  fingerprintGroups,
  hostFieldErrors,
  listenAddress,
  parseConnectionFile,
  parseHostPort,
  parseServerInput,
  serializeConnection,
  serverUrl,
  splitNames,
} from '../../electron/shared/connection'
import { messages } from '../../electron/shared/i18n/messages'

const FP_HEX = 'a1b2c3d4e5f60718293a4b5c6d7e8f90112233445566778899aabbccddeeff00'
const FP = FP_HEX.toUpperCase().match(/../g)!.join(':')

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message

describe('listen address (host mode)', () => {
  it.each([
    ['0.0.0.0:8443', '0.0.0.0:8443'],
    [' 192.168.1.10:443 ', '192.168.1.10:443'],
    ['server.local:8443', 'server.local:8443'],
    ['[::]:8443', '[::]:8443'],
    ['[fe80::1]:1', '[fe80::1]:1'],
    ['host:65535', 'host:65535'],
  ])('accepts %s', (text, canonical) => {
    expect(listenAddress.parse(text)).toBe(canonical)
  })

  it.each([
    ['', 'v.required'],
    ['192.168.1.10', 'conn.port_missing'],
    ['192.168.1.10:', 'conn.port_missing'],
    ['192.168.1.10:0', 'conn.port|{"min":1,"max":65535}'],
    ['192.168.1.10:65536', 'conn.port|{"min":1,"max":65535}'],
    ['192.168.1.10:84a3', 'conn.port|{"min":1,"max":65535}'],
    ['999.1.1.1:8443', 'conn.address'],
    ['1.2.3:8443', 'conn.address'],
    ['bad_host:8443', 'conn.address'],
    ['-bad.example:8443', 'conn.address'],
    [':8443', 'conn.address'],
    ['[zz::1]:8443', 'conn.address'],
    ['[::1]', 'conn.port_missing'],
  ])('refuses %j with %s', (text, message) => {
    expect(firstMessage(listenAddress.safeParse(text))).toBe(message)
  })

  it('parses host and port apart, IPv6 without brackets', () => {
    expect(parseHostPort('[::1]:8443')).toEqual({ ok: true, value: { host: '::1', port: 8443 } })
    expect(parseHostPort('a.b:1')).toEqual({ ok: true, value: { host: 'a.b', port: 1 } })
  })
})

describe('server address (connect mode)', () => {
  it.each([
    ['https://192.168.1.10:8443', 'https://192.168.1.10:8443'],
    ['https://192.168.1.10:8443/', 'https://192.168.1.10:8443'],
    ['HTTPS://Server.Local:8443', 'https://server.local:8443'],
    ['https://[fe80::1]:8443', 'https://[fe80::1]:8443'],
  ])('accepts %s as %s', (text, canonical) => {
    expect(serverUrl.parse(text)).toBe(canonical)
  })

  it.each([
    ['', 'v.required'],
    ['http://192.168.1.10:8443', 'conn.https_only'],
    ['ftp://192.168.1.10:8443', 'conn.https_only'],
    ['192.168.1.10:8443', 'conn.https_only'],
    ['https://192.168.1.10', 'conn.port_missing'],
    ['https://192.168.1.10:8443/api', 'conn.url_path'],
    ['https://user@192.168.1.10:8443', 'conn.url_path'],
    ['https://192.168.1.10:8443?x=1', 'conn.url_path'],
    ['https://192.168.1.10:70000', 'conn.port|{"min":1,"max":65535}'],
    ['https://300.1.1.1:8443', 'conn.address'],
  ])('refuses %j with %s', (text, message) => {
    expect(firstMessage(serverUrl.safeParse(text))).toBe(message)
  })

  it('takes what people type: https:// is added when no scheme is written, http:// is refused, not upgraded', () => {
    expect(parseServerInput('192.168.1.10:8443')).toEqual({ ok: true, url: 'https://192.168.1.10:8443' })
    expect(parseServerInput('  ')).toEqual({ ok: false, message: 'v.required' })
    expect(parseServerInput('http://192.168.1.10:8443')).toEqual({ ok: false, message: 'conn.https_only' })
    expect(parseServerInput('192.168.1.10')).toEqual({ ok: false, message: 'conn.port_missing' })
  })
})

describe('certificate fingerprint', () => {
  it('accepts SHA-256 hex in any case, with or without colons, and stores it as AB:CD:…', () => {
    expect(canonicalFingerprint(FP_HEX)).toBe(FP)
    expect(canonicalFingerprint(FP.toLowerCase())).toBe(FP)
    expect(canonicalFingerprint(` ${FP} `)).toBe(FP)
  })

  it.each([
    ['', 'v.required'],
    [FP_HEX.slice(2), 'conn.fingerprint'],
    [`${FP_HEX}00`, 'conn.fingerprint'],
    [FP_HEX.replace('a1', 'g1'), 'conn.fingerprint'],
    ['sha256/abcdef==', 'conn.fingerprint'],
  ])('refuses %j with %s (SHA-1 or truncated fingerprints too)', (text, message) => {
    const result = connectionChoice.safeParse({ mode: 'connect', url: 'https://a.b:1', fingerprint: text, confirmedAt: '2026-11-23T02:00:00.000Z' })
    expect(result.success).toBe(false)
    expect(result.error!.issues.map((i) => i.message)).toContain(message)
  })

  it('shows as 16 groups of four hex digits', () => {
    const groups = fingerprintGroups(FP)
    expect(groups).toHaveLength(16)
    expect(groups[0]).toBe('A1B2')
    expect(groups.join('')).toBe(FP_HEX.toUpperCase())
  })
})

describe('the stored choice', () => {
  const connect = { mode: 'connect', url: 'https://192.168.1.10:8443', fingerprint: FP, confirmedAt: '2026-11-23T02:00:00.000Z' } as const

  it.each([[{ mode: 'embedded' }], [{ mode: 'host', listen: '0.0.0.0:8443', names: ['192.168.1.10', 'server.local', 'fe80::1'] }], [connect]])(
    'round-trips %j through connection.json',
    (choice) => {
      const read = parseConnectionFile(serializeConnection(connectionChoice.parse(choice)))
      expect(read).toEqual({ kind: 'ok', choice })
    },
  )

  it('canonicalises what it stores (address case, fingerprint form)', () => {
    const parsed = connectionChoice.parse({ ...connect, url: 'https://SERVER.local:8443/', fingerprint: FP_HEX })
    expect(parsed).toEqual({ ...connect, url: 'https://server.local:8443', fingerprint: FP })
  })

  it.each([
    ['not JSON', '{mode:'],
    ['an unknown mode', JSON.stringify({ mode: 'cloud' })],
    ['an extra field', JSON.stringify({ mode: 'embedded', db: '/tmp/x.db' })],
    ['host without names', JSON.stringify({ mode: 'host', listen: '0.0.0.0:8443', names: [] })],
    ['host with a name with a port', JSON.stringify({ mode: 'host', listen: '0.0.0.0:8443', names: ['a.b:1'] })],
    ['connect without confirmation time', JSON.stringify({ mode: 'connect', url: connect.url, fingerprint: FP })],
    ['connect over http', JSON.stringify({ ...connect, url: 'http://192.168.1.10:8443' })],
  ])('reads a file with %s as invalid (the choice is asked again)', (_what, text) => {
    expect(parseConnectionFile(text).kind).toBe('invalid')
  })

  it('limits the certificate names to 16', () => {
    const names = Array.from({ length: 17 }, (_, i) => `ws${i}.local`)
    expect(firstMessage(connectionChoice.safeParse({ mode: 'host', listen: '0.0.0.0:8443', names }))).toBe('v.too_many|{"max":16}')
    expect(connectionChoice.safeParse({ mode: 'host', listen: '0.0.0.0:8443', names: names.slice(0, 16) }).success).toBe(true)
  })
})

describe('the host card fields', () => {
  it('splits names on commas (also Chinese ones) and spaces', () => {
    expect(splitNames(' 192.168.1.10, server.local，ws-1  ws2 ')).toEqual(['192.168.1.10', 'server.local', 'ws-1', 'ws2'])
    expect(splitNames(' , ')).toEqual([])
  })

  it('gives each field its message, naming the bad name', () => {
    expect(hostFieldErrors('0.0.0.0:8443', '192.168.1.10')).toEqual({})
    expect(hostFieldErrors('0.0.0.0', '')).toEqual({ listen: 'conn.port_missing', names: 'conn.names_required' })
    expect(hostFieldErrors('0.0.0.0:8443', 'ok.local, bad_name')).toEqual({ names: 'conn.name', badName: 'bad_name' })
  })
})

describe('messages', () => {
  it('exist in both languages for every key the schemas use', () => {
    for (const key of ['conn.address', 'conn.port_missing', 'conn.port', 'conn.https_only', 'conn.url_path', 'conn.fingerprint', 'conn.name', 'conn.names_required']) {
      expect(messages['zh-CN']).toHaveProperty([key])
      expect(messages.en).toHaveProperty([key])
    }
    expect(messages['zh-CN']['conn.port']).toContain('{{min}}–{{max}}')
  })
})
