import { integrityCheck, openDatabase } from '../../db/open'
import { parseOptions, requireDb, type CliCommand } from '../command'

export const integrityCommand: CliCommand = {
  name: 'integrity',
  help: 'integrity --db FILE                                    PRAGMA integrity_check + foreign_key_check',
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' } })
    const db = openDatabase(requireDb(values.db), { migrate: false })
    try {
      const r = integrityCheck(db)
      return { out: r, code: r.ok ? 0 : 1 }
    } finally {
      db.close()
    }
  },
}
