import { randomBytes } from 'node:crypto'

/**
 * A UUID version 7 (RFC 9562): the milliseconds of `at` first, then random bits. Fitness tests, gradings and their
 * measurements are keyed by it, so a day's new rows land at the end of their indexes instead of on hundreds of random
 * pages (a 100-person save writes a few pages per index, not one per row). `random` supplies the 10 random bytes
 * (the benchmark generator passes its seeded stream).
 */
export function timeOrderedId(at: Date | number, random: () => Buffer = () => randomBytes(10)): string {
  const ms = typeof at === 'number' ? at : at.getTime()
  const bytes = Buffer.alloc(16)
  bytes.writeUIntBE(Math.max(0, Math.floor(ms)), 0, 6)
  random().copy(bytes, 6, 0, 10)
  bytes[6] = 0x70 | (bytes[6]! & 0x0f)
  bytes[8] = 0x80 | (bytes[8]! & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
