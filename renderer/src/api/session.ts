/** The login session id, kept per tab so a reload keeps the user signed in (browser mode sends it as a header). */
const KEY = 'xinsheng.session'

export function getSessionId(): string | null {
  try {
    return sessionStorage.getItem(KEY)
  } catch {
    return null
  }
}

export function setSessionId(id: string): void {
  sessionStorage.setItem(KEY, id)
}

export function clearSessionId(): void {
  sessionStorage.removeItem(KEY)
}
