import type { assessmentContract } from '../../shared/contract/assessment'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented')
}

export const assessmentHandlers = {
  'assessment:templates': notYet,
  'assessment:template': notYet,
  'assessment:importTemplate': notYet,
  'assessment:chooseTemplate': notYet,
  'assessment:person': notYet,
  'assessment:prepare': notYet,
  'assessment:get': notYet,
  'assessment:list': notYet,
  'assessment:record': notYet,
  'assessment:update': notYet,
  'assessment:void': notYet,
  'assessment:closeEvidenceRequest': notYet,
  'assessment:propose': notYet,
  'assessment:decide': notYet,
  'assessment:voidProposal': notYet,
} satisfies HandlersFor<typeof assessmentContract>
