/**
 * ID numbers on a certificate roster (证书花名册). With the privacy option a roster keeps the first 6 and last 4
 * characters (§6.6, §7.4): that is `maskIdNumber`, reused here. It was written for the 18-digit resident ID number and
 * shows a number of 10 characters or fewer whole, and hides only 1–3 characters of an 11–13-character one. A roster
 * also carries other document types (证件类型: passports, permits of 8–11 characters), and a public notice must not
 * reveal them either, so a number too short to hide at least 4 characters keeps only its last 4 (or nothing, up to 4).
 */
import { maskIdNumber } from '../idNumber'

/** Shortest number for which "first 6 and last 4" still hides at least 4 characters. */
const SHORTEST_SIX_FOUR = 14

export function maskRosterIdNumber(id: string): string {
  const value = id.trim()
  if (value.length >= SHORTEST_SIX_FOUR) return maskIdNumber(value)
  if (value.length > 4) return `${'*'.repeat(value.length - 4)}${value.slice(-4)}`
  return '*'.repeat(value.length)
}
