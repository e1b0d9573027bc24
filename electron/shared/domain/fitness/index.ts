/** Fitness testing on a national (or facility-added) standard: items, measures, the norms-file schema and the engine. */
export * from './items'
export * from './schema'
export * from './grade'
export { ageOn } from '../dates'
