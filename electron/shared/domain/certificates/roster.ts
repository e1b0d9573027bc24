/**
 * ID numbers on a certificate roster (证书花名册). With the privacy option a roster keeps the first 6 and last 4
 * characters (§6.6, §7.4): that is `maskIdNumber`, reused here. It was written for the 18-digit resident ID number and
 * shows a number of 10 characters or fewer whole, and hides only 1–3 characters of an 11–13-character one. A roster
 * also carries other document types (证件类型: passports, permits of 8–11 characters), and a public notice must not
 * reveal them either, so a number too short for that keeps at most its last 4 and always hides at least 4 (a 9-character
 * passport number shows its last 4, a 6-character number its last 2).
 */
import { maskIdNumber } from '../idNumber'

/** Shortest number for which "first 6 and last 4" still hides at least 4 characters. */
const SHORTEST_SIX_FOUR = 14
const HIDDEN_AT_LEAST = 4

export function maskRosterIdNumber(id: string): string {
  const value = id.trim()
  if (value.length >= SHORTEST_SIX_FOUR) return maskIdNumber(value)
  const kept = Math.min(4, Math.max(0, value.length - HIDDEN_AT_LEAST))
  return `${'*'.repeat(value.length - kept)}${value.slice(value.length - kept)}`
}
