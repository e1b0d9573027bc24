import { appendAudit } from '../../audit/auditLog'
import { writeAuditAnchor } from '../../audit/auditSeal'
import { systemClock } from '../../context'
import { openDatabase } from '../../db/open'
import { generateDemo } from '../../demo/generate'
import { isInitialized } from '../../facility/setupService'
import { wardSummaries } from '../../wards/wardsQueries'
import { ok, parseOptions, requireDb, UsageError, type CliCommand } from '../command'

const OPTIONS = {
  db: { type: 'string' },
  people: { type: 'string' },
  seed: { type: 'string' },
} as const

export const demoCommand: CliCommand = {
  name: 'demo',
  help: 'demo --db FILE --people N [--seed S]                   create a demo facility in a new database',
  run(args) {
    const values = parseOptions(args, OPTIONS)
    const file = requireDb(values.db, false)
    const people = Number(values.people ?? '240')
    const seed = Number(values.seed ?? '1')
    if (!Number.isInteger(people) || people < 0 || people > 100_000) throw new UsageError('--people must be a whole number from 0 to 100000')
    if (!Number.isInteger(seed)) throw new UsageError('--seed must be a whole number')
    const db = openDatabase(file)
    try {
      if (isInitialized(db)) throw new UsageError(`${file} already holds a facility; demo data goes into a new database only`)
      const accounts = db.transaction(() => {
        const created = generateDemo(db, { people, seed, clock: systemClock })
        appendAudit(db, { at: new Date().toISOString(), actorId: null, actorName: 'cli', method: 'cli:demo', recordType: 'facility', recordId: null, detail: JSON.stringify({ people, seed }) })
        return created
      })()
      writeAuditAnchor(db, new Date().toISOString())
      return ok({ ok: true, db: file, people, wards: wardSummaries(db).length, accounts })
    } finally {
      db.close()
    }
  },
}
