/**
 * STUB (helper H4, issue 15): a placeholder so the client branch compiles. The real module comes from the server
 * helper's branch and replaces this file at merge; keep theirs.
 */
import { canonicalFingerprint } from '../../shared/connection'

export function sameFingerprint(a: string, b: string): boolean {
  const left = canonicalFingerprint(a)
  return left !== null && left === canonicalFingerprint(b)
}

export function probeServer(_url: string, _options: { timeoutMs: number }): Promise<{ fingerprint: string; subject: string; issuer: string; validTo: string }> {
  return Promise.reject(new Error('probeServer: stub (the server helper provides electron/core/server/pinning.ts)'))
}
