/**
 * What the back end tells the window without being asked. Today: a long job's progress (the demo facility; next the
 * imports, backups and PDF exports). Events carry no records, only counts and a label key.
 */
export interface ProgressEvent {
  type: 'progress'
  /** One per call, so two jobs of the same method can be told apart. */
  jobId: string
  /** The contract method running the job (the window shows progress for the call it made). */
  method: string
  done: number
  total: number
  /** A message key naming the step (e.g. `progress.demo.people`). */
  label: string
  /**
   * The handle (not the id) of the session whose call started the job: the facility server sends a job's progress only
   * to that session's windows. Absent for jobs nobody started (the daily backup).
   */
  session?: string
}

/**
 * A write was committed (issue 15: live updates). Every window refreshes the queries that write can make stale (the
 * same rule as after its own saves, renderer/src/api/refresh.ts). Only the method's name travels: no record, no person.
 */
export interface ChangedEvent {
  type: 'changed'
  method: string
  /** When it was committed (ISO instant). */
  at: string
}

export type BackendEvent = ProgressEvent | ChangedEvent

export type BackendEventListener = (event: BackendEvent) => void

/** A cheap shape check for events that crossed a process or network boundary. */
export function isBackendEvent(value: unknown): value is BackendEvent {
  if (typeof value !== 'object' || value === null) return false
  const c = value as Partial<ChangedEvent>
  if (c.type === 'changed') return typeof c.method === 'string' && typeof c.at === 'string'
  const e = value as Partial<ProgressEvent>
  return e.type === 'progress' && typeof e.jobId === 'string' && typeof e.method === 'string' && typeof e.done === 'number' && typeof e.total === 'number' && typeof e.label === 'string'
}
