import { migrate, openDatabase, schemaVersion } from '../../db/open'
import { ok, parseOptions, requireDb, type CliCommand } from '../command'

export const migrateCommand: CliCommand = {
  name: 'migrate',
  help: 'migrate --db FILE                                      apply pending migrations',
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' } })
    const db = openDatabase(requireDb(values.db, false), { migrate: false })
    try {
      const from = schemaVersion(db)
      const applied = migrate(db)
      return ok({ ok: true, from, to: schemaVersion(db), applied })
    } finally {
      db.close()
    }
  },
}
