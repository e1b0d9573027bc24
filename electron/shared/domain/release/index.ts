export * from './kinds'
export * from './checklist'
export * from './settings'
