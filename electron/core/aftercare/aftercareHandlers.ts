/**
 * The aftercare handlers (contract shared/contract/aftercare.ts).
 */
import type { aftercareContract } from '../../shared/contract/aftercare'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented')
}

export const aftercareHandlers = {
  'aftercare:stations': notYet,
  'aftercare:station': notYet,
  'aftercare:saveStation': notYet,
  'aftercare:retireStation': notYet,
  'aftercare:person': notYet,
  'aftercare:recordContact': notYet,
  'aftercare:updateContact': notYet,
  'aftercare:voidContact': notYet,
  'aftercare:due': notYet,
  'aftercare:cohorts': notYet,
  'aftercare:cohortPeople': notYet,
  'aftercare:settings': notYet,
  'aftercare:setPlan': notYet,
  'aftercare:setHelpKinds': notYet,
} satisfies HandlersFor<typeof aftercareContract>
