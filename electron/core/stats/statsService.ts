/**
 * The facility dashboard (统计看板): one set-based query per figure (statsQueries.ts), each figure with the FigureRef
 * whose people `stats:people` lists (statsPeople.ts), scoped to the caller's readable wards.
 */
import type { statsContract } from '../../shared/contract/stats'
import type { HandlersFor } from '../handlerTypes'

export const statsHandlers = {
  'stats:dashboard'() {
    throw new Error('not implemented')
  },
  'stats:people'() {
    throw new Error('not implemented')
  },
} satisfies HandlersFor<typeof statsContract>
