import { sql as m001 } from './001_foundation'
import { sql as m002 } from './002_psychology'

/** Numbered migrations; position n (1-based) brings the database to user_version n. Append only. */
export const MIGRATIONS: readonly string[] = [m001, m002]
