import { sql as m001 } from './001_foundation'

/** Numbered migrations; position n (1-based) brings the database to user_version n. Append only. */
export const MIGRATIONS: readonly string[] = [m001]
