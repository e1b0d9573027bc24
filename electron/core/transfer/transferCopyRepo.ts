/**
 * The statements of the generic copy from the attached package ('pkg') into the server ('main'). Each package row gets
 * one fate in temp.xfer_rows, keyed by its table and its primary key as a JSON array (the workstation's values):
 *   present      — the server already holds a row with this key;
 *   with_person  — it references a skipped row (a duplicate person, or a row skipped with one), directly or through
 *                  foreign keys;
 *   server_owned — it configures a reference row that was matched (copyPlan.ts, SERVER_OWNED_WHEN_MATCHED);
 *   matched      — a unique key (after remapping) finds the server's row: a ward by name, a staff member by username,
 *                  a config version by kind and version…; references to it are remapped to the server's row;
 *   duplicate    — a person whose live ID number the server already has: skipped with every row that belongs to them;
 *   import       — inserted.
 * Identifiers are quoted names read from sqlite_master, never input. `xfer_remap(v)` is the import's function that
 * replaces a matched row's workstation id by the server's (importPackage.ts).
 */
import type { Db } from '../db/open'
import type { TableShape, UniqueKeyShape } from './transferSchemaQueries'

export type Fate = 'present' | 'with_person' | 'server_owned' | 'matched' | 'duplicate' | 'import'

const q = (name: string) => `"${name.replaceAll('"', '""')}"`
const keyExpr = (columns: readonly string[], alias?: string) => `json_array(${columns.map((c) => (alias ? `${alias}.${q(c)}` : q(c))).join(', ')})`
const undecided = (t: TableShape, alias?: string) => `${keyExpr(t.pk, alias)} NOT IN (SELECT key FROM temp.xfer_rows WHERE tbl = @tbl)`
/** Text may hold an id to remap (a reference, or an id inside JSON); numbers never do. */
const remapped = (t: TableShape, column: string, alias?: string) => {
  const type = t.columns.find((c) => c.name === column)?.type ?? 'ANY'
  const ref = alias ? `${alias}.${q(column)}` : q(column)
  return type === 'TEXT' || type === 'ANY' ? `xfer_remap(${ref})` : ref
}

/** A fresh work table for one import (temp: this connection only, gone with it; rolled back with a dry run). */
export function createWorkTable(db: Db): void {
  db.exec('DROP TABLE IF EXISTS temp.xfer_rows')
  db.exec('CREATE TEMP TABLE xfer_rows (tbl TEXT NOT NULL, key TEXT NOT NULL, fate TEXT NOT NULL, server_key TEXT, PRIMARY KEY (tbl, key)) WITHOUT ROWID')
}

export const dropWorkTable = (db: Db): void => {
  db.exec('DROP TABLE IF EXISTS temp.xfer_rows')
}

/** Rows whose key the server already holds. */
export function markPresent(db: Db, t: TableShape): number {
  const same = t.pk.map((c) => `m.${q(c)} = ${remapped(t, c, 's')}`).join(' AND ')
  return db
    .prepare(
      `INSERT INTO temp.xfer_rows (tbl, key, fate, server_key)
       SELECT @tbl, ${keyExpr(t.pk, 's')}, 'present', ${keyExpr(t.pk, 's')} FROM pkg.${q(t.name)} AS s
       WHERE ${undecided(t, 's')} AND EXISTS (SELECT 1 FROM main.${q(t.name)} AS m WHERE ${same})`,
    )
    .run({ tbl: t.name }).changes
}

/** Rows referencing, through `from`, a row of `parent` with one of `parentFates`: they get `fate`. */
export function markReferencing(db: Db, t: TableShape, from: readonly string[], parent: string, parentFates: readonly Fate[], fate: Fate): number {
  return db
    .prepare(
      `INSERT INTO temp.xfer_rows (tbl, key, fate, server_key)
       SELECT @tbl, ${keyExpr(t.pk, 's')}, @fate, NULL FROM pkg.${q(t.name)} AS s
       WHERE ${undecided(t, 's')}
         AND ${keyExpr(from, 's')} IN (SELECT key FROM temp.xfer_rows WHERE tbl = @parent AND fate IN (${parentFates.map((f) => `'${f}'`).join(', ')}))`,
    )
    .run({ tbl: t.name, parent, fate }).changes
}

/**
 * Undecided rows whose unique key, remapped, finds a server row (under the index's own condition on both sides):
 * their key and the server row's key. Unqualified names in the index's terms and condition read the table in scope.
 */
export function uniqueMatches(db: Db, t: TableShape, key: UniqueKeyShape): Array<{ key: string; serverKey: string }> {
  const condition = (sql: string) => (key.where ? `(${key.where}) AND ${sql}` : sql)
  const probes = key.terms.map((term, i) => `xfer_remap(${term}) AS __xfer_k${i}`).join(', ')
  const left = `(${key.terms.join(', ')})`
  const right = `(${key.terms.map((_, i) => `r.__xfer_k${i}`).join(', ')})`
  return db
    .prepare(
      `SELECT key, serverKey FROM (
         SELECT r.__xfer_key AS key,
           (SELECT ${keyExpr(t.pk, 'm')} FROM main.${q(t.name)} AS m WHERE ${condition(`${left} = ${right}`)} LIMIT 1) AS serverKey
         FROM (SELECT ${keyExpr(t.pk)} AS __xfer_key, ${probes} FROM pkg.${q(t.name)} WHERE ${condition(undecided(t))}) AS r
       ) WHERE serverKey IS NOT NULL`,
    )
    .all({ tbl: t.name }) as Array<{ key: string; serverKey: string }>
}

export function recordFate(db: Db, table: string, key: string, fate: Fate, serverKey: string | null): void {
  db.prepare('INSERT INTO temp.xfer_rows (tbl, key, fate, server_key) VALUES (?, ?, ?, ?)').run(table, key, fate, serverKey)
}

/**
 * Inserts every row still undecided, its text remapped and `overrides` (column → SQL literal) applied; the server's
 * triggers run as for any insert. Returns the number inserted.
 */
export function importRest(db: Db, t: TableShape, overrides: Readonly<Record<string, string>> = {}): number {
  db.prepare(`INSERT INTO temp.xfer_rows (tbl, key, fate, server_key) SELECT @tbl, ${keyExpr(t.pk)}, 'import', NULL FROM pkg.${q(t.name)} WHERE ${undecided(t)}`).run({
    tbl: t.name,
  })
  const columns = t.columns.map((c) => c.name)
  const values = columns.map((c) => overrides[c] ?? remapped(t, c))
  return db
    .prepare(
      `INSERT INTO main.${q(t.name)} (${columns.map(q).join(', ')})
       SELECT ${values.join(', ')} FROM pkg.${q(t.name)}
       WHERE ${keyExpr(t.pk)} IN (SELECT key FROM temp.xfer_rows WHERE tbl = @tbl AND fate = 'import')`,
    )
    .run({ tbl: t.name }).changes
}

/** How many package rows of each table got each fate. */
export const fateCounts = (db: Db) => db.prepare('SELECT tbl, fate, count(*) AS n FROM temp.xfer_rows GROUP BY tbl, fate').all() as Array<{ tbl: string; fate: Fate; n: number }>

/** Row counts of the attached package's tables and of the server's, by name. */
export function countRows(db: Db, schema: 'main' | 'pkg', tables: readonly string[]): Record<string, number> {
  return Object.fromEntries(tables.map((t) => [t, (db.prepare(`SELECT count(*) AS n FROM ${schema}.${q(t)}`).get() as { n: number }).n]))
}
