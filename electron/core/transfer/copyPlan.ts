/**
 * What the import copies, in which order, and the few named exceptions to the generic rule (core/transfer/README in
 * importPackage.ts). Pure: works on the table shapes read by transferSchemaQueries.ts.
 */
import type { TableShape } from './transferSchemaQueries'

/**
 * Tables never copied, and why. Everything else is copied by the generic rule. Tables kept by triggers (search terms,
 * the due-work summary, course figures) are found from the triggers themselves and left out too: the server's
 * triggers rebuild them as the rows arrive.
 */
export const NOT_COPIED: Readonly<Record<string, string>> = {
  audit_log: "appended to the server's chain, re-chained, for imported records only",
  settings: "the server's settings stay",
  instrument_texts: "instrument item texts loaded on the server stay the server's",
  package_imports: "the server's own register of imports",
}

/**
 * Rows that configure a reference row: when that row is matched to the server's (a staff member by username), these
 * stay the server's too (a workstation must not widen a server account's wards). Table → the parent it configures.
 */
export const SERVER_OWNED_WHEN_MATCHED: Readonly<Record<string, string>> = {
  staff_wards: 'staff',
}

/**
 * Column values of imported rows replaced, as SQL literals: a workstation account missing on the server arrives
 * inactive, with no usable password (no 64-byte key decodes from '!'), unlocked and never signed in here.
 */
export const IMPORTED_COLUMN_VALUES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  staff: { active: '0', password_hash: "'!'", password_salt: "'!'", failed_logins: '0', locked_until: 'NULL', last_login_at: 'NULL' },
}

/** Rows of this table matched on a unique key are duplicates to skip with their records, not reference rows to map. */
export const SKIPPED_WHEN_MATCHED = 'people'

/** The tables trigger bodies write (INSERT/REPLACE INTO, UPDATE, DELETE FROM). */
export function triggerTargets(bodies: readonly string[]): Set<string> {
  const targets = new Set<string>()
  for (const body of bodies) {
    for (const m of body.matchAll(/\b(?:INSERT(?:\s+OR\s+\w+)?\s+INTO|REPLACE\s+INTO|UPDATE(?:\s+OR\s+\w+)?|DELETE\s+FROM)\s+"?(\w+)"?/gi)) targets.add(m[1]!)
  }
  return targets
}

/** The key terms and condition of `CREATE UNIQUE INDEX name ON table (terms) [WHERE condition]`. */
export function parseIndexSql(sql: string): { terms: string[]; where: string | null } {
  const on = /\bON\s+"?\w+"?\s*\(/i.exec(sql)
  if (!on) throw new Error(`cannot read the index ${sql}`)
  const start = on.index + on[0].length
  let depth = 1
  let end = start
  const terms: string[] = []
  let termStart = start
  for (; end < sql.length && depth > 0; end++) {
    const c = sql[end]
    if (c === '(') depth++
    else if (c === ')') depth--
    if ((c === ',' && depth === 1) || depth === 0) {
      terms.push(sql.slice(termStart, end).trim().replace(/\s+(ASC|DESC)$/i, ''))
      termStart = end + 1
    }
  }
  const where = /^\s*WHERE\s+([\s\S]+?)\s*;?\s*$/i.exec(sql.slice(end))
  return { terms, where: where ? where[1]! : null }
}

export interface CopyPlan {
  /** Tables to copy, parents before children. */
  order: TableShape[]
  /** Tables left out, with the reason. */
  notCopied: Record<string, string>
}

/** The tables to copy in foreign-key order (a table after every table it references). */
export function copyPlan(shapes: readonly TableShape[], triggerBodies: readonly string[]): CopyPlan {
  const notCopied: Record<string, string> = { ...NOT_COPIED }
  for (const target of triggerTargets(triggerBodies)) {
    if (shapes.some((s) => s.name === target) && !notCopied[target]) notCopied[target] = 'kept by triggers: rebuilt on the server as the rows arrive'
  }
  const copied = shapes.filter((s) => !notCopied[s.name])
  for (const s of copied) {
    if (s.pk.length === 0) throw new Error(`${s.name} has no primary key: the transfer cannot tell which rows are already present`)
    for (const fk of s.foreignKeys) {
      if (notCopied[fk.parent]) throw new Error(`${s.name} references ${fk.parent}, which is not copied`)
    }
  }
  const byName = new Map(copied.map((s) => [s.name, s]))
  const order: TableShape[] = []
  const state = new Map<string, 'visiting' | 'done'>()
  const visit = (s: TableShape, path: string[]) => {
    if (state.get(s.name) === 'done') return
    if (state.get(s.name) === 'visiting') throw new Error(`foreign keys form a cycle: ${[...path, s.name].join(' → ')}`)
    state.set(s.name, 'visiting')
    for (const fk of s.foreignKeys) if (fk.parent !== s.name) visit(byName.get(fk.parent)!, [...path, s.name])
    state.set(s.name, 'done')
    order.push(s)
  }
  for (const s of copied) visit(s, [])
  return { order, notCopied }
}
