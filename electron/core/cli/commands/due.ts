/**
 * `due --db FILE [--ward NAME|ID] [--date YYYY-MM-DD]`: the due work of one ward's current files, or of every current
 * file, on the date (default today in the facility's zone): every item whose window has opened, done and exempt ones
 * included. The database is opened read-only: nothing is ever changed.
 */
import { isValidIsoDate, todayIn } from '../../../shared/domain/dates'
import { FACILITY_TIME_ZONE } from '../../context'
import { MIGRATIONS } from '../../db/migrations'
import { openDatabase, schemaVersion } from '../../db/open'
import { byUrgency, computeDueWork } from '../../duework/dueworkCompute'
import { currentPeople, wardPeople } from '../../duework/dueworkFactsQueries'
import { wardsInOrder } from '../../wards/wardsRepo'
import { ok, parseOptions, requireDb, UsageError, type CliCommand } from '../command'

export const dueCommand: CliCommand = {
  name: 'due',
  help: 'due --db FILE [--ward NAME|ID] [--date YYYY-MM-DD]     due work of a ward (or every current file) on a date',
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' }, ward: { type: 'string' }, date: { type: 'string' } })
    const file = requireDb(values.db)
    const on = values.date ?? todayIn(FACILITY_TIME_ZONE)
    if (!isValidIsoDate(on)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got "${on}"`)
    if (values.ward !== undefined && values.ward.trim() === '') throw new UsageError('--ward must name a ward (its name or id)')
    const db = openDatabase(file, { migrate: false, readonly: true })
    try {
      const version = schemaVersion(db)
      if (version !== MIGRATIONS.length) {
        throw new UsageError(`the database is at schema ${version}, this version reads schema ${MIGRATIONS.length}: run "migrate --db ${file}" first`)
      }
      let people
      if (values.ward !== undefined) {
        const wards = wardsInOrder(db)
        const ward = wards.find((w) => w.id === values.ward) ?? wards.find((w) => w.name === values.ward!.trim())
        if (!ward) throw new UsageError(`no ward "${values.ward}" (one of ${wards.map((w) => w.name).join(', ')})`)
        people = wardPeople(db, ward.id)
      } else people = currentPeople(db)
      const { items } = computeDueWork(db, people, on, '')
      return ok({ items: items.sort(byUrgency).map((i) => ({ personId: i.personId, rule: i.rule, due: i.dueOn, status: i.status })) })
    } finally {
      db.close()
    }
  },
}
