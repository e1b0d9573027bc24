/**
 * The main process's connection decisions as pure functions (issue 15), unit-tested without an Electron binary:
 * which mode a start runs in, what the window loads, which origin it may navigate to, whether a presented server
 * certificate passes. index.ts only wires them to Electron.
 */
import { HOST_ONLY_ARGUMENT } from '../shared/host'
import { fingerprintGroups, parseHostPort, serverHostPort, type ConnectionChoice, type HostPort, type ConnectionRefusal, type StoredConnection } from '../shared/connection'

export type StartPlan =
  /** No choice yet: the choice screen, no back end (nothing is created before the user decides). */
  | { kind: 'choose'; refused: ConnectionRefusal | null }
  | { kind: 'embedded' }
  | { kind: 'host'; choice: Extract<ConnectionChoice, { mode: 'host' }> }
  | { kind: 'connect'; choice: Extract<ConnectionChoice, { mode: 'connect' }> }

export interface StartFacts {
  stored: StoredConnection
  /** The default database file already exists (a workstation from before issue 15 keeps working as it did). */
  databaseExists: boolean
  /** --db or XINSHENG_DB names the database: a developer's or a test's start, always embedded unless told otherwise. */
  databaseNamed: boolean
}

export function startPlan({ stored, databaseExists, databaseNamed }: StartFacts): StartPlan {
  if (stored.kind === 'ok') {
    const { choice } = stored
    if (choice.mode === 'host') return { kind: 'host', choice }
    if (choice.mode === 'connect') return { kind: 'connect', choice }
    return { kind: 'embedded' }
  }
  // A workstation that already has its database is not asked: it was "this workstation only" before the choice existed.
  if (databaseExists || databaseNamed) return { kind: 'embedded' }
  return { kind: 'choose', refused: stored.kind === 'invalid' ? { kind: 'invalid-file', detail: stored.detail } : null }
}

/** A host's listen address (validated by the schema when stored) as the server's listen options. */
export function listenParts(listen: string): HostPort {
  const parsed = parseHostPort(listen)
  if (!parsed.ok) throw new Error(`listen address ${listen}: ${parsed.message}`)
  return parsed.value
}

/** The preload's process arguments: a window without a local back end gets the host API only. */
export function bridgeArguments(plan: StartPlan): string[] {
  return plan.kind === 'choose' || plan.kind === 'connect' ? [HOST_ONLY_ARGUMENT] : []
}

export type WindowTarget = { kind: 'url'; url: string } | { kind: 'file'; path: string }

/** Connect mode: the server's page (it serves the renderer and its API on one origin); otherwise the app's own page. */
export function windowTarget(plan: StartPlan, local: { devUrl?: string | undefined; file: string }): WindowTarget {
  if (plan.kind === 'connect') return { kind: 'url', url: `${plan.choice.url}/` }
  return local.devUrl ? { kind: 'url', url: local.devUrl } : { kind: 'file', path: local.file }
}

/** The one origin a connected window may navigate within (`https://host:port`), or null (the local page). */
export function allowedOrigin(plan: StartPlan): string | null {
  return plan.kind === 'connect' ? plan.choice.url : null
}

/**
 * An origin as a browser writes it: scheme, lower-case host, port left out when it is the scheme's default. Null for
 * anything that is not an absolute http(s) URL.
 */
export function originOf(url: string): string | null {
  const match = /^(https?):\/\/([^/?#]*)/i.exec(url)
  if (!match) return null
  const scheme = match[1]!.toLowerCase()
  const authority = match[2]!
  if (authority.includes('@')) return null
  const parsed = parseHostPort(authority)
  if (!parsed.ok) {
    // No port written: the scheme's default.
    const bare = /^(\[[^\]]+\]|[^:]+)$/.exec(authority)
    return bare ? `${scheme}://${bare[1]!.toLowerCase()}` : null
  }
  const { host, port } = parsed.value
  const shownHost = host.includes(':') ? `[${host.toLowerCase()}]` : host.toLowerCase()
  const defaultPort = scheme === 'https' ? 443 : 80
  return port === defaultPort ? `${scheme}://${shownHost}` : `${scheme}://${shownHost}:${port}`
}

/** The pin of a connected workstation: which host, which certificate. */
export interface CertificatePin {
  host: string
  fingerprint: string
}

export function pinOf(plan: StartPlan): CertificatePin | null {
  if (plan.kind !== 'connect') return null
  const hostPort = serverHostPort(plan.choice.url)
  return hostPort ? { host: hostPort.host, fingerprint: plan.choice.fingerprint } : null
}

/** Chromium's verdict codes for setCertificateVerifyProc: 0 trusts the certificate, -2 refuses it. */
export const CERT_TRUST = 0
export const CERT_REFUSE = -2

export type CertificateVerdict =
  | { result: typeof CERT_TRUST }
  | { result: typeof CERT_REFUSE; mismatch: { expected: string; presented: string } | null }

/**
 * A connected workstation trusts exactly one certificate: the pinned one, for the pinned host (the facility CA is in no
 * system store, and need not be: the pin is the trust). Any other certificate, for that host or any other, is refused;
 * for the pinned host it is a changed certificate, which the user is told about (`mismatch`).
 */
export function certificateVerdict(
  pin: CertificatePin | null,
  request: { hostname: string; presentedFingerprint: string | null },
  same: (a: string, b: string) => boolean,
): CertificateVerdict {
  if (!pin) return { result: CERT_REFUSE, mismatch: null }
  if (bareHost(request.hostname) !== bareHost(pin.host)) return { result: CERT_REFUSE, mismatch: null }
  if (request.presentedFingerprint && same(request.presentedFingerprint, pin.fingerprint)) return { result: CERT_TRUST }
  return { result: CERT_REFUSE, mismatch: { expected: pin.fingerprint, presented: request.presentedFingerprint ?? '—' } }
}

function bareHost(host: string): string {
  return host.replace(/^\[(.*)\]$/, '$1').toLowerCase()
}

/**
 * Whether a change of connection needs the user's confirmation in a native dialog as well: yes when the asking page is
 * the facility server's (connect mode), so a server cannot re-point a workstation to another server on its own.
 */
export function choiceNeedsNativeConfirm(plan: StartPlan): boolean {
  return plan.kind === 'connect'
}

/** The warning shown when the server presents another certificate than the one confirmed (as SSH warns). */
export function mismatchWarning(url: string, expected: string, presented: string): { title: string; message: string; detail: string } {
  const shown = (fp: string) => fingerprintGroups(fp).join(' ') || fp
  return {
    title: '服务器证书已改变 / Server certificate changed',
    message: '服务器证书已改变，与首次连接时确认的指纹不同。可能有人冒充服务器，已拒绝连接。',
    detail: [
      `服务器：${url}`,
      `已确认的指纹：${shown(expected)}`,
      `服务器出示的指纹：${shown(presented)}`,
      '',
      '如果管理员确实更换了服务器证书，请在服务器上核对新指纹后重新选择连接方式；否则请勿继续，并报告管理员。',
      'The server presented a different certificate than the one confirmed; someone may be impersonating it. The connection was refused.',
    ].join('\n'),
  }
}

/** Chromium's net::ERR_ABORTED: a load replaced by another one (a redirect, our own switch), not a failure. */
const NET_ABORTED = -3

/** After a failed load of the connected window's page: ask the user (retry, change connection, quit) or let it be. */
export function loadFailureAction(failure: { errorCode: number; isMainFrame: boolean }, plan: StartPlan, certificateRefused: boolean): 'ask' | 'ignore' {
  if (plan.kind !== 'connect' || !failure.isMainFrame || failure.errorCode === NET_ABORTED) return 'ignore'
  // A refused certificate has its own warning already.
  return certificateRefused ? 'ignore' : 'ask'
}
