export * from './schema'
export * from './score'
export * from './legal'
