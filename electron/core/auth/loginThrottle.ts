/**
 * Failed sign-ins allowed per username and in all, in a sliding window, before any password is checked again: a flood
 * of attempts (a script trying passwords, or usernames that do not exist and so never lock) is then answered at once,
 * without the password work that would otherwise keep the back end busy. The account lock (5 failures → 10 minutes)
 * stays the rule for one account; this bounds the rate. Successful sign-ins are not counted.
 */
export const LOGIN_RATE = {
  perUsername: { failures: 10, windowMs: 60_000 },
  overall: { failures: 30, windowMs: 10_000 },
} as const

export class LoginThrottle {
  private readonly byUsername = new Map<string, number[]>()
  private overall: number[] = []

  private recent(now: number) {
    this.overall = this.overall.filter((t) => now - t < LOGIN_RATE.overall.windowMs)
  }

  /** Whether an attempt for `username` at `now` must be refused without checking it. */
  blocked(username: string, now: number): boolean {
    this.recent(now)
    const mine = (this.byUsername.get(username.toLowerCase()) ?? []).filter((t) => now - t < LOGIN_RATE.perUsername.windowMs)
    return mine.length >= LOGIN_RATE.perUsername.failures || this.overall.length >= LOGIN_RATE.overall.failures
  }

  recordFailure(username: string, now: number): void {
    const key = username.toLowerCase()
    // A flood of distinct names must not grow memory without end.
    if (this.byUsername.size > 10_000) this.byUsername.clear()
    this.byUsername.set(key, [...(this.byUsername.get(key) ?? []).filter((t) => now - t < LOGIN_RATE.perUsername.windowMs), now])
    this.recent(now)
    this.overall.push(now)
  }
}
