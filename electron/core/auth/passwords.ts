import { randomBytes, scrypt, scryptSync, timingSafeEqual } from 'node:crypto'

const KEY_LENGTH = 64
const COST = { N: 16384, r: 8, p: 1 }
/** The salt of the work done for an unknown username, so that answer takes as long as a real check. */
export const UNKNOWN_USER_SALT = 'salt'

const material = (password: string) => password.normalize('NFKC')

export function hashPassword(password: string): { hash: string; salt: string } {
  const salt = randomBytes(16).toString('base64')
  return { hash: derivePassword(password, salt).toString('base64'), salt }
}

/** The scrypt key of a password and salt, on the calling thread (~50 ms). */
export const derivePassword = (password: string, salt: string): Buffer => scryptSync(material(password), salt, KEY_LENGTH, COST)

/** The same key computed on libuv's thread pool: the back end keeps answering other calls meanwhile. */
export function derivePasswordAsync(password: string, salt: string): Promise<Buffer> {
  return new Promise((resolveKey, reject) => scrypt(material(password), salt, KEY_LENGTH, COST, (error, key) => (error ? reject(error) : resolveKey(key))))
}

/** Whether a derived key matches the stored hash (constant time). */
export function keyMatches(derived: Buffer, hash: string): boolean {
  const expected = Buffer.from(hash, 'base64')
  return expected.length === derived.length && timingSafeEqual(expected, derived)
}

export function verifyPassword(password: string, hash: string, salt: string): boolean {
  return keyMatches(derivePassword(password, salt), hash)
}
