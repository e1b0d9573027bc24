/**
 * Keeps the screen on the kiosk while a sitting is open at it: any other address (typed, the back button, a link) is
 * replaced by the kiosk's again. The router's blocker stops navigations the app starts, but not an address changed
 * outside it, so this listens to the window itself, and stays installed even if the kiosk page is unmounted; only
 * the staff member's password (unlockKiosk) removes it. A reload keeps the kiosk's address, so the kiosk comes back.
 */
let lockedAttempt: string | null = null

const kioskHash = (attemptId: string) => `#/kiosk/knowledge/${attemptId}`

function keepKiosk(): void {
  if (lockedAttempt !== null && !window.location.hash.startsWith(kioskHash(lockedAttempt))) window.location.replace(kioskHash(lockedAttempt))
}

export function lockKiosk(attemptId: string): void {
  lockedAttempt = attemptId
  window.addEventListener('hashchange', keepKiosk)
}

export function unlockKiosk(): void {
  lockedAttempt = null
  window.removeEventListener('hashchange', keepKiosk)
}
