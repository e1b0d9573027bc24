import { statSync } from 'node:fs'
import type { Db } from './open'

/*
 * The database file a connection writes to must still be the one it opened (issue 10 §5). If the file is deleted or
 * replaced while the app runs, SQLite keeps writing into the unlinked file: every acknowledged write would vanish at
 * the next start. Each write transaction first checks the path still names the same file (device and inode), and
 * refuses to write otherwise, with a message saying why.
 */

const identities = new WeakMap<Db, { file: string; dev: number; ino: number }>()

/** Remembers which file `db` opened (nothing for an in-memory database). */
export function rememberFileIdentity(db: Db, file: string): void {
  if (file === ':memory:') return
  const { dev, ino } = statSync(file)
  identities.set(db, { file, dev, ino })
}

/** Why the path no longer names the opened file ('deleted' or 'replaced'), or null while it does. */
export function fileIdentityProblem(db: Db): 'deleted' | 'replaced' | null {
  const opened = identities.get(db)
  if (!opened) return null
  try {
    const { dev, ino } = statSync(opened.file)
    return dev === opened.dev && ino === opened.ino ? null : 'replaced'
  } catch {
    return 'deleted'
  }
}
