/** The fitness handlers (stubs while the services are written; the contract's shapes are final). */
import type { fitnessContract } from '../../shared/contract/fitness'
import { AppError } from '../errors'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new AppError('internal', 'err.internal')
}

export const fitnessHandlers = {
  'fitness:standards': notYet,
  'fitness:testDay': notYet,
  'fitness:checkTestDay': notYet,
  'fitness:saveTestDay': notYet,
  'fitness:saveDraft': notYet,
  'fitness:discardDraft': notYet,
  'fitness:updateTest': notYet,
  'fitness:voidTest': notYet,
  'fitness:regrade': notYet,
  'fitness:personHistory': notYet,
  'fitness:wardSummary': notYet,
  'fitness:contraindications': notYet,
  'fitness:recordContraindication': notYet,
  'fitness:endContraindication': notYet,
  'fitness:voidContraindication': notYet,
  'fitness:settings': notYet,
  'fitness:updateSettings': notYet,
} satisfies HandlersFor<typeof fitnessContract>
