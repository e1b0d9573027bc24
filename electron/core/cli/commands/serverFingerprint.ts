/**
 * `server-fingerprint --server https://HOST:PORT [--expect FP]`: the certificate a facility server presents, for an
 * administrator comparing it with what a workstation shows (or a script checking the pin). Exit 0 with
 * {"server","fingerprint","subject","issuer","validTo"} (and "matches": true with --expect); exit 1 with the same and
 * "matches": false and a warning when the presented certificate is not the expected one; exit 2 for bad arguments.
 */
import { formatFingerprint, normalizeFingerprint, probeServer, sameFingerprint } from '../../server/pinning'
import { parseOptions, UsageError, type CliCommand, type CommandResult } from '../command'

const PROBE_TIMEOUT_MS = 10_000

async function serverFingerprint(args: string[]): Promise<CommandResult> {
  const values = parseOptions(args, { server: { type: 'string' }, expect: { type: 'string' } })
  if (!values.server) throw new UsageError('--server https://HOST:PORT is required')
  let url: URL
  try {
    url = new URL(values.server)
  } catch {
    throw new UsageError(`--server must be a URL like https://HOST:PORT, not "${values.server}"`)
  }
  if (url.protocol !== 'https:') throw new UsageError('--server must be an https:// address (the facility server speaks HTTPS only)')
  if (values.expect !== undefined && !/^[0-9A-F]{64}$/.test(normalizeFingerprint(values.expect))) {
    throw new UsageError('--expect must be a SHA-256 fingerprint (64 hex digits, colons allowed)')
  }
  let probed
  try {
    probed = await probeServer(url.href, { timeoutMs: PROBE_TIMEOUT_MS })
  } catch (error) {
    return { out: { server: url.origin, error: `could not read the server's certificate: ${error instanceof Error ? error.message : String(error)}` }, code: 1 }
  }
  const out = { server: url.origin, ...probed }
  if (values.expect === undefined) return { out, code: 0 }
  if (sameFingerprint(probed.fingerprint, values.expect)) return { out: { ...out, matches: true }, code: 0 }
  return {
    out: {
      ...out,
      matches: false,
      warning: `WARNING: the server's certificate fingerprint has changed: expected ${formatFingerprint(values.expect)}, got ${probed.fingerprint}. Someone may be impersonating the server; do not connect until the administrator confirms the new fingerprint.`,
    },
    code: 1,
  }
}

export const serverFingerprintCommand: CliCommand = {
  name: 'server-fingerprint',
  help: 'server-fingerprint --server https://HOST:PORT [--expect FP]   the certificate fingerprint a facility server presents',
  run: serverFingerprint,
}
