import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 64
const COST = { N: 16384, r: 8, p: 1 }

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('base64')
  return { hash: scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, COST).toString('base64'), salt }
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  const expected = Buffer.from(hash, 'base64')
  const actual = scryptSync(password.normalize('NFKC'), salt, KEY_LENGTH, COST)
  return expected.length === actual.length && timingSafeEqual(expected, actual)
}
