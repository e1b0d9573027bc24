/**
 * Schema snapshot (issue 7 §5): the schema the migrations produce is committed as tests/unit/schema.snapshot.sql, so
 * any change to it shows up in review as a diff of that file, and an unplanned change fails here.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { migrate, openDatabase, type Db } from '../../electron/core/db/open'
import { REPO_ROOT } from './helpers'

const SNAPSHOT = join(REPO_ROOT, 'tests/unit/schema.snapshot.sql')
const REGENERATE = 'UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run tests/unit/schema.test.ts'

/** Tables, indexes and triggers as SQL, one statement per object, sorted, with indentation and blank lines normalised. */
function schemaDump(db: Db): string {
  const rows = db
    .prepare(
      `SELECT type, name, sql FROM sqlite_master
       WHERE type IN ('table', 'index', 'trigger') AND sql IS NOT NULL AND name NOT LIKE 'sqlite_%'
       ORDER BY CASE type WHEN 'table' THEN 0 WHEN 'index' THEN 1 ELSE 2 END, name`,
    )
    .all() as Array<{ type: string; name: string; sql: string }>
  const statement = (sql: string) =>
    sql
      .split('\n')
      .map((line) => line.trim().replace(/\s+/g, ' '))
      .filter((line) => line !== '')
      .map((line, i) => (i === 0 || line.startsWith(')') ? line : `  ${line}`))
      .join('\n')
  const header = `-- Schema at user_version ${MIGRATIONS.length}. Generated; regenerate deliberately with:\n-- ${REGENERATE}\n`
  return [header, ...rows.map((r) => `-- ${r.type} ${r.name}\n${statement(r.sql)};\n`)].join('\n')
}

describe('the migrated schema', () => {
  it('matches the committed snapshot (tests/unit/schema.snapshot.sql)', () => {
    const db = openDatabase(':memory:')
    const actual = schemaDump(db)
    db.close()
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual)
    const expected = existsSync(SNAPSHOT) ? readFileSync(SNAPSHOT, 'utf8') : '(no snapshot file)'
    expect(
      actual,
      `The schema the migrations build differs from tests/unit/schema.snapshot.sql. A schema change comes only with a new ` +
        `migration (never an edit of a shipped one). If the change is planned, regenerate the snapshot with\n  ${REGENERATE}\n` +
        'and commit it with the migration.',
    ).toBe(expected)
  })

  it('is the same whether built in one go or one migration at a time (as an upgrade builds it)', () => {
    const fresh = openDatabase(':memory:')
    const stepwise = openDatabase(':memory:', { migrate: false })
    try {
      for (let n = 1; n <= MIGRATIONS.length; n++) migrate(stepwise, MIGRATIONS.slice(0, n))
      expect(schemaDump(stepwise)).toBe(schemaDump(fresh))
    } finally {
      fresh.close()
      stepwise.close()
    }
  })
})
