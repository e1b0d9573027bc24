import type { PersonTerm } from '../../shared/contract'
import { computeTerm, TermInputError, type EscapeInterval } from '../../shared/domain/term'
import type { TermEventRecord } from './peopleRepo'

/**
 * The term of one file from its recorded events. An escape still open counts up to today, provisionally, and the
 * stored last day is left empty until the person is back in custody.
 */
export function personTerm(
  decisionDate: string,
  earlyReleaseBar: string | null,
  events: ReadonlyArray<Pick<TermEventRecord, 'kind' | 'months' | 'fromDate' | 'toDate' | 'voidedAt'>>,
  today: string,
  /** The release date of an approved early release (people.early_release_on, set by assessment decisions). */
  earlyReleaseOn: string | null = null,
): PersonTerm & { storedLastDay: string | null } {
  const live = events.filter((e) => e.voidedAt === null)
  const extensions = live.filter((e) => e.kind === 'extension').map((e) => e.months ?? 0)
  const escapes: EscapeInterval[] = []
  let openEscapeFrom: string | null = null
  for (const e of live.filter((e) => e.kind === 'escape')) {
    if (e.toDate) escapes.push({ from: e.fromDate!, to: e.toDate })
    else {
      openEscapeFrom = e.fromDate
      escapes.push({ from: e.fromDate!, to: today < e.fromDate! ? e.fromDate! : today })
    }
  }
  try {
    const result = computeTerm({ decisionDate, extensions, escapes, earlyReleaseBarred: earlyReleaseBar !== null, earlyReleaseOn })
    return { result, openEscapeFrom, error: null, earlyReleaseBarReason: earlyReleaseBar, storedLastDay: openEscapeFrom ? null : result.lastDay }
  } catch (error) {
    if (error instanceof TermInputError) {
      return { result: null, openEscapeFrom, error: 'term.inconsistent', earlyReleaseBarReason: earlyReleaseBar, storedLastDay: null }
    }
    throw error
  }
}
