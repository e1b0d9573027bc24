import type { certificatesContract } from '../../shared/contract/certificates'
import type { HandlersFor } from '../handlerTypes'

const notYet = (): never => {
  throw new Error('not implemented')
}

export const certificatesHandlers = {
  'certificates:issueBatch': notYet,
  'certificates:create': notYet,
  'certificates:update': notYet,
  'certificates:void': notYet,
  'certificates:person': notYet,
  'certificates:roster': notYet,
  'certificates:rosterOptions': notYet,
  'certificates:importCheck': notYet,
  'certificates:import': notYet,
  'academic:person': notYet,
  'academic:create': notYet,
  'academic:update': notYet,
  'academic:void': notYet,
} satisfies HandlersFor<typeof certificatesContract>
