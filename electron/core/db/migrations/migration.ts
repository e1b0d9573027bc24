import type { Db } from '../open'

/**
 * One numbered step of the schema. Plain SQL for schema changes; a function when the step must compute something
 * (a data backfill that reads rows, reshapes JSON or needs ids). Either way `migrate` runs it in its own transaction
 * together with its user_version bump, so a step that throws leaves the database exactly as it was before the step.
 * A function migration must stay synchronous (better-sqlite3 transactions cannot span an await) and must not depend
 * on code that may change later: it freezes the names and values it needs, as SQL text would.
 */
export type Migration = string | ((db: Db) => void)
