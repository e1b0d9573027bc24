/**
 * Encrypted backup files, with Node's crypto only: AES-256-GCM under a key derived by scrypt from the facility
 * passphrase and a random salt. Layout: a fixed header (magic, format version, scrypt cost, salt, IV), the ciphertext,
 * then GCM's 16-byte authentication tag. The header is authenticated too (additional data), so a changed byte anywhere
 * fails decryption. Nothing of the SQLite file is readable without the passphrase.
 */
import { createCipheriv, createDecipheriv, randomBytes, scryptSync } from 'node:crypto'

const MAGIC = Buffer.from('XSBKENC1', 'ascii')
const SALT_BYTES = 16
const IV_BYTES = 12
const TAG_BYTES = 16
/** scrypt cost: N = 2^15, r = 8, p = 1 (32 MiB, about 0.1 s): slow enough against guessing, quick for one backup. */
const LOG_N = 15
const R = 8
const P = 1
const HEADER_BYTES = MAGIC.length + 1 + 1 + SALT_BYTES + IV_BYTES

export class WrongPassphraseError extends Error {
  constructor() {
    super('the passphrase does not open this backup (or the file was changed)')
    this.name = 'WrongPassphraseError'
  }
}

function keyFor(passphrase: string, salt: Buffer, logN: number): Buffer {
  const N = 2 ** logN
  return scryptSync(passphrase.normalize('NFC'), salt, 32, { N, r: R, p: P, maxmem: 256 * N * R })
}

export const isEncryptedBackup = (bytes: Buffer): boolean => bytes.length >= MAGIC.length && bytes.subarray(0, MAGIC.length).equals(MAGIC)

export function encryptBackup(plain: Buffer, passphrase: string): Buffer {
  const salt = randomBytes(SALT_BYTES)
  const iv = randomBytes(IV_BYTES)
  const header = Buffer.concat([MAGIC, Buffer.from([1, LOG_N]), salt, iv])
  const cipher = createCipheriv('aes-256-gcm', keyFor(passphrase, salt, LOG_N), iv)
  cipher.setAAD(header)
  const body = Buffer.concat([cipher.update(plain), cipher.final()])
  return Buffer.concat([header, body, cipher.getAuthTag()])
}

/** The SQLite bytes of an encrypted backup; a wrong passphrase or any changed byte throws WrongPassphraseError. */
export function decryptBackup(file: Buffer, passphrase: string): Buffer {
  if (!isEncryptedBackup(file) || file.length < HEADER_BYTES + TAG_BYTES) throw new WrongPassphraseError()
  const logN = file[MAGIC.length + 1]!
  if (file[MAGIC.length] !== 1 || logN < 10 || logN > 20) throw new WrongPassphraseError()
  const header = file.subarray(0, HEADER_BYTES)
  const salt = header.subarray(MAGIC.length + 2, MAGIC.length + 2 + SALT_BYTES)
  const iv = header.subarray(MAGIC.length + 2 + SALT_BYTES)
  const decipher = createDecipheriv('aes-256-gcm', keyFor(passphrase, salt, logN), iv)
  decipher.setAAD(header)
  decipher.setAuthTag(file.subarray(file.length - TAG_BYTES))
  try {
    return Buffer.concat([decipher.update(file.subarray(HEADER_BYTES, file.length - TAG_BYTES)), decipher.final()])
  } catch {
    throw new WrongPassphraseError()
  }
}
