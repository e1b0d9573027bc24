import { bankHandlers } from './bankService'
import { sittingHandlers } from './sittingService'

/** The knowledge-test handler modules (registered in core/handlers.ts). */
export const knowledgeHandlerModules = { bank: bankHandlers, sittings: sittingHandlers }
