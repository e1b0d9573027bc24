/**
 * The login session, kept per tab so a reload keeps the user signed in. Loopback browser mode sends its id as a header;
 * the facility server keeps the session in an HttpOnly cookie and answers `sessionId: ''`, so the window then holds no
 * id at all, only a mark that it is signed in (for the early start's prefetching).
 */
const KEY = 'xinsheng.session'
const COOKIE_MARK = 'xinsheng.session.cookie'

export function getSessionId(): string | null {
  try {
    return sessionStorage.getItem(KEY) || null
  } catch {
    return null
  }
}

/** After a sign-in: an empty id (the session travels as a cookie) is never stored or sent. */
export function setSessionId(id: string): void {
  if (id) {
    sessionStorage.setItem(KEY, id)
    sessionStorage.removeItem(COOKIE_MARK)
  } else {
    sessionStorage.removeItem(KEY)
    sessionStorage.setItem(COOKIE_MARK, '1')
  }
  sessionEnded = false
  notify()
}

export function clearSessionId(): void {
  sessionStorage.removeItem(KEY)
  sessionStorage.removeItem(COOKIE_MARK)
}

/** Whether this tab believes it is signed in (by header id or by cookie); the server decides in the end. */
export function hasSession(): boolean {
  try {
    return !!sessionStorage.getItem(KEY) || sessionStorage.getItem(COOKIE_MARK) === '1'
  } catch {
    return false
  }
}

/**
 * Set when a signed-in window is told its session is gone without signing out (ended by an administrator, idle or
 * absolute timeout, account deactivated): the sign-in screen then says why it is shown.
 */
let sessionEnded = false
const subscribers = new Set<() => void>()

function notify() {
  subscribers.forEach((s) => s())
}

export function markSessionEnded(): void {
  if (sessionEnded) return
  sessionEnded = true
  notify()
}

export function subscribeSessionEnded(callback: () => void): () => void {
  subscribers.add(callback)
  return () => subscribers.delete(callback)
}

export function isSessionEnded(): boolean {
  return sessionEnded
}
