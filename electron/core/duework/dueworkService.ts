import type { dueworkContract } from '../../shared/contract/duework'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented')
}

export const dueworkHandlers = {
  'duework:person': notYet,
  'duework:ward': notYet,
  'duework:facility': notYet,
  'duework:people': notYet,
  'duework:exempt': notYet,
  'duework:voidExemption': notYet,
  'duework:settings': notYet,
  'duework:setSettings': notYet,
} satisfies HandlersFor<typeof dueworkContract>
