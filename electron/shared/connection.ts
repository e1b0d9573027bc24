/**
 * How this Electron workstation reaches its data (issue 15), stored in userData `connection.json`:
 *  - embedded: its own database on this computer (the behaviour before issue 15);
 *  - host:     its own database, also served over HTTPS to the facility's other workstations;
 *  - connect:  no local database; the window is the facility server's page, its certificate pinned by fingerprint.
 * Pure: the main process validates what it reads and what the renderer sends with these schemas, and the renderer
 * checks the same fields with them, so both give the same field messages (keys in shared/i18n/connectionMessages.ts).
 * No URL class here (shared has no DOM or node types): addresses are parsed by the small functions below.
 */
import { z } from 'zod'
import { keyWithParams, tooMany } from './contract/common'

export const MAX_NAMES = 16
const PORT_MESSAGE = keyWithParams('conn.port', { min: 1, max: 65535 })

/** A DNS name (labels of letters, digits and hyphens) or a dotted IPv4 address; not both-looking (999.1.1.1). */
export function isHostName(text: string): boolean {
  if (isIpv4(text)) return true
  if (text.length < 1 || text.length > 253) return false
  const labels = text.split('.')
  // All-numeric labels would be an IPv4 address, and that was not a valid one.
  if (labels.every((label) => /^\d+$/.test(label))) return false
  return labels.every((label) => /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/i.test(label))
}

export function isIpv4(text: string): boolean {
  const parts = text.split('.')
  return parts.length === 4 && parts.every((p) => /^(0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255)
}

/** An IPv6 literal, loosely: hex groups and colons (at least two), optionally an embedded IPv4 tail. */
export function isIpv6(text: string): boolean {
  if (!/^[0-9a-f:.]{2,45}$/i.test(text) || (text.match(/:/g) ?? []).length < 2) return false
  const groups = text.split(':')
  const tail = groups[groups.length - 1] ?? ''
  if (tail.includes('.') && !isIpv4(tail)) return false
  return groups.every((g, i) => g === '' || /^[0-9a-f]{1,4}$/i.test(g) || (i === groups.length - 1 && isIpv4(g)))
}

export type HostPort = { host: string; port: number }

/**
 * `host:port`, `[v6]:port`. The host is returned as written (IPv6 without brackets); the port must be written. Errors
 * are message keys: the address part or the port part, so the field says which one is wrong.
 */
export function parseHostPort(text: string): { ok: true; value: HostPort } | { ok: false; message: string } {
  const trimmed = text.trim()
  if (!trimmed) return { ok: false, message: 'v.required' }
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(trimmed)
  let host: string
  let portText: string | undefined
  if (bracketed) {
    host = bracketed[1]!
    portText = bracketed[2]
    if (!isIpv6(host)) return { ok: false, message: 'conn.address' }
  } else {
    const colon = trimmed.lastIndexOf(':')
    if (colon < 0) return { ok: false, message: 'conn.port_missing' }
    host = trimmed.slice(0, colon)
    portText = trimmed.slice(colon + 1)
    if (!isHostName(host)) return { ok: false, message: 'conn.address' }
  }
  if (portText === undefined || portText === '') return { ok: false, message: 'conn.port_missing' }
  if (!/^\d{1,5}$/.test(portText)) return { ok: false, message: PORT_MESSAGE }
  const port = Number(portText)
  if (port < 1 || port > 65535) return { ok: false, message: PORT_MESSAGE }
  return { ok: true, value: { host, port } }
}

/** `host:port` again, IPv6 in brackets. */
export function formatHostPort({ host, port }: HostPort): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`
}

/** The listen address of a hosting workstation: `0.0.0.0:8443` (every network card), `192.168.1.10:8443`. */
export const listenAddress = z.string({ error: 'v.required' }).transform((text, ctx) => {
  const parsed = parseHostPort(text)
  if (!parsed.ok) {
    ctx.addIssue({ code: 'custom', message: parsed.message })
    return z.NEVER
  }
  return formatHostPort(parsed.value)
})

/** What users type in the server field: `192.168.1.10:8443` or with `https://`; `http://` is refused, not upgraded. */
export function serverUrlFromInput(text: string): string {
  const trimmed = text.trim()
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`
}

/** The facility server's address, canonical `https://host:port` (lower-case host, no path, no trailing slash). */
export const serverUrl = z.string({ error: 'v.required' }).transform((text, ctx) => {
  const trimmed = text.trim()
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(trimmed)
  if (!trimmed) ctx.addIssue({ code: 'custom', message: 'v.required' })
  else if (!scheme || scheme[1]!.toLowerCase() !== 'https') ctx.addIssue({ code: 'custom', message: 'conn.https_only' })
  else {
    const rest = trimmed.slice(scheme[0].length).replace(/\/$/, '')
    if (/[/?#@\s]/.test(rest)) ctx.addIssue({ code: 'custom', message: 'conn.url_path' })
    else {
      const parsed = parseHostPort(rest)
      if (parsed.ok) return `https://${formatHostPort({ host: parsed.value.host.toLowerCase(), port: parsed.value.port })}`
      ctx.addIssue({ code: 'custom', message: parsed.message })
    }
  }
  return z.NEVER
})

/** `https://host:port` → its parts (host without IPv6 brackets); null when it is not such an address. */
export function serverHostPort(url: string): HostPort | null {
  const parsed = serverUrl.safeParse(url)
  if (!parsed.success) return null
  const hostPort = parseHostPort(parsed.data.slice('https://'.length))
  return hostPort.ok ? hostPort.value : null
}

/**
 * A SHA-256 certificate fingerprint: 32 bytes in hex, colons and spaces optional, any case. Canonical form
 * `AB:CD:…` (upper case, colon-separated), as OpenSSL and Node's X509Certificate.fingerprint256 print it.
 */
export function canonicalFingerprint(text: string): string | null {
  const hex = text.replace(/[\s:]/g, '').toUpperCase()
  if (!/^[0-9A-F]{64}$/.test(hex)) return null
  return hex.match(/../g)!.join(':')
}

export const fingerprint = z.string({ error: 'v.required' }).transform((text, ctx) => {
  const canonical = canonicalFingerprint(text)
  if (canonical) return canonical
  ctx.addIssue({ code: 'custom', message: text.trim() ? 'conn.fingerprint' : 'v.required' })
  return z.NEVER
})

/**
 * The fingerprint as people compare it, read aloud or side by side: 16 groups of four hex digits. The server's own
 * screen shows it the same way.
 */
export function fingerprintGroups(fp: string): string[] {
  const hex = fp.replace(/[\s:]/g, '').toUpperCase()
  return hex.match(/.{1,4}/g) ?? []
}

/** A name or address other workstations use for the host: it goes into the server certificate. */
const certificateName = z
  .string({ error: 'v.required' })
  .trim()
  .refine((name) => isHostName(name) || isIpv6(name), { message: 'conn.name' })

const isoInstant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/, 'v.invalid')

export const connectionChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('embedded') }).strict(),
  z
    .object({
      mode: z.literal('host'),
      listen: listenAddress,
      names: z.array(certificateName).min(1, 'conn.names_required').max(MAX_NAMES, tooMany(MAX_NAMES)),
    })
    .strict(),
  z.object({ mode: z.literal('connect'), url: serverUrl, fingerprint, confirmedAt: isoInstant }).strict(),
])

export type ConnectionChoice = z.output<typeof connectionChoice>
export type ConnectionMode = ConnectionChoice['mode']

/** `connection.json` as read: the choice, or why it could not be used (the app then asks again). */
export type StoredConnection = { kind: 'absent' } | { kind: 'invalid'; detail: string } | { kind: 'ok'; choice: ConnectionChoice }

export function parseConnectionFile(text: string): StoredConnection {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return { kind: 'invalid', detail: error instanceof Error ? error.message : String(error) }
  }
  const parsed = connectionChoice.safeParse(raw)
  if (!parsed.success) return { kind: 'invalid', detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') }
  return { kind: 'ok', choice: parsed.data }
}

export function serializeConnection(choice: ConnectionChoice): string {
  return `${JSON.stringify(choice, null, 2)}\n`
}

/** Why the choice screen is shown again instead of the server's page. */
export type ConnectionRefusal =
  | { kind: 'fingerprint-changed'; url: string; expected: string; presented: string }
  | { kind: 'unreachable'; url: string; detail: string }
  | { kind: 'invalid-file'; detail: string }
  | { kind: 'host-failed'; listen: string; detail: string }

/** What the renderer learns from `host.connection()`. */
export interface ConnectionState {
  choice: ConnectionChoice | null
  /** True when no choice is stored yet (or it must be made again): the choice screen comes before set-up and sign-in. */
  firstRun: boolean
  refused?: ConnectionRefusal | null
  /** Host mode: the address and fingerprint other workstations confirm when they connect. */
  serving?: { url: string; fingerprint: string } | null
  /** This computer's host name and network addresses, offered as the host certificate's names. */
  localNames?: string[]
}

export type ProbeFailure = 'bad-address' | 'unreachable' | 'timeout' | 'not-tls' | 'not-available'

export type ProbeResult =
  | { ok: true; fingerprint: string; subject: string; validTo: string }
  | { ok: false; reason: ProbeFailure; detail?: string }

/** The names field as typed: comma-, Chinese-comma- or space-separated, blanks dropped. */
export function splitNames(text: string): string[] {
  return text
    .split(/[,，;；\s]+/)
    .map((name) => name.trim())
    .filter(Boolean)
}

/**
 * The host card's field messages (keys), from the same schema the main process applies: the first issue per field,
 * and which name it concerns (`badName`) so the screen can say which one.
 */
export function hostFieldErrors(listen: string, namesText: string): { listen?: string; names?: string; badName?: string } {
  const names = splitNames(namesText)
  const parsed = connectionChoice.safeParse({ mode: 'host', listen, names })
  const errors: { listen?: string; names?: string; badName?: string } = {}
  if (parsed.success) return errors
  for (const issue of parsed.error.issues) {
    const field = issue.path[0]
    if (field === 'listen' && !errors.listen) errors.listen = issue.message
    if (field === 'names' && !errors.names) {
      const index = issue.path[1]
      errors.names = issue.message
      if (typeof index === 'number' && names[index] !== undefined) errors.badName = names[index]
    }
  }
  return errors
}

/** The server field: its canonical https URL, or the message key of what is wrong with it. */
export function parseServerInput(text: string): { ok: true; url: string } | { ok: false; message: string } {
  if (!text.trim()) return { ok: false, message: 'v.required' }
  const parsed = serverUrl.safeParse(serverUrlFromInput(text))
  return parsed.success ? { ok: true, url: parsed.data } : { ok: false, message: parsed.error.issues[0]?.message ?? 'v.invalid' }
}
