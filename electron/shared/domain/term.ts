/**
 * Term arithmetic for compulsory isolation (禁毒法 §47, 戒毒条例 §27/§32; domain-reference §1.2):
 *   lastDay = decision date + 24 months + approved extension months − 1 day + days not counted
 *   earliestEarlyRelease = decision date + 12 months + days not counted
 * An escape FROM:TO (absconded on FROM, back in custody on TO) adds TO − FROM days not counted, and
 * rules out early release. Extensions total at most 12 months.
 */
import { addDays, addMonths, daysBetween, isValidIsoDate, type IsoDate } from './dates'

export const TERM_MONTHS = 24
export const EARLY_RELEASE_AFTER_MONTHS = 12
export const MAX_EXTENSION_MONTHS = 12
/** The warning window a facility may set, in days before the last day. */
export const MAX_TERM_WARNING_DAYS = 365
export const DEFAULT_TERM_WARNING_DAYS = 30

export interface EscapeInterval {
  from: IsoDate
  to: IsoDate
}

export interface TermInput {
  decisionDate: IsoDate
  /** Each approved extension, in months. */
  extensions?: readonly number[]
  escapes?: readonly EscapeInterval[]
  /** Another legal bar on early release (e.g. 戒毒条例 §38 ¶2), recorded on the file. */
  earlyReleaseBarred?: boolean
  /**
   * The release date of an approved early release (the deciding organ's 提前解除 decision, issue 13): the person is
   * released that day, so the last day held is the day before. Null/absent: none approved.
   */
  earlyReleaseOn?: IsoDate | null
}

export type TermStep =
  | { kind: 'base'; from: IsoDate; months: number; date: IsoDate }
  | { kind: 'extension'; months: number; date: IsoDate }
  | { kind: 'minus_one_day'; date: IsoDate }
  | { kind: 'escape'; from: IsoDate; to: IsoDate; days: number; date: IsoDate }
  | { kind: 'early_release'; months: number; daysNotCounted: number; date: IsoDate }
  | { kind: 'early_release_approved'; releaseOn: IsoDate; date: IsoDate }

export interface TermResult {
  lastDay: IsoDate
  earliestEarlyRelease: IsoDate
  earlyReleaseAllowed: boolean
  earlyReleaseBarredBy: 'escape' | 'recorded_bar' | null
  daysNotCounted: number
  extensionMonths: number
  steps: TermStep[]
}

export class TermInputError extends Error {
  constructor(
    message: string,
    readonly field: 'decisionDate' | 'extensions' | 'escapes' | 'earlyReleaseOn',
  ) {
    super(message)
    this.name = 'TermInputError'
  }
}

export function computeTerm(input: TermInput): TermResult {
  const { decisionDate } = input
  if (!isValidIsoDate(decisionDate)) throw new TermInputError(`decision date is not a calendar date: ${decisionDate}`, 'decisionDate')
  const extensions = input.extensions ?? []
  for (const months of extensions) {
    if (!Number.isInteger(months) || months <= 0) {
      throw new TermInputError(`an extension must be a whole number of months above 0, got ${months}`, 'extensions')
    }
  }
  const extensionMonths = extensions.reduce((a, b) => a + b, 0)
  if (extensionMonths > MAX_EXTENSION_MONTHS) {
    throw new TermInputError(`extensions total ${extensionMonths} months; the law allows at most ${MAX_EXTENSION_MONTHS}`, 'extensions')
  }
  const escapes = [...(input.escapes ?? [])].sort((a, b) => (a.from < b.from ? -1 : 1))
  escapes.forEach((e, i) => {
    if (!isValidIsoDate(e.from) || !isValidIsoDate(e.to)) throw new TermInputError(`escape ${e.from}:${e.to} is not two calendar dates`, 'escapes')
    if (e.to < e.from) throw new TermInputError(`escape ${e.from}:${e.to} ends before it starts`, 'escapes')
    if (e.from < decisionDate) throw new TermInputError(`escape ${e.from}:${e.to} starts before the decision date ${decisionDate}`, 'escapes')
    const previous = escapes[i - 1]
    if (previous && e.from < previous.to) throw new TermInputError(`escapes ${previous.from}:${previous.to} and ${e.from}:${e.to} overlap`, 'escapes')
  })

  const steps: TermStep[] = []
  const base = addMonths(decisionDate, TERM_MONTHS)
  steps.push({ kind: 'base', from: decisionDate, months: TERM_MONTHS, date: base })
  let end = base
  if (extensionMonths > 0) {
    end = addMonths(decisionDate, TERM_MONTHS + extensionMonths)
    steps.push({ kind: 'extension', months: extensionMonths, date: end })
  }
  end = addDays(end, -1)
  steps.push({ kind: 'minus_one_day', date: end })
  let daysNotCounted = 0
  for (const e of escapes) {
    const days = daysBetween(e.from, e.to)
    daysNotCounted += days
    end = addDays(end, days)
    steps.push({ kind: 'escape', from: e.from, to: e.to, days, date: end })
  }
  const earliestEarlyRelease = addDays(addMonths(decisionDate, EARLY_RELEASE_AFTER_MONTHS), daysNotCounted)
  steps.push({ kind: 'early_release', months: EARLY_RELEASE_AFTER_MONTHS, daysNotCounted, date: earliestEarlyRelease })
  const earlyReleaseBarredBy = escapes.length > 0 ? 'escape' : input.earlyReleaseBarred ? 'recorded_bar' : null
  const releaseOn = input.earlyReleaseOn ?? null
  if (releaseOn !== null) {
    if (!isValidIsoDate(releaseOn)) throw new TermInputError(`early release date is not a calendar date: ${releaseOn}`, 'earlyReleaseOn')
    // The decision was checked when recorded; a later escape or extension may make it inconsistent, which is reported.
    if (releaseOn < earliestEarlyRelease || releaseOn > end) {
      throw new TermInputError(`approved early release ${releaseOn} is outside ${earliestEarlyRelease}..${end}`, 'earlyReleaseOn')
    }
    end = addDays(releaseOn, -1)
    steps.push({ kind: 'early_release_approved', releaseOn, date: end })
  }
  return {
    lastDay: end,
    earliestEarlyRelease,
    earlyReleaseAllowed: earlyReleaseBarredBy === null,
    earlyReleaseBarredBy,
    daysNotCounted,
    extensionMonths,
    steps,
  }
}

/**
 * How the term stands against its last day: past it (`expired`, `days` since the last day) or within the facility's
 * warning window (`due`, `days` left; the last day itself is day 0). Release itself is a later step; this only warns.
 * The window is a facility setting (people.termWarningDays): the domain reference gives no national figure.
 */
export type TermWarning = { kind: 'expired'; days: number } | { kind: 'due'; days: number }

export function termWarning(lastDay: IsoDate | null, today: IsoDate, warningDays: number): TermWarning | null {
  return termWarningForDaysLeft(lastDay === null ? null : daysBetween(today, lastDay), warningDays)
}

/** The same from the days left (today to the last day), when a query has already counted them. */
export function termWarningForDaysLeft(left: number | null, warningDays: number): TermWarning | null {
  if (left === null) return null
  if (left < 0) return { kind: 'expired', days: -left }
  if (left <= warningDays) return { kind: 'due', days: left }
  return null
}

/** Whether the term has run out: the last day is before today (on the last day itself the person is still held). */
export const termExpired = (lastDay: IsoDate | null, today: IsoDate): boolean => lastDay !== null && lastDay < today
