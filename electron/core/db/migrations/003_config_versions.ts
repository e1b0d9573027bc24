import { randomUUID } from 'node:crypto'
import type { Db } from '../open'

/**
 * Versioned configuration: configuration that records depend on (the period template now; norm tables, diagnostic
 * templates and due-work rules later) is kept as numbered versions that are never overwritten, and a record keeps the
 * version it was checked against, as an assessment keeps its instrument version. Never edit once shipped.
 */
export const sql = /* sql */ `
CREATE TABLE config_versions (
  id TEXT PRIMARY KEY,
  kind TEXT NOT NULL,
  version INTEGER NOT NULL CHECK (version > 0),
  data TEXT NOT NULL CHECK (json_valid(data)),
  created_at TEXT NOT NULL,
  created_by TEXT REFERENCES staff(id),
  UNIQUE (kind, version)
) STRICT;

-- The period template a move was checked against; NULL only where no template version existed at the time.
ALTER TABLE period_moves ADD COLUMN period_template_version INTEGER CHECK (period_template_version > 0);
`

// Frozen here, not imported: this step must do tomorrow what it does today, whatever later code renames or changes.
const KIND = 'periodTemplate'
const OLD_SETTING_KEY = 'periods.template'
/** DEFAULT_PERIOD_TEMPLATE as the app applied it, when no template was stored, before this migration. */
const DEFAULT_TEMPLATE_JSON = JSON.stringify({
  id: 'national-default',
  name: '全国统一模式（默认，逐期递进）',
  moves: [
    ['detox', 'education'],
    ['education', 'rehabilitation'],
    ['rehabilitation', 'return'],
  ],
  minDwellDays: { detox: null, education: null, rehabilitation: null, return: null },
})
/** Methods that wrote the 'periods.template' setting (in the same transaction as their audit row). */
const TEMPLATE_WRITERS = ['facility:setPeriodTemplate', 'setup:initialize', 'setup:loadDemo']

/**
 * Moves the 'periods.template' setting into config version 1 and stamps every existing period move with it.
 *
 * - The stored JSON is copied verbatim (validated on every read by the config repository, so a bad value surfaces
 *   naming its kind and version rather than being replaced here or blocking the whole upgrade).
 * - When and by whom: the latest audit row of a method that wrote the setting, else the time of the upgrade.
 * - No stored template but period moves exist: those moves were checked against the built-in default, so version 1
 *   is that default. Neither (a database not yet set up): nothing to move; set-up will save version 1.
 * - The old setting is deleted: config_versions is now the one source, and a stale copy left in settings could be
 *   read by mistake. Nothing is lost (the value is version 1), and an older app cannot open this database anyway.
 * - Every existing move gets version 1. Only the latest template was kept before this migration, so a move made
 *   before a template change is stamped with the template in force at the upgrade: the best that can be known.
 */
function backfillPeriodTemplate(db: Db): void {
  const stored = db.prepare('SELECT value FROM settings WHERE key = ?').get(OLD_SETTING_KEY) as { value: string } | undefined
  const hasMoves = db.prepare('SELECT 1 FROM period_moves LIMIT 1').get() !== undefined
  if (!stored && !hasMoves) return

  const origin = stored
    ? (db
        .prepare(
          `SELECT a.at, s.id AS staff_id FROM audit_log a LEFT JOIN staff s ON s.id = a.actor_id
           WHERE a.method IN (${TEMPLATE_WRITERS.map(() => '?').join(', ')}) ORDER BY a.seq DESC LIMIT 1`,
        )
        .get(...TEMPLATE_WRITERS) as { at: string; staff_id: string | null } | undefined)
    : undefined

  db.prepare('INSERT INTO config_versions (id, kind, version, data, created_at, created_by) VALUES (?, ?, 1, ?, ?, ?)').run(
    randomUUID(),
    KIND,
    stored?.value ?? DEFAULT_TEMPLATE_JSON,
    origin?.at ?? new Date().toISOString(),
    origin?.staff_id ?? null,
  )
  db.prepare('UPDATE period_moves SET period_template_version = 1').run()
  db.prepare('DELETE FROM settings WHERE key = ?').run(OLD_SETTING_KEY)
}

export function migrate003(db: Db): void {
  db.exec(sql)
  backfillPeriodTemplate(db)
}
