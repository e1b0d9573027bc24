/** The demo's aftercare reads (SQL only here). */
import type { Db } from '../db/open'

export const aftercareDemoRepo = {
  /** Whether a file already carries the ID number (generated numbers are drawn again). */
  idNumberTaken(db: Db, idNumber: string): boolean {
    return db.prepare('SELECT 1 FROM people WHERE id_number = ?').get(idNumber) !== undefined
  },
}
