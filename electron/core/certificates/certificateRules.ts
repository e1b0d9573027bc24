/**
 * The rules every certificate obeys however it arrives (issued from a course, typed in, imported): a number valid for
 * its issue date and level (§6.4), unique among live certificates, an issue date not in the future, and — for a
 * resident ID card — the name and number of the holder's file (a certificate copies them, §6.3).
 */
import { checkCertificateNumber, type CertificateFormat, type SkillLevel } from '../../shared/domain/certificates'

export interface Problem {
  key: string
  params?: Record<string, string | number>
}

/** The number as stored and its format, or why it is refused (message key `cert.<reason>` with its details). */
export function numberVerdict(raw: string, issuedOn: string, level: SkillLevel): { ok: true; number: string; format: CertificateFormat } | { ok: false; problem: Problem } {
  const check = checkCertificateNumber(raw, { issued: issuedOn, level })
  if (check.valid) return { ok: true, number: check.normalized, format: check.format }
  const params: Record<string, string | number> = {}
  for (const k of ['position', 'length', 'found', 'expected'] as const) {
    const v = check[k]
    if (v !== undefined) params[k] = v
  }
  return { ok: false, problem: { key: `cert.${check.reason}`, params } }
}

/** Resident ID numbers are compared upper-case (a typed lower-case x is the same number). */
export const sameIdNumber = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase()

/** A typed name against the file's: white space inside a Chinese name is a typing slip, not another name. */
export const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '')
