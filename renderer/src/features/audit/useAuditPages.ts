import { useState } from 'react'
import type { AuditCursor, AuditFilter } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'

/**
 * Pages of the audit log for a filter, newest first. The server answers each page with the cursor of the next (it
 * never counts the log); going back re-reads a page from the cursors kept here. A new filter starts at page 1.
 */
export function useAuditPages(filter: AuditFilter, limit: number) {
  const key = JSON.stringify(filter)
  const [state, setState] = useState<{ key: string; cursors: Array<AuditCursor | undefined> }>({ key, cursors: [undefined] })
  const cursors = state.key === key ? state.cursors : [undefined]
  const page = useApiQuery('audit:list', { ...filter, after: cursors[cursors.length - 1], limit }, { keepPrevious: true })
  return {
    page,
    pageNumber: cursors.length,
    hasPrevious: cursors.length > 1,
    hasNext: Boolean(page.data?.next) && !page.isPlaceholderData,
    next: () => page.data?.next && setState({ key, cursors: [...cursors, page.data.next] }),
    previous: () => setState({ key, cursors: cursors.slice(0, -1) }),
  }
}
