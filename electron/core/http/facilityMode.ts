/**
 * The facility server's way of admitting requests (issue 15): HTTPS only, the Host one of the served names, no token,
 * and a real session per staff member in a cookie the page's script cannot read (`__Host-` prefix: Secure, Path=/, no
 * Domain). The session id never reaches the page: the bridge sets the cookie on sign-in and blanks the id in the answer.
 * Failed sign-ins are also limited per remote address here, before the dispatcher's per-username and overall throttle.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'
import { isIP } from 'node:net'
import type { ApiResult } from '../../shared/contract'
import { translate, type Locale } from '../../shared/i18n/messages'
import type { AsyncDispatch, Dispatch } from '../dispatch'
import { cookieValue, type BridgeMode } from './bridgeCore'

export const SESSION_COOKIE = '__Host-xs_session'
const COOKIE_ATTRIBUTES = 'HttpOnly; Secure; SameSite=Strict; Path=/'
/**
 * More failed sign-ins than this from one address within the window → 429 without asking the dispatcher. Generous for a
 * ward office sharing one NAT'd address (a few mistyped passwords), tight for a script.
 */
export const LOGIN_FAILURES_PER_ADDRESS = { failures: 20, windowMs: 60_000 } as const
/** Beyond this many addresses tracked, the oldest records are dropped: a flood of addresses must not grow memory. */
const MAX_TRACKED_ADDRESSES = 10_000
/** Browsers keep HSTS for a year; no includeSubDomains (a facility's other hosts are not ours to decide). */
export const HSTS = 'max-age=31536000'

export interface FacilityModeOptions {
  dispatch: Dispatch | AsyncDispatch
  /** The names clients reach the server by (localhost and 127.0.0.1 are always served). */
  names: readonly string[]
  locale?: Locale
  /** The clock for the rate limit (tests). */
  now?: () => number
}

/** Failed sign-ins per remote address in a sliding window. */
export class AddressLoginLimiter {
  private readonly failures = new Map<string, number[]>()

  constructor(private readonly rule: { failures: number; windowMs: number } = LOGIN_FAILURES_PER_ADDRESS) {}

  blocked(address: string, now: number): boolean {
    return this.recent(address, now).length >= this.rule.failures
  }

  recordFailure(address: string, now: number): void {
    const recent = this.recent(address, now)
    this.failures.delete(address)
    if (this.failures.size >= MAX_TRACKED_ADDRESSES) this.failures.delete(this.failures.keys().next().value!)
    // Re-inserted last, so the map's order is oldest activity first.
    this.failures.set(address, [...recent, now])
  }

  private recent(address: string, now: number): number[] {
    return (this.failures.get(address) ?? []).filter((t) => now - t < this.rule.windowMs)
  }
}

/** `name:port` for each served name (IPv6 in brackets); the bare name too on 443, where browsers leave the port out. */
export function allowedHosts(names: readonly string[], port: number): Set<string> {
  const hosts = new Set<string>()
  for (const raw of [...names, 'localhost', '127.0.0.1']) {
    const name = raw.trim().replace(/^\[(.*)\]$/, '$1')
    if (!name) continue
    const host = isIP(name) === 6 ? `[${name.toLowerCase()}]` : name.toLowerCase()
    hosts.add(`${host}:${port}`)
    if (port === 443) hosts.add(host)
  }
  return hosts
}

export function facilityMode(options: FacilityModeOptions): BridgeMode {
  const limiter = new AddressLoginLimiter()
  const now = options.now ?? Date.now
  const locale = options.locale ?? 'zh-CN'
  let hosts: { port: number; set: Set<string> } | null = null
  const addressOf = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown'
  const setCookie = (res: ServerResponse, value: string, maxAgeZero = false) =>
    res.setHeader('set-cookie', `${SESSION_COOKIE}=${value}; ${COOKIE_ATTRIBUTES}${maxAgeZero ? '; Max-Age=0' : ''}`)

  return {
    headers: { 'strict-transport-security': HSTS },
    hostAllowed(host, port) {
      if (!hosts || hosts.port !== port) hosts = { port, set: allowedHosts(options.names, port) }
      return host !== undefined && hosts.set.has(host.toLowerCase())
    },
    // The cookie only: a session id in a header (browser mode's way) would be one the page's script had held.
    sessionOf: (req) => cookieValue(req, SESSION_COOKIE) || null,
    beforeInvoke(req, method) {
      if (method !== 'auth:login' || !limiter.blocked(addressOf(req), now())) return null
      return {
        status: 429,
        headers: { 'retry-after': String(Math.ceil(LOGIN_FAILURES_PER_ADDRESS.windowMs / 1000)) },
        body: { ok: false, error: { code: 'unauthenticated', message: translate(locale, 'auth.throttled'), key: 'auth.throttled' } },
      }
    },
    afterInvoke(req, res, method, result): ApiResult<unknown> {
      if (method === 'auth:login') {
        if (!result.ok) {
          limiter.recordFailure(addressOf(req), now())
          return result
        }
        const value = result.value as { sessionId: string }
        setCookie(res, value.sessionId)
        return { ok: true, value: { ...value, sessionId: '' } }
      }
      if (method === 'auth:logout') {
        setCookie(res, '', true)
        return result
      }
      // An ended session (expired, signed out elsewhere, deactivated): the browser forgets its cookie too.
      if (!result.ok && result.error.code === 'unauthenticated' && cookieValue(req, SESSION_COOKIE)) setCookie(res, '', true)
      return result
    },
    async liveSession(sessionId) {
      if (!sessionId) return false
      const me = await options.dispatch('auth:me', {}, sessionId)
      return me.ok && me.value !== null
    },
  }
}
