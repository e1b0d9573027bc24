import { keepPreviousData, useQueries, useQuery } from '@tanstack/react-query'
import { useCallback, useState } from 'react'
import type { PersonListRow } from '@shared/contract'
import { api } from '../../api/client'
import { apiKey } from '../../api/keys'
import { queryClient } from '../../api/queryClient'
import { BLOCK_SIZE, blockPage, blocksInView, rowSlot } from '../../lib/listBlocks'
import { listFilters, parseRosterQuery, type ListFilters } from './rosterParams'

const blockQuery = (filters: ListFilters, block: number) => {
  const input = { ...filters, ...blockPage(block) }
  return { queryKey: apiKey('people:list', input), queryFn: ({ signal }: { signal: AbortSignal }) => api.invoke('people:list', input, { signal }) }
}

/**
 * Asks for the first block of the list a URL shows (a ward's roster when `wardId` is given), under the key the table
 * will use: the router calls it on entering the page (FeatureRoute.prefetch).
 */
export function prefetchPeopleList(search: URLSearchParams, wardId?: string): void {
  void queryClient.prefetchQuery(blockQuery(listFilters(parseRosterQuery(search), wardId), 0))
}

/**
 * A long people list fetched in blocks as its rows come into view: one query per block, keyed by the filters and the
 * block's offset (so blocks stay cached while the filters are unchanged, and a block scrolled past before it arrived is
 * cancelled). Only the first block asks for the total. While another list's first block loads, the previous list's
 * first block stands in (`stale`), so a ward switch does not flash an empty table.
 */
export function usePeopleBlocks(filters: ListFilters) {
  const [range, setRange] = useState({ first: 0, last: 0 })
  const onRangeChange = useCallback((first: number, last: number) => {
    setRange((old) => (old.first === first && old.last === last ? old : { first, last }))
  }, [])

  const head = useQuery({ ...blockQuery(filters, 0), placeholderData: keepPreviousData })
  const total = head.data?.total ?? null
  const later = blocksInView(range.first, range.last, head.isPlaceholderData ? null : total).filter((b) => b > 0)
  const blocks = useQueries({ queries: later.map((b) => blockQuery(filters, b)) })

  const loaded = new Map<number, PersonListRow[]>()
  if (head.data) loaded.set(0, head.data.rows)
  later.forEach((b, i) => {
    const rows = blocks[i]?.data?.rows
    if (rows) loaded.set(b, rows)
  })
  const failed = blocks.find((b) => b.isError)

  return {
    /** The list's length; null until the first block has answered. */
    total,
    rowAt: (index: number): PersonListRow | null => {
      const { block, at } = rowSlot(index, BLOCK_SIZE)
      return loaded.get(block)?.[at] ?? null
    },
    /** Blocks whose rows are in hand (for the "rendered" performance marks). */
    loadedBlocks: [...loaded.keys()],
    isPending: head.isPending,
    stale: head.isPlaceholderData,
    error: head.error ?? failed?.error ?? null,
    retry: () => void (head.isError ? head.refetch() : failed?.refetch()),
    onRangeChange,
  }
}
