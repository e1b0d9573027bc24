import { computeTerm, TermInputError, type EscapeInterval } from '../../../shared/domain/term'
import { ok, parseOptions, UsageError, type CliCommand } from '../command'

const OPTIONS = {
  decision: { type: 'string' },
  'extension-months': { type: 'string' },
  escape: { type: 'string', multiple: true },
} as const

export const termCommand: CliCommand = {
  name: 'term',
  help: 'term --decision YYYY-MM-DD [--extension-months N] [--escape FROM:TO]...',
  run(args) {
    const values = parseOptions(args, OPTIONS)
    if (!values.decision) throw new UsageError('--decision YYYY-MM-DD is required')
    let extensions: number[] = []
    const extensionMonths = values['extension-months']
    if (extensionMonths !== undefined) {
      if (!/^\d+$/.test(extensionMonths)) throw new UsageError(`--extension-months must be a whole number of months, got "${extensionMonths}"`)
      const months = Number(extensionMonths)
      extensions = months > 0 ? [months] : []
    }
    const escapes: EscapeInterval[] = (values.escape ?? []).map((e) => {
      const m = /^(\d{4}-\d{2}-\d{2}):(\d{4}-\d{2}-\d{2})$/.exec(e)
      if (!m) throw new UsageError(`--escape must be FROM:TO as YYYY-MM-DD:YYYY-MM-DD, got "${e}"`)
      return { from: m[1]!, to: m[2]! }
    })
    try {
      const r = computeTerm({ decisionDate: values.decision, extensions, escapes })
      return ok({ lastDay: r.lastDay, earliestEarlyRelease: r.earliestEarlyRelease, earlyReleaseAllowed: r.earlyReleaseAllowed, daysNotCounted: r.daysNotCounted })
    } catch (error) {
      if (error instanceof TermInputError) throw new UsageError(error.message)
      throw error
    }
  },
}
