import { useDebouncedValue } from '@mantine/hooks'
import type { TFunction } from 'i18next'
import type { PersonListRow } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'

/** Pause in typing before a search is sent: short enough to feel immediate, long enough to skip most keystrokes. */
export const SEARCH_DEBOUNCE_MS = 180

/**
 * The server search behind every person picker (header search, psych pickers, audit filter): debounced, and each query
 * is its own cache entry, so an answer for a query typed past is never shown as the answer for the current one (over
 * HTTP its request is aborted as soon as nobody waits for it; over IPC its late answer lands in its own entry). While the
 * current query loads, the previous query's results stay, marked `stale`.
 */
export function usePeopleSearch(text: string, { limit, enabled = true }: { limit: number; enabled?: boolean }) {
  const typed = text.trim()
  const [debounced] = useDebouncedValue(typed, SEARCH_DEBOUNCE_MS)
  const active = enabled && typed.length > 0 && debounced.length > 0
  const search = useApiQuery('people:search', { q: debounced, limit }, { enabled: active, keepPrevious: true })
  const current = active && debounced === typed && !search.isPlaceholderData
  return {
    rows: active ? (search.data ?? []) : [],
    /** The rows are for an earlier query (the current one is still being typed or fetched). */
    stale: active && !current,
    /** The current query has answered (an empty answer means nobody matches). */
    settled: current && search.isSuccess && !search.isFetching,
    loading: enabled && typed.length > 0 && (!current || search.isFetching),
    error: active ? search.error : null,
  }
}

/** Where a found person is: the ward, or for a file whose stay has ended "已出所 · last day". */
export function personPlace(t: TFunction, row: PersonListRow): string {
  if (row.wardName) return row.wardName
  if (row.lastDay && !row.voided) return t('roster.pastSince', { date: row.lastDay })
  return t('file.noWard')
}

/** One line for a picker's option: 张三（一大队 · ****1234）. */
export const personOptionLabel = (t: TFunction, row: PersonListRow) => `${row.name}（${personPlace(t, row)} · ****${row.idTail}）`
