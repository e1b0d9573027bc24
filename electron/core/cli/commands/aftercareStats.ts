/**
 * `aftercare-stats --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD]`: the follow-up cohort of the
 * people released between the dates (inclusive; the kinds setting `aftercare.plan` covers), classified by their
 * latest follow-up status as of the day (default today in the facility's zone). Prints exactly
 * {"released","reached","abstinent","relapsed","lost","abstinenceRateReached","abstinenceRateAll"}; a rate is null
 * when its divisor is 0. The database is opened read-only.
 */
import { isValidIsoDate, todayIn } from '../../../shared/domain/dates'
import { cohortFigures } from '../../aftercare/aftercareStats'
import { FACILITY_TIME_ZONE } from '../../context'
import { MIGRATIONS } from '../../db/migrations'
import { openDatabase, schemaVersion } from '../../db/open'
import { ok, parseOptions, requireDb, UsageError, type CliCommand } from '../command'

function dateOption(name: string, value: string | undefined): string {
  if (value === undefined) throw new UsageError(`--${name} YYYY-MM-DD is required`)
  if (!isValidIsoDate(value)) throw new UsageError(`--${name} must be a calendar date YYYY-MM-DD, got "${value}"`)
  return value
}

export const aftercareStatsCommand: CliCommand = {
  name: 'aftercare-stats',
  help: 'aftercare-stats --db FILE --from YYYY-MM-DD --to YYYY-MM-DD [--as-of YYYY-MM-DD]   follow-up cohort of people released in the range',
  run(args) {
    const values = parseOptions(args, { db: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' }, 'as-of': { type: 'string' } })
    const file = requireDb(values.db)
    const from = dateOption('from', values.from)
    const to = dateOption('to', values.to)
    if (to < from) throw new UsageError(`--to (${to}) is before --from (${from})`)
    const asOf = values['as-of'] === undefined ? todayIn(FACILITY_TIME_ZONE) : dateOption('as-of', values['as-of'])
    const db = openDatabase(file, { migrate: false, readonly: true })
    try {
      const version = schemaVersion(db)
      if (version !== MIGRATIONS.length) {
        throw new UsageError(`the database is at schema ${version}, this version reads schema ${MIGRATIONS.length}: run "migrate --db ${file}" first`)
      }
      const f = cohortFigures(db, { from, to, asOf })
      return ok({
        released: f.released,
        reached: f.reached,
        abstinent: f.abstinent,
        relapsed: f.relapsed,
        lost: f.lost,
        abstinenceRateReached: f.abstinenceRateReached,
        abstinenceRateAll: f.abstinenceRateAll,
      })
    } finally {
      db.close()
    }
  },
}
