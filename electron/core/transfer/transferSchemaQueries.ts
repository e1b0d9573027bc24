/**
 * The shape of a database's tables as SQLite describes them (table_info, foreign_key_list, index_list), read for the
 * server ('main') or the attached package ('pkg'). The copy is planned from this, never from a list of tables kept by
 * hand, so a table added by a later migration is copied without anyone remembering to add it here.
 */
import type { Db } from '../db/open'
import { parseIndexSql } from './copyPlan'

export type SchemaName = 'main' | 'pkg'

export interface ColumnShape {
  name: string
  /** The declared type (STRICT tables: INTEGER, REAL, TEXT, BLOB or ANY). */
  type: string
}

export interface ForeignKeyShape {
  parent: string
  /** The child's columns, in the order of the parent's key. */
  from: string[]
}

export interface UniqueKeyShape {
  name: string
  /** Column names or expressions, as SQL over the table's own columns. */
  terms: string[]
  /** A partial index's condition, as SQL over the table's own columns. */
  where: string | null
}

export interface TableShape {
  name: string
  columns: ColumnShape[]
  /** The primary key's columns in key order (a rowid table without one: none). */
  pk: string[]
  foreignKeys: ForeignKeyShape[]
  uniqueKeys: UniqueKeyShape[]
}

interface ColumnRow {
  name: string
  type: string
  pk: number
}
interface ForeignKeyRow {
  id: number
  seq: number
  table: string
  from: string
  to: string | null
}
interface IndexRow {
  name: string
  unique: number
  origin: string
}

const columnsOf = (db: Db, schema: SchemaName, table: string) =>
  db.prepare('SELECT name, type, pk FROM pragma_table_info(?, ?) ORDER BY cid').all(table, schema) as ColumnRow[]

const keyOf = (columns: ColumnRow[]) => columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name)

function foreignKeysOf(db: Db, schema: SchemaName, table: string): ForeignKeyShape[] {
  const rows = db.prepare('SELECT id, seq, "table", "from", "to" FROM pragma_foreign_key_list(?, ?) ORDER BY id, seq').all(table, schema) as ForeignKeyRow[]
  const byId = new Map<number, ForeignKeyRow[]>()
  for (const r of rows) byId.set(r.id, [...(byId.get(r.id) ?? []), r])
  return [...byId.values()].map((parts) => {
    const parent = parts[0]!.table
    const parentKey = keyOf(columnsOf(db, schema, parent))
    // A reference names the parent's key (or leaves it implicit): the copy tracks rows by their key, so any other
    // target could not be followed. No table references anything else today; a new one fails the import loudly.
    const to = parts.map((p, i) => p.to ?? parentKey[i]!)
    if ([...to].sort().join() !== [...parentKey].sort().join()) {
      throw new Error(`${table} references ${parent}(${to.join(', ')}), which is not its key: the transfer cannot follow it`)
    }
    return { parent, from: parentKey.map((k) => parts[to.indexOf(k)]!.from) }
  })
}

function uniqueKeysOf(db: Db, schema: SchemaName, table: string): UniqueKeyShape[] {
  const indexes = (db.prepare('SELECT name, "unique", origin FROM pragma_index_list(?, ?)').all(table, schema) as IndexRow[]).filter(
    (i) => i.unique === 1 && i.origin !== 'pk',
  )
  return indexes.map((index) => {
    if (index.origin === 'c') {
      const sql = db.prepare(`SELECT sql FROM ${schema}.sqlite_master WHERE type = 'index' AND name = ?`).get(index.name) as { sql: string }
      return { name: index.name, ...parseIndexSql(sql.sql) }
    }
    const terms = (db.prepare('SELECT name FROM pragma_index_info(?, ?) ORDER BY seqno').all(index.name, schema) as Array<{ name: string }>).map((c) => `"${c.name}"`)
    return { name: index.name, terms, where: null }
  })
}

/** Every table of the app (SQLite's own left out), by name. */
export function tableShapes(db: Db, schema: SchemaName): TableShape[] {
  const names = (db.prepare(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as Array<{ name: string }>).map((r) => r.name)
  return names.map((name) => {
    const columns = columnsOf(db, schema, name)
    return {
      name,
      columns: columns.map((c) => ({ name: c.name, type: c.type.toUpperCase() })),
      pk: keyOf(columns),
      foreignKeys: foreignKeysOf(db, schema, name),
      uniqueKeys: uniqueKeysOf(db, schema, name),
    }
  })
}

/** The bodies of the schema's triggers (what follows BEGIN), to find the tables they keep. */
export const triggerBodies = (db: Db, schema: SchemaName): string[] =>
  (db.prepare(`SELECT sql FROM ${schema}.sqlite_master WHERE type = 'trigger'`).all() as Array<{ sql: string }>).map((r) => r.sql.slice(r.sql.search(/\bBEGIN\b/i)))
