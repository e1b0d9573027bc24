/** The ward records' handlers (contract shared/contract/wardwork.ts). */
import type { wardworkContract } from '../../shared/contract/wardwork'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented')
}

export const wardworkHandlers = {
  'wardwork:lists': notYet,
  'wardwork:setLists': notYet,
  'wardwork:person': notYet,
  'wardwork:recordTalk': notYet,
  'wardwork:updateTalk': notYet,
  'wardwork:voidTalk': notYet,
  'wardwork:recordConduct': notYet,
  'wardwork:updateConduct': notYet,
  'wardwork:voidConduct': notYet,
  'wardwork:recordVisit': notYet,
  'wardwork:updateVisit': notYet,
  'wardwork:voidVisit': notYet,
  'wardwork:recordMedical': notYet,
  'wardwork:updateMedical': notYet,
  'wardwork:voidMedical': notYet,
  'wardwork:recordMeasure': notYet,
  'wardwork:updateMeasure': notYet,
  'wardwork:voidMeasure': notYet,
  'wardwork:wardRecords': notYet,
  'wardwork:wardDay': notYet,
  'wardwork:log': notYet,
  'wardwork:saveLog': notYet,
  'wardwork:voidLog': notYet,
} satisfies HandlersFor<typeof wardworkContract>
