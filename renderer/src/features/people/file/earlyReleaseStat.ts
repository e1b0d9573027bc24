/** The part of a file's term (PersonTerm in the contract) the header needs; structural, so unit tests can import this. */
interface TermView {
  result: { earlyReleaseAllowed: boolean; earliestEarlyRelease: string; earlyReleaseBarredBy: 'escape' | 'recorded_bar' | null } | null
  earlyReleaseBarReason: string | null
}

type Translate = (key: 'term.earliestEarlyRelease' | 'term.earlyRelease' | 'term.headerBarredEscape' | 'term.headerBarredRecorded' | 'term.headerBarred', params?: Record<string, string>) => string

/**
 * What the person header shows about early release: the earliest date when it is allowed, otherwise that it is barred
 * and why — under a label that fits ("提前解除: 不得提前解除（脱逃）", never a date label with "否").
 */
export function earlyReleaseStat(term: TermView, t: Translate): { label: string; value: string; barred: boolean } {
  const r = term.result
  if (!r) return { label: t('term.earliestEarlyRelease'), value: '—', barred: false }
  if (r.earlyReleaseAllowed) return { label: t('term.earliestEarlyRelease'), value: r.earliestEarlyRelease, barred: false }
  const reason = term.earlyReleaseBarReason?.trim()
  const value =
    r.earlyReleaseBarredBy === 'escape'
      ? t('term.headerBarredEscape')
      : reason
        ? t('term.headerBarredRecorded', { reason })
        : t('term.headerBarred')
  return { label: t('term.earlyRelease'), value, barred: true }
}
