import type { transferContract } from '../../shared/contract/transfer'
import type { HandlersFor } from '../handlerTypes'
import { movedToServer } from './movedGuard'

export const transferHandlers = {
  'transfer:status': (_input, ctx) => ({ movedAt: movedToServer(ctx.db)?.exportedAt ?? null }),
} satisfies HandlersFor<typeof transferContract>
