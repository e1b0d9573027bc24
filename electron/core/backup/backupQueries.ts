/** What a backup's manifest says about a database: its tables' row counts and the audit chain's head. */
import type { Db } from '../db/open'

/** The app's own tables (SQLite's internal ones left out), by name. */
export function tableNames(db: Db): string[] {
  const rows = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  return rows.map((r) => r.name)
}

export function rowCounts(db: Db): Record<string, number> {
  const counts: Record<string, number> = {}
  // Names come from sqlite_master, quoted as identifiers: never from a caller.
  for (const name of tableNames(db)) counts[name] = (db.prepare(`SELECT count(*) AS n FROM "${name.replaceAll('"', '""')}"`).get() as { n: number }).n
  return counts
}
