import { checkIdNumber } from '../../../shared/domain/idNumber'
import { todayIn } from '../../../shared/domain/dates'
import { FACILITY_TIME_ZONE } from '../../context'
import { ok, UsageError, type CliCommand } from '../command'

export const checkIdCommand: CliCommand = {
  name: 'check-id',
  help: 'check-id <idNumber>                                    validate a resident ID number (GB 11643-1999)',
  // The number is a positional that may look like anything: no option parsing.
  run(args) {
    if (args.length !== 1) throw new UsageError('usage: check-id <idNumber>')
    const result = checkIdNumber(args[0]!, todayIn(FACILITY_TIME_ZONE))
    if (result.valid) return ok({ valid: true, birthDate: result.birthDate, sex: result.sex })
    return { out: { valid: false, reason: result.reason }, code: 1 }
  },
}
