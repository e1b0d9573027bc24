/**
 * Upgrade tests (issue 7 §5): each migration is applied to a database at the version before it that already holds
 * representative data, written as that version's app wrote it (raw SQL, since today's code writes today's schema).
 * Each checks that the data is kept, the backfill is right and the constraints hold afterwards.
 */
import { describe, expect, it } from 'vitest'
import { appendAudit, verifyAudit } from '../../electron/core/audit/auditLog'
import { configVersion, currentConfig, InvalidConfigError } from '../../electron/core/config/configRepo'
import { currentPeriodTemplate } from '../../electron/core/config/periodTemplates'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { sql as psychRecordsMigration } from '../../electron/core/db/migrations/006_psych_records'
import { sql as peopleSearchMigration } from '../../electron/core/db/migrations/007_people_search'
import { sql as staffWardsMigration } from '../../electron/core/db/migrations/009_staff_wards'
import { sql as fitnessMigration } from '../../electron/core/db/migrations/010_fitness'
import { sql as vocationalMigration } from '../../electron/core/db/migrations/012_vocational'
import { sql as certificatesMigration } from '../../electron/core/db/migrations/014_certificates'
import { sql as knowledgeMigration } from '../../electron/core/db/migrations/013_knowledge'
import { sql as courseFiguresMigration } from '../../electron/core/db/migrations/015_course_figures'
import { sql as assessmentMigration } from '../../electron/core/db/migrations/016_assessment'
import { sql as wardRecordsMigration } from '../../electron/core/db/migrations/017_ward_records'
import { migrate018 as dueworkMigration } from '../../electron/core/db/migrations/018_duework'
import { sql as handoverMigration } from '../../electron/core/db/migrations/020_handover'
import { sql as aftercareMigration } from '../../electron/core/db/migrations/021_aftercare'
import { integrityCheck, migrate, openDatabase, schemaVersion, type Db } from '../../electron/core/db/open'
import { readSetting } from '../../electron/core/db/settingsRepo'
import { DEFAULT_PERIOD_TEMPLATE, type PeriodTemplate } from '../../electron/shared/domain/periods'
import { DEFAULT_PSYCH_SETTINGS } from '../../electron/shared/domain/psych'
import { DEFAULT_DUE_RULES } from '../../electron/shared/domain/duework/settings'

/** A database at schema version `version`, built by the shipped migrations up to it. */
function databaseAt(version: number): Db {
  const db = openDatabase(':memory:', { migrate: false })
  migrate(db, MIGRATIONS.slice(0, version))
  expect(schemaVersion(db)).toBe(version)
  return db
}

/** Applies exactly migration n (the database must be at n − 1). */
function applyMigration(db: Db, n: number): void {
  expect(schemaVersion(db)).toBe(n - 1)
  expect(migrate(db, MIGRATIONS.slice(0, n))).toEqual([n])
}

function insert(db: Db, table: string, row: Record<string, unknown>): void {
  const columns = Object.keys(row)
  db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`).run(row)
}

/** A table's rows in a stable order (a WITHOUT ROWID table has no rowid: its key orders it). */
function allRows(db: Db, table: string): Array<Record<string, unknown>> {
  const { sql } = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").get(table) as { sql: string }
  const order = /WITHOUT ROWID/i.test(sql) ? '' : ' ORDER BY rowid'
  return db.prepare(`SELECT * FROM ${table}${order}`).all() as Array<Record<string, unknown>>
}
const tables = (db: Db) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>).map(
    (r) => r.name,
  )
/** Every row of every table, to show a migration kept the data it did not mean to change. */
const everything = (db: Db) => Object.fromEntries(tables(db).map((t) => [t, allRows(db, t)]))

const AT = '2026-06-01T02:00:00.000Z'
const TEMPLATE_CHANGED_AT = '2026-07-01T02:00:00.000Z'
const ADMIN = 'staff-admin'
const OFFICER = 'staff-officer'
const PERSON = 'person-1'
const VOIDED = 'person-2'
const STRICTER: PeriodTemplate = {
  id: 'province-x',
  name: '某省模式',
  moves: DEFAULT_PERIOD_TEMPLATE.moves,
  minDwellDays: { detox: 30, education: 60, rehabilitation: null, return: null },
}

/** What a set-up facility held at schema 1: settings, a ward, staff, people (one voided), their history and the log. */
function foundationData(db: Db, options: { template?: PeriodTemplate | null; templateSetBy?: 'setup' | 'admin' } = {}): void {
  const { template = STRICTER, templateSetBy = 'admin' } = options
  insert(db, 'settings', { key: 'facility.name', value: JSON.stringify('测试强制隔离戒毒所') })
  insert(db, 'settings', { key: 'psych.settings', value: JSON.stringify({ rounding: 'round_half_up' }) })
  if (template) insert(db, 'settings', { key: 'periods.template', value: JSON.stringify(template) })
  insert(db, 'wards', { id: 'ward-1', name: '一大队', capacity: 100, note: null, active: 1, created_at: AT, updated_at: AT })
  const staff = (id: string, username: string, role: string, wardId: string | null) =>
    insert(db, 'staff', {
      id, username, display_name: username, role, ward_id: wardId, password_hash: 'h', password_salt: 's', active: 1,
      failed_logins: 0, locked_until: null, last_login_at: null, created_at: AT, updated_at: AT,
    })
  staff(ADMIN, 'admin', 'admin', null)
  staff(OFFICER, 'officer', 'ward_officer', 'ward-1')
  const person = (id: string, idNumber: string, voided: boolean) =>
    insert(db, 'people', {
      id, name: '张三', name_pinyin: 'zhangsan', name_initials: 'zs', sex: 'M', ethnicity: '汉族', birth_date: '1990-03-07',
      id_number: idNumber, household_address: '北京市东城区人民路1号', decision_organ: '北京市公安局东城分局',
      decision_doc_no: '东公（禁）决字〔2026〕101号', decision_date: '2026-03-01', admission_date: '2026-06-01',
      emergency_contact_name: null, emergency_contact_relation: null, emergency_contact_phone: null,
      ward_id: voided ? null : 'ward-1', period: voided ? null : 'education', period_since: voided ? null : '2026-07-10',
      last_day: '2028-05-31', early_release_bar: null, revision: 1, created_at: AT, created_by: OFFICER, updated_at: AT,
      updated_by: OFFICER, voided_at: voided ? AT : null, voided_by: voided ? ADMIN : null, void_reason: voided ? '重复建档' : null,
    })
  person(PERSON, '110101199003070011', false)
  person(VOIDED, '110101199003070011', true)
  insert(db, 'person_revisions', { id: 'rev-1', person_id: PERSON, revision: 1, data: '{}', changed_at: AT, changed_by: OFFICER, change_note: null })
  insert(db, 'ward_assignments', { id: 'wa-1', person_id: PERSON, ward_id: 'ward-1', start_date: '2026-06-01', end_date: null, recorded_at: AT, recorded_by: OFFICER, note: null })
  const move = (id: string, from: string | null, to: string, on: string, recordedAt: string, correction = 0) =>
    insert(db, 'period_moves', { id, person_id: PERSON, from_period: from, to_period: to, effective_date: on, recorded_at: recordedAt, recorded_by: OFFICER, note: null, correction })
  move('move-1', null, 'detox', '2026-06-01', AT)
  move('move-2', 'detox', 'education', '2026-07-10', '2026-07-10T02:00:00.000Z')
  move('move-3', 'education', 'detox', '2026-07-11', '2026-07-11T02:00:00.000Z', 1)
  move('move-4', 'detox', 'education', '2026-07-10', '2026-07-11T03:00:00.000Z', 1)
  insert(db, 'term_events', {
    id: 'te-1', person_id: PERSON, kind: 'extension', months: 3, from_date: null, to_date: null, doc_no: '延字1号', note: null,
    recorded_at: AT, recorded_by: ADMIN, voided_at: null, voided_by: null, void_reason: null,
  })
  const audit = (at: string, actorId: string | null, method: string, detail: string | null = null) =>
    appendAudit(db, { at, actorId, actorName: actorId, method, recordType: 'facility', recordId: null, detail })
  if (template) audit(AT, null, 'setup:initialize')
  if (template && templateSetBy === 'admin') audit(TEMPLATE_CHANGED_AT, ADMIN, 'facility:setPeriodTemplate', JSON.stringify(template))
  audit('2026-07-12T02:00:00.000Z', OFFICER, 'people:movePeriod')
}

/** Schema-2 additions: an assessment with a re-score, a task, a counselling session, a crisis with an event. */
function psychologyData(db: Db): void {
  insert(db, 'instrument_texts', { instrument_id: 'scl90', item_number: 1, text_zh: '头痛', text_en: null, loaded_at: AT, loaded_by: ADMIN })
  insert(db, 'assessments', {
    id: 'as-1', person_id: PERSON, instrument_id: 'phq9', instrument_version: '1', setting: 'admission', administered_on: '2026-06-05',
    administered_by: OFFICER, answers: '[0,1,2,3,0,1,2,3,0]', incomplete_reason: null, cutoff_set_id: null, rounding: 'truncate',
    result: '{}', headline: 12, band_id: 'moderate', band_severity: 2, recorded_at: AT, recorded_by: OFFICER,
    voided_at: null, voided_by: null, void_reason: null,
  })
  insert(db, 'assessment_rescores', { id: 'rs-1', assessment_id: 'as-1', cutoff_set_id: 'x', rounding: 'truncate', result: '{}', note: null, rescored_at: AT, rescored_by: ADMIN })
  insert(db, 'psych_tasks', { id: 'task-1', person_id: PERSON, ward_id: 'ward-1', kind: 'flag', label: 'PHQ-9', assessment_id: 'as-1', crisis_id: null, created_at: AT, status: 'open', handled_at: null, handled_by: null, handled_note: null })
  insert(db, 'counselling_sessions', {
    id: 'cs-1', kind: 'individual', session_date: '2026-06-06', duration_minutes: 50, counsellor_id: OFFICER, topic: '适应', presenting_issue: '失眠',
    intervention: '倾听', response: '平稳', risk_observed: null, plan: null, recorded_at: AT, recorded_by: OFFICER, voided_at: null, void_reason: null,
  })
  insert(db, 'counselling_participants', { session_id: 'cs-1', person_id: PERSON })
  insert(db, 'crises', { id: 'cr-1', person_id: PERSON, risk_level: 'high', reason: '自伤念头', raised_on: '2026-06-07', raised_by: OFFICER, status: 'open', closed_on: null, closed_by: null, outcome: null, recorded_at: AT })
  insert(db, 'crisis_events', { id: 'ce-1', crisis_id: 'cr-1', kind: 'intervention', event_on: '2026-06-07', by_staff: OFFICER, note: '谈话', next_follow_up: null, recorded_at: AT })
}

function expectSound(db: Db): void {
  expect(integrityCheck(db)).toEqual({ ok: true, integrity: ['ok'], foreignKeys: [] })
  expect(verifyAudit(db).ok).toBe(true)
}

/**
 * A database at the version before migration `n` holding the representative data of the earlier versions (foundation
 * and psychology), upgraded by exactly that migration: every table's rows before and after, to show what it kept.
 */
function upgradedWithData(n: number): { db: Db; before: Record<string, unknown[]>; after: Record<string, unknown[]> } {
  expect(n).toBeGreaterThan(1)
  const db = databaseAt(n - 1)
  foundationData(db)
  psychologyData(db)
  const before = everything(db)
  applyMigration(db, n)
  return { db, before, after: everything(db) }
}

describe('migration 001 (foundation), from an empty database', () => {
  it('creates the tables, which take a facility’s data and enforce their constraints', () => {
    const db = databaseAt(0)
    try {
      applyMigration(db, 1)
      foundationData(db)
      expectSound(db)
      expect(() => insert(db, 'wards', { id: 'w0', name: '零', capacity: 0, active: 1, created_at: AT, updated_at: AT })).toThrow(/CHECK constraint failed/)
      // Only one live file per ID number (the voided duplicate is allowed).
      expect(() => db.prepare("UPDATE people SET voided_at = NULL WHERE id = ?").run(VOIDED)).toThrow(/UNIQUE constraint failed/)
      expect(() => db.prepare("DELETE FROM audit_log").run()).toThrow(/append-only/)
      expect(() =>
        insert(db, 'period_moves', { id: 'm', person_id: 'nobody', to_period: 'detox', effective_date: '2026-01-01', recorded_at: AT, recorded_by: OFFICER }),
      ).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
  })
})

describe('migration 002 (psychology), from schema 1 with data', () => {
  it('keeps every schema-1 row and adds the psychology tables, linked to existing people and staff', () => {
    const db = databaseAt(1)
    try {
      foundationData(db)
      const before = everything(db)
      applyMigration(db, 2)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      psychologyData(db)
      expectSound(db)
      expect(() => insert(db, 'assessments', { ...allRows(db, 'assessments')[0], id: 'as-2', person_id: 'nobody' })).toThrow(/FOREIGN KEY/)
      expect(() => insert(db, 'crises', { ...allRows(db, 'crises')[0], id: 'cr-2', risk_level: 'extreme' })).toThrow(/CHECK constraint failed/)
    } finally {
      db.close()
    }
  })
})

describe('migration 003 (versioned configuration), from schema 2 with data', () => {
  function atSchema2(options?: Parameters<typeof foundationData>[1]): Db {
    const db = databaseAt(2)
    foundationData(db, options)
    psychologyData(db)
    return db
  }
  const withoutVersion = (rows: Array<Record<string, unknown>>) => rows.map(({ period_template_version: _v, ...rest }) => rest)
  const configRows = (db: Db) => allRows(db, 'config_versions').map(({ id: _id, ...rest }) => rest)

  it('moves the stored template into version 1, dated and signed by its last write, and removes the old setting', () => {
    const db = atSchema2()
    try {
      const before = everything(db)
      applyMigration(db, 3)
      expect(configRows(db)).toEqual([
        { kind: 'periodTemplate', version: 1, data: JSON.stringify(STRICTER), created_at: TEMPLATE_CHANGED_AT, created_by: ADMIN },
      ])
      expect(currentPeriodTemplate(db)).toEqual({ version: 1, template: STRICTER })
      expect(allRows(db, 'settings')).toEqual(before.settings!.filter((r) => r.key !== 'periods.template'))
      expect(readSetting(db, 'facility.name')).toBe('测试强制隔离戒毒所')
      expect(readSetting(db, 'psych.settings')).toEqual({ ...DEFAULT_PSYCH_SETTINGS, rounding: 'round_half_up' })
    } finally {
      db.close()
    }
  })

  it('stamps every existing period move (ordinary and corrections) with version 1 and changes nothing else', () => {
    const db = atSchema2()
    try {
      const before = everything(db)
      applyMigration(db, 3)
      const moves = allRows(db, 'period_moves')
      expect(moves.map((m) => m.period_template_version)).toEqual([1, 1, 1, 1])
      expect(withoutVersion(moves)).toEqual(before.period_moves)
      const after = everything(db)
      for (const table of Object.keys(before).filter((t) => t !== 'settings' && t !== 'period_moves')) {
        expect(after[table], table).toEqual(before[table])
      }
      expectSound(db)
    } finally {
      db.close()
    }
  })

  it('a template only ever written by set-up: version 1 dated at set-up, by the system', () => {
    const db = atSchema2({ template: DEFAULT_PERIOD_TEMPLATE, templateSetBy: 'setup' })
    try {
      applyMigration(db, 3)
      expect(configRows(db)).toEqual([
        { kind: 'periodTemplate', version: 1, data: JSON.stringify(DEFAULT_PERIOD_TEMPLATE), created_at: AT, created_by: null },
      ])
    } finally {
      db.close()
    }
  })

  it('no audit row for the write (a database filled outside the dispatcher): version 1 dated at the upgrade', () => {
    const db = atSchema2()
    try {
      db.exec('DROP TRIGGER audit_log_no_delete; DELETE FROM audit_log;')
      const start = new Date().toISOString()
      applyMigration(db, 3)
      const [row] = configRows(db)
      expect(row).toMatchObject({ version: 1, created_by: null })
      const createdAt = String(row!.created_at)
      expect(createdAt >= start && createdAt <= new Date().toISOString()).toBe(true)
    } finally {
      db.close()
    }
  })

  it('no stored template but period moves: version 1 is the built-in default those moves were checked against', () => {
    const db = atSchema2({ template: null })
    try {
      applyMigration(db, 3)
      expect(configVersion(db, 'periodTemplate', 1)?.data).toEqual(DEFAULT_PERIOD_TEMPLATE)
      expect(allRows(db, 'period_moves').every((m) => m.period_template_version === 1)).toBe(true)
    } finally {
      db.close()
    }
  })

  it('a database not yet set up: no version is invented (set-up will save version 1)', () => {
    const db = databaseAt(2)
    try {
      applyMigration(db, 3)
      expect(allRows(db, 'config_versions')).toEqual([])
      expect(currentPeriodTemplate(db)).toEqual({ version: null, template: DEFAULT_PERIOD_TEMPLATE })
    } finally {
      db.close()
    }
  })

  it('copies a stored template verbatim: one that fails the schema is reported on read, naming the version', () => {
    const db = atSchema2({ template: { ...STRICTER, moves: [] } })
    try {
      applyMigration(db, 3)
      expect(() => currentConfig(db, 'periodTemplate')).toThrow(InvalidConfigError)
      expect(() => currentConfig(db, 'periodTemplate')).toThrow(/'periodTemplate' version 1 is invalid/)
    } finally {
      db.close()
    }
  })

  it('a stored template that is not JSON fails the upgrade and rolls all of it back (still schema 2, data intact)', () => {
    const db = atSchema2()
    try {
      db.prepare("UPDATE settings SET value = '{broken' WHERE key = 'periods.template'").run()
      const before = everything(db)
      expect(() => migrate(db)).toThrow(/CHECK constraint failed/)
      expect(schemaVersion(db)).toBe(2)
      expect(everything(db)).toEqual(before)
      expect(tables(db)).not.toContain('config_versions')
    } finally {
      db.close()
    }
  })

  it('afterwards the constraints hold: a version must be positive, a kind’s versions unique', () => {
    const db = atSchema2()
    try {
      applyMigration(db, 3)
      expect(() => db.prepare("UPDATE period_moves SET period_template_version = 0 WHERE id = 'move-1'").run()).toThrow(/CHECK constraint failed/)
      expect(() =>
        insert(db, 'config_versions', { id: 'x', kind: 'periodTemplate', version: 1, data: '{}', created_at: AT, created_by: null }),
      ).toThrow(/UNIQUE constraint failed/)
      expect(() =>
        insert(db, 'config_versions', { id: 'y', kind: 'periodTemplate', version: 2, data: '{}', created_at: AT, created_by: 'nobody' }),
      ).toThrow(/FOREIGN KEY/)
      expect(schemaVersion(db)).toBe(3)
    } finally {
      db.close()
    }
  })
})

describe('migration: extension approval date (issue 8), from the version before it with data', () => {
  // Found by its content, not its number: another branch may add a migration and be merged first.
  const n = MIGRATIONS.findIndex((m) => typeof m === 'string' && m.includes('ADD COLUMN approval_date')) + 1

  it('keeps every row, leaves existing extensions without an approval date, and takes one on new extensions only', () => {
    expect(n).toBeGreaterThan(3)
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      psychologyData(db)
      const before = everything(db)
      applyMigration(db, n)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) {
        const kept = table === 'term_events' ? after[table]!.map(({ approval_date: _a, ...rest }) => rest) : after[table]
        expect(kept, table).toEqual(rows)
      }
      expect(allRows(db, 'term_events').map((e) => e.approval_date)).toEqual([null])
      insert(db, 'term_events', {
        id: 'te-2', person_id: PERSON, kind: 'extension', months: 2, from_date: null, to_date: null, doc_no: '延字2号', approval_date: '2026-11-20',
        note: null, recorded_at: AT, recorded_by: ADMIN, voided_at: null, voided_by: null, void_reason: null,
      })
      expect(() =>
        insert(db, 'term_events', {
          id: 'te-3', person_id: PERSON, kind: 'escape', months: null, from_date: '2026-07-01', to_date: null, doc_no: null, approval_date: '2026-07-02',
          note: null, recorded_at: AT, recorded_by: ADMIN, voided_at: null, voided_by: null, void_reason: null,
        }),
      ).toThrow(/CHECK constraint failed/)
      expectSound(db)
    } finally {
      db.close()
    }
  })
})

describe('migration (psychology records: session revisions, voided_by, ward-screen and task indexes), with data', () => {
  // Found by identity, not number: migrations may be renumbered when branches merge.
  const n = MIGRATIONS.indexOf(psychRecordsMigration) + 1

  it('keeps every row, puts existing counselling records at revision 1 and enforces the new constraints', () => {
    expect(n).toBeGreaterThan(1)
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      psychologyData(db)
      insert(db, 'counselling_sessions', {
        ...allRows(db, 'counselling_sessions')[0], id: 'cs-2', voided_at: AT, void_reason: '重复录入',
      })
      const before = everything(db)
      applyMigration(db, n)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) {
        if (table !== 'counselling_sessions') expect(after[table], table).toEqual(rows)
      }
      expect(after.counselling_sessions).toEqual(before.counselling_sessions!.map((r) => ({ ...r, revision: 1, voided_by: null })))
      expect(after.counselling_session_revisions).toEqual([])
      expectSound(db)
      const revision = { id: 'rev-1', session_id: 'cs-1', revision: 1, data: '{}', changed_at: AT, changed_by: OFFICER, change_note: null }
      insert(db, 'counselling_session_revisions', revision)
      expect(() => insert(db, 'counselling_session_revisions', { ...revision, id: 'rev-2' })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'counselling_session_revisions', { ...revision, id: 'rev-3', revision: 2, session_id: 'nothing' })).toThrow(/FOREIGN KEY/)
      expect(() => insert(db, 'counselling_session_revisions', { ...revision, id: 'rev-4', revision: 3, data: 'not json' })).toThrow(/CHECK/)
      expect(() => db.prepare("UPDATE counselling_sessions SET revision = 0 WHERE id = 'cs-1'").run()).toThrow(/CHECK/)
      const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('assessments_person_instrument', 'psych_tasks_person_status')").all() as Array<{ name: string }>).map((r) => r.name)
      expect(indexes.sort()).toEqual(['assessments_person_instrument', 'psych_tasks_person_status'])
    } finally {
      db.close()
    }
  })
})

describe('migration (people search terms and list indexes), with data', () => {
  const n = MIGRATIONS.indexOf(peopleSearchMigration) + 1

  it('keeps every row, indexes the terms of every live file (none of a voided one) and keeps them current', () => {
    const { db, before, after } = upgradedWithData(n)
    try {
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      expectSound(db)
      const terms = (personId: string) =>
        db.prepare('SELECT in_facility AS inFacility, whole, term FROM person_search_terms WHERE person_id = ? ORDER BY whole DESC, term').all(personId)
      // 张三 in a ward: the whole name, its inner suffix 三, pinyin, initials, and the ID number's 16 suffixes of ≥ 3 characters.
      const live = terms(PERSON) as Array<{ inFacility: number; whole: number; term: string }>
      expect(live.filter((t) => t.whole === 1).map((t) => t.term)).toEqual(['110101199003070011', 'zhangsan', 'zs', '张三'])
      expect(live.filter((t) => t.whole === 0).map((t) => t.term)).toEqual([
        ...Array.from({ length: 15 }, (_, i) => '110101199003070011'.slice(i + 1)).sort(), '三',
      ])
      expect(live.every((t) => t.inFacility === 1)).toBe(true)
      expect(terms(VOIDED)).toEqual([])
      // Kept by the triggers from here on: a rename, a release (no ward), a void.
      db.prepare("UPDATE people SET name = '张山', name_pinyin = 'zhangshan' WHERE id = ?").run(PERSON)
      expect((terms(PERSON) as Array<{ term: string }>).map((t) => t.term)).toContain('张山')
      expect((terms(PERSON) as Array<{ term: string }>).map((t) => t.term)).not.toContain('张三')
      db.prepare('UPDATE people SET ward_id = NULL WHERE id = ?').run(PERSON)
      expect((terms(PERSON) as Array<{ inFacility: number }>).every((t) => t.inFacility === 0)).toBe(true)
      db.prepare('UPDATE people SET voided_at = ? WHERE id = ?').run(AT, PERSON)
      expect(terms(PERSON)).toEqual([])
    } finally {
      db.close()
    }
  })
})

describe('migration (staff responsible for several wards), with data', () => {
  const n = MIGRATIONS.indexOf(staffWardsMigration) + 1

  it("moves each account's ward into staff_wards, clears the old column and keeps every other row", () => {
    const { db, before, after } = upgradedWithData(n)
    try {
      expect(allRows(db, 'staff_wards')).toEqual([{ staff_id: OFFICER, ward_id: 'ward-1' }])
      expect(after.staff).toEqual((before.staff as Array<Record<string, unknown>>).map((row) => ({ ...row, ward_id: null })))
      for (const [table, rows] of Object.entries(before)) if (table !== 'staff') expect(after[table], table).toEqual(rows)
      expectSound(db)
      // A ward once, an existing account and ward only.
      expect(() => insert(db, 'staff_wards', { staff_id: OFFICER, ward_id: 'ward-1' })).toThrow(/UNIQUE|PRIMARY/)
      expect(() => insert(db, 'staff_wards', { staff_id: 'nobody', ward_id: 'ward-1' })).toThrow(/FOREIGN KEY/)
    } finally {
      db.close()
    }
  })
})

describe('migration (fitness tests: tests, raw measurements, gradings, drafts, contraindications), with data', () => {
  const n = MIGRATIONS.indexOf(fitnessMigration) + 1

  it('keeps every row, adds the fitness tables empty and enforces their constraints', () => {
    const { db, before, after } = upgradedWithData(n)
    try {
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      for (const table of ['fitness_tests', 'fitness_measurements', 'fitness_gradings', 'fitness_test_revisions', 'fitness_drafts', 'fitness_contraindications']) {
        expect(after[table], table).toEqual([])
      }
      expectSound(db)
      const test = {
        id: 'ft-1', person_id: PERSON, ward_id: 'ward-1', test_date: '2026-07-01', sex: 'M', age: 36, standard_id: 'GTY-2003-adult',
        recorded_at: AT, recorded_by: OFFICER, updated_at: AT, updated_by: OFFICER,
      }
      insert(db, 'fitness_tests', test)
      // One live test per person and date; a voided one frees the date.
      expect(() => insert(db, 'fitness_tests', { ...test, id: 'ft-2' })).toThrow(/UNIQUE/)
      insert(db, 'fitness_tests', { ...test, id: 'ft-3', voided_at: AT, voided_by: ADMIN, void_reason: '录错' })
      expect(() => insert(db, 'fitness_tests', { ...test, id: 'ft-4', test_date: '2026-07-02', sex: 'X' })).toThrow(/CHECK/)
      expect(() => insert(db, 'fitness_tests', { ...test, id: 'ft-5', test_date: '2026-07-03', person_id: 'nobody' })).toThrow(/FOREIGN KEY/)
      insert(db, 'fitness_measurements', { test_id: 'ft-1', measure: 'grip_kg', value: 42.5 })
      expect(() => insert(db, 'fitness_measurements', { test_id: 'ft-1', measure: 'grip_kg', value: 40 })).toThrow(/UNIQUE|PRIMARY KEY/)
      expect(() => insert(db, 'fitness_measurements', { test_id: 'ft-1', measure: 'push_ups', value: 'many' })).toThrow(/cannot store TEXT/)
      const grading = {
        id: 'fg-1', test_id: 'ft-1', standard_id: 'GTY-2003-adult', standard_version: '1', kind: 'original', covered: 1, total: 30, grade: 'good',
        grade_withheld: null, result: '{}', graded_at: AT, graded_by: OFFICER,
      }
      insert(db, 'fitness_gradings', grading)
      expect(() => insert(db, 'fitness_gradings', { ...grading, id: 'fg-2', grade: 'great' })).toThrow(/CHECK/)
      expect(() => insert(db, 'fitness_gradings', { ...grading, id: 'fg-3', result: 'not json' })).toThrow(/CHECK/)
      const draft = { id: 'fd-1', ward_id: 'ward-1', test_date: '2026-07-01', standard_id: 'GTY-2003-adult', payload: '{"rows":[]}', created_at: AT, created_by: OFFICER, updated_at: AT, updated_by: OFFICER }
      insert(db, 'fitness_drafts', draft)
      expect(() => insert(db, 'fitness_drafts', { ...draft, id: 'fd-2' })).toThrow(/UNIQUE/)
      const contraindication = {
        id: 'fc-1', person_id: PERSON, kind: 'cardiovascular', items: '["step_index"]', reason: '高血压', from_date: '2026-06-01',
        recorded_at: AT, recorded_by: OFFICER, updated_at: AT, updated_by: OFFICER,
      }
      insert(db, 'fitness_contraindications', contraindication)
      expect(() => insert(db, 'fitness_contraindications', { ...contraindication, id: 'fc-2', until_date: '2026-05-01' })).toThrow(/CHECK/)
      expect(integrityCheck(db).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})

describe('migration 012 (vocational training, classes and certificates), from schema 11 with data', () => {
  const n = MIGRATIONS.indexOf(vocationalMigration) + 1
  const VOCATIONAL_TABLES = [
    'trades', 'courses', 'enrolments', 'course_sessions', 'course_attendance', 'course_session_revisions', 'exam_attempts', 'certificates',
    'academic_records', 'employment_events', 'employment_referrals',
  ]

  it('keeps every row (exercise training included), adds the vocational tables empty and enforces their constraints', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      psychologyData(db)
      insert(db, 'training_groups', { id: 'tg-1', ward_id: 'ward-1', name: '中强度组', trainer_id: OFFICER, created_at: AT, created_by: OFFICER, updated_at: AT })
      insert(db, 'training_sessions', {
        id: 'ts-1', group_id: 'tg-1', ward_id: 'ward-1', session_date: '2026-07-01', start_time: '16:00', duration_minutes: 45, content: '慢跑',
        recorded_at: AT, recorded_by: OFFICER, updated_at: AT,
      })
      insert(db, 'training_attendance', { session_id: 'ts-1', person_id: PERSON, present: 1 })
      const before = everything(db)
      applyMigration(db, n)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      for (const table of VOCATIONAL_TABLES) expect(after[table], table).toEqual([])
      expectSound(db)

      const stamp = { created_at: AT, created_by: ADMIN, updated_at: AT }
      insert(db, 'trades', { id: 't-1', name: '电工', code: '6-31-01-03', ...stamp })
      expect(() => insert(db, 'trades', { id: 't-2', name: '电工', ...stamp })).toThrow(/UNIQUE/)
      const course = {
        id: 'c-1', kind: 'vocational', name: '电工初级班', trade_id: 't-1', level: 5, teacher: '王老师', start_date: '2026-07-01', end_date: '2026-09-30',
        capacity: 30, planned_hours: 80, ...stamp,
      }
      insert(db, 'courses', course)
      // A vocational course needs its trade and level; a class has neither; dates in order; a level is 1–5.
      expect(() => insert(db, 'courses', { ...course, id: 'c-2', trade_id: null })).toThrow(/CHECK/)
      expect(() => insert(db, 'courses', { ...course, id: 'c-3', kind: 'education' })).toThrow(/CHECK/)
      expect(() => insert(db, 'courses', { ...course, id: 'c-4', end_date: '2026-06-30' })).toThrow(/CHECK/)
      expect(() => insert(db, 'courses', { ...course, id: 'c-5', level: 6 })).toThrow(/CHECK/)
      insert(db, 'courses', { ...course, id: 'c-6', kind: 'education', trade_id: null, level: null, subject: '禁毒教育' })

      const rec = { recorded_at: AT, recorded_by: ADMIN, updated_at: AT }
      const enrolment = { id: 'e-1', course_id: 'c-1', person_id: PERSON, status: 'enrolled', applied_on: '2026-07-01', enrolled_on: '2026-07-01', ...rec }
      insert(db, 'enrolments', enrolment)
      expect(() => insert(db, 'enrolments', { ...enrolment, id: 'e-2' })).toThrow(/UNIQUE/)
      // A withdrawal has a reason, 'other' with its text; a reason belongs only to a withdrawal.
      expect(() => insert(db, 'enrolments', { ...enrolment, id: 'e-3', course_id: 'c-6', status: 'withdrawn' })).toThrow(/CHECK/)
      expect(() => insert(db, 'enrolments', { ...enrolment, id: 'e-4', course_id: 'c-6', status: 'withdrawn', withdraw_reason: 'other' })).toThrow(/CHECK/)
      expect(() => insert(db, 'enrolments', { ...enrolment, id: 'e-5', course_id: 'c-6', withdraw_reason: 'released' })).toThrow(/CHECK/)

      insert(db, 'course_sessions', { id: 's-1', course_id: 'c-1', session_date: '2026-07-02', start_time: '08:30', hours: 2, topic: '安全用电', ...rec })
      insert(db, 'course_attendance', { session_id: 's-1', person_id: PERSON, status: 'present', hours: 2 })
      expect(() => insert(db, 'course_attendance', { session_id: 's-1', person_id: PERSON, status: 'late', hours: 1 })).toThrow(/UNIQUE|PRIMARY KEY/)
      expect(() => insert(db, 'course_attendance', { session_id: 's-1', person_id: VOIDED, status: 'other', hours: 0 })).toThrow(/CHECK/)
      expect(() => insert(db, 'course_attendance', { session_id: 's-1', person_id: VOIDED, status: 'asleep', hours: 0 })).toThrow(/CHECK/)

      const attempt = {
        id: 'x-1', course_id: 'c-1', person_id: PERSON, attempt: 1, exam_date: '2026-09-20', theory_score: 55, practical_score: 80, theory_pass_mark: 60,
        practical_pass_mark: 60, result: 'failed', ...rec,
      }
      insert(db, 'exam_attempts', attempt)
      // One live attempt per number: a voided one frees it.
      expect(() => insert(db, 'exam_attempts', { ...attempt, id: 'x-2' })).toThrow(/UNIQUE/)
      db.prepare("UPDATE exam_attempts SET voided_at = ?, voided_by = ?, void_reason = '录错' WHERE id = 'x-1'").run(AT, ADMIN)
      insert(db, 'exam_attempts', { ...attempt, id: 'x-3', theory_score: 75, result: 'passed' })

      const certificate = {
        id: 'cert-1', person_id: PERSON, course_id: 'c-1', exam_attempt_id: 'x-3', source: 'course', number: 'Y000000000000000000001', format: 'skill-level-2019',
        evaluation_body: '某鉴定中心', issued_on: '2026-10-01', name: '张三', id_type: 'resident_id', id_number: '110101199003070011', occupation: '电工', level: 5, ...rec,
      }
      insert(db, 'certificates', certificate)
      expect(() => insert(db, 'certificates', { ...certificate, id: 'cert-2' })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'certificates', { ...certificate, id: 'cert-3', number: 'Y000000000000000000002', format: 'other' })).toThrow(/CHECK/)
      expect(() => insert(db, 'academic_records', { id: 'a-1', person_id: PERSON, school: '某职校', programme: '烹饪', education_level: '中专', enrolled_on: '2026-07-01', status: 'graduated', ...rec })).toThrow(/CHECK/)
      expect(integrityCheck(db).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})

describe('migration 014 (certificate roster indexes), with data', () => {
  const n = MIGRATIONS.indexOf(certificatesMigration) + 1

  it('keeps every row and adds the roster indexes, the totals one covering only live certificates', () => {
    const { db, before, after } = upgradedWithData(n)
    try {
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      const indexes = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'certificates'").all() as Array<{ name: string; sql: string | null }>
      expect(indexes.map((i) => i.name)).toEqual(expect.arrayContaining(['certificates_live_totals', 'certificates_occupation', 'certificates_body']))
      expect(indexes.find((i) => i.name === 'certificates_live_totals')!.sql).toMatch(/WHERE voided_at IS NULL/)
      expectSound(db)
      expect(integrityCheck(db).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})

describe('migration (knowledge tests: item bank, revisions, papers, sittings, answers), with data', () => {
  const n = MIGRATIONS.indexOf(knowledgeMigration) + 1

  it('keeps every row, adds the knowledge tables empty and enforces their constraints', () => {
    const { db, before, after } = upgradedWithData(n)
    try {
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      for (const table of ['knowledge_items', 'knowledge_item_tags', 'knowledge_item_revisions', 'knowledge_papers', 'knowledge_paper_items', 'knowledge_attempts', 'knowledge_answers']) {
        expect(after[table], table).toEqual([])
      }
      expectSound(db)
      const options = JSON.stringify([{ key: 'A', text: '6月26日' }, { key: 'B', text: '12月1日' }])
      const item = { id: 'ki-1', kind: 'single', stem: '国际禁毒日是哪一天？', options, answer: '["A"]', created_at: AT, created_by: ADMIN, updated_at: AT }
      insert(db, 'knowledge_items', item)
      // A single-choice item has one answer, a multiple-choice one at least two; 2–8 options.
      expect(() => insert(db, 'knowledge_items', { ...item, id: 'ki-2', answer: '["A","B"]' })).toThrow(/CHECK/)
      expect(() => insert(db, 'knowledge_items', { ...item, id: 'ki-3', kind: 'multiple' })).toThrow(/CHECK/)
      expect(() => insert(db, 'knowledge_items', { ...item, id: 'ki-4', options: '[{"key":"A","text":"x"}]' })).toThrow(/CHECK/)
      insert(db, 'knowledge_item_tags', { item_id: 'ki-1', tag: '禁毒知识' })
      expect(() => insert(db, 'knowledge_item_tags', { item_id: 'ki-1', tag: '禁毒知识' })).toThrow(/UNIQUE|PRIMARY KEY/)
      insert(db, 'knowledge_item_revisions', { item_id: 'ki-1', revision: 1, data: '{}', changed_at: AT, changed_by: ADMIN })
      const paper = { id: 'kp-1', title: '禁毒知识测试', purpose: '禁毒知识', method: 'picked', created_at: AT, created_by: ADMIN, updated_at: AT }
      insert(db, 'knowledge_papers', paper)
      // A drawn paper keeps its tags and counts and its seed.
      expect(() => insert(db, 'knowledge_papers', { ...paper, id: 'kp-2', method: 'drawn' })).toThrow(/CHECK/)
      insert(db, 'knowledge_paper_items', { paper_id: 'kp-1', position: 1, item_id: 'ki-1', item_revision: 1 })
      expect(() => insert(db, 'knowledge_paper_items', { paper_id: 'kp-1', position: 2, item_id: 'ki-1', item_revision: 2 })).toThrow(/FOREIGN KEY/)
      const attempt = { id: 'ka-1', paper_id: 'kp-1', person_id: PERSON, mode: 'kiosk', status: 'open', started_at: AT, answered_on: '2026-06-01', recorded_by: ADMIN }
      insert(db, 'knowledge_attempts', attempt)
      // Submitted means a score and a pass/fail; open means neither.
      expect(() => insert(db, 'knowledge_attempts', { ...attempt, id: 'ka-2', status: 'submitted' })).toThrow(/CHECK/)
      expect(() => insert(db, 'knowledge_attempts', { ...attempt, id: 'ka-3', score: 120 })).toThrow(/CHECK/)
      insert(db, 'knowledge_answers', { attempt_id: 'ka-1', position: 1, chosen: '["A"]', correct: 1 })
      expect(() => insert(db, 'knowledge_answers', { attempt_id: 'ka-1', position: 1, chosen: '["B"]', correct: 0 })).toThrow(/UNIQUE|PRIMARY KEY/)
      expect(integrityCheck(db).ok).toBe(true)
    } finally {
      db.close()
    }
  })
})

describe('migration 015 (course figures kept per enrolled person and course), with data', () => {
  const n = MIGRATIONS.indexOf(courseFiguresMigration) + 1
  const pairs = (db: Db) => db.prepare('SELECT * FROM course_figure_pairs ORDER BY course_id, person_id').all()

  it('fills the facts of every enrolled pair from the existing rows, then keeps them as enrolments, sittings and certificates change', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const stamp = { created_at: AT, created_by: ADMIN, updated_at: AT }
      const rec = { recorded_at: AT, recorded_by: ADMIN, updated_at: AT }
      insert(db, 'trades', { id: 't-1', name: '电工', ...stamp })
      insert(db, 'courses', {
        id: 'c-1', kind: 'vocational', name: '电工初级班', trade_id: 't-1', level: 5, teacher: '王老师', start_date: '2026-07-01',
        end_date: '2026-09-30', capacity: 30, planned_hours: 80, ...stamp,
      })
      const enrolment = { course_id: 'c-1', status: 'enrolled', applied_on: '2026-07-01', enrolled_on: '2026-07-01', ...rec }
      insert(db, 'enrolments', { ...enrolment, id: 'e-1', person_id: PERSON })
      // On the waiting list only: not enrolled, so no pair.
      insert(db, 'enrolments', { ...enrolment, id: 'e-2', person_id: VOIDED, status: 'waiting', enrolled_on: null })
      const attempt = { course_id: 'c-1', person_id: PERSON, exam_date: '2026-09-20', theory_pass_mark: 60, practical_pass_mark: 60, ...rec }
      insert(db, 'exam_attempts', { ...attempt, id: 'x-1', attempt: 1, theory_score: 50, practical_score: 70, result: 'failed' })
      const before = everything(db)
      applyMigration(db, n)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows)
      expect(pairs(db)).toEqual([{ course_id: 'c-1', person_id: PERSON, status: 'enrolled', withdraw_reason: null, best: 1, certified: 0 }])

      // A resit that passes, a certificate, the waiting one enrolled then withdrawn: each pair follows its rows.
      insert(db, 'exam_attempts', { ...attempt, id: 'x-2', attempt: 2, theory_score: 75, practical_score: 70, result: 'passed' })
      insert(db, 'certificates', {
        id: 'cert-1', person_id: PERSON, course_id: 'c-1', exam_attempt_id: 'x-2', source: 'course', number: 'Y000000000000265000001',
        format: 'skill-level-2019', evaluation_body: '某鉴定中心', issued_on: '2026-10-01', name: '张三', id_type: 'resident_id',
        id_number: '110101199003070011', occupation: '电工', level: 5, ...rec,
      })
      db.prepare("UPDATE enrolments SET status = 'enrolled', enrolled_on = '2026-07-05' WHERE id = 'e-2'").run()
      db.prepare("UPDATE enrolments SET status = 'withdrawn', ended_on = '2026-08-01', withdraw_reason = 'released' WHERE id = 'e-2'").run()
      expect(pairs(db)).toEqual([
        { course_id: 'c-1', person_id: PERSON, status: 'enrolled', withdraw_reason: null, best: 2, certified: 1 },
        { course_id: 'c-1', person_id: VOIDED, status: 'withdrawn', withdraw_reason: 'released', best: null, certified: 0 },
      ])
      // Voiding the certificate and the passing resit takes them back out of the facts.
      db.prepare("UPDATE certificates SET voided_at = ?, voided_by = ?, void_reason = '录错' WHERE id = 'cert-1'").run(AT, ADMIN)
      db.prepare("UPDATE exam_attempts SET voided_at = ?, voided_by = ?, void_reason = '录错' WHERE id = 'x-2'").run(AT, ADMIN)
      expect(pairs(db)[0]).toEqual({ course_id: 'c-1', person_id: PERSON, status: 'enrolled', withdraw_reason: null, best: 1, certified: 0 })
      expectSound(db)
    } finally {
      db.close()
    }
  })
})

describe('migration 016 (diagnostic assessment: assessments, item results, evidence requests, term proposals), with data', () => {
  const n = MIGRATIONS.indexOf(assessmentMigration) + 1

  it('keeps every row, adds the assessment tables empty and people.early_release_on null, and enforces their constraints', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const before = everything(db)
      applyMigration(db, n)
      const after = everything(db)
      for (const [table, rows] of Object.entries(before)) {
        if (table === 'people') expect((after[table] as Array<Record<string, unknown>>).map(({ early_release_on: _, ...rest }) => rest), table).toEqual(rows)
        else expect(after[table], table).toEqual(rows)
      }
      expect(db.prepare('SELECT count(*) AS n FROM people WHERE early_release_on IS NOT NULL').get()).toEqual({ n: 0 })
      for (const table of ['diag_assessments', 'diag_item_results', 'diag_evidence_requests', 'term_proposals']) {
        expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 })
      }
      const rec = { recorded_at: AT, recorded_by: ADMIN, updated_at: AT, updated_by: ADMIN }
      const assessment = {
        id: 'd-1', person_id: PERSON, point: 'one_year', assessed_on: '2026-07-01', status: 'final', template_id: 'beijing-2021', template_version: 1,
        components: '[]', overall_pass: 1, social: 'good', recommendation: 'propose_early_release', assessors: '王警官', ...rec,
      }
      insert(db, 'diag_assessments', assessment)
      expect(() => insert(db, 'diag_assessments', { ...assessment, id: 'd-2', point: 'yearly' })).toThrow(/CHECK/)
      expect(() => insert(db, 'diag_assessments', { ...assessment, id: 'd-3', status: 'done' })).toThrow(/CHECK/)
      expect(() => insert(db, 'diag_assessments', { ...assessment, id: 'd-4', template_version: 0 })).toThrow(/CHECK/)
      insert(db, 'diag_item_results', { assessment_id: 'd-1', revision: 1, component: 'detox', item_id: 'drug_test_negative', points: 20, evidence_kind: 'manual' })
      expect(() => insert(db, 'diag_item_results', { assessment_id: 'd-1', revision: 1, component: 'detox', item_id: 'drug_test_negative', points: 0 })).toThrow(/UNIQUE|PRIMARY KEY/)
      expect(() => insert(db, 'diag_item_results', { assessment_id: 'd-1', revision: 1, component: 'mood', item_id: 'x', points: 0 })).toThrow(/CHECK/)
      insert(db, 'diag_evidence_requests', { id: 'r-1', person_id: PERSON, assessment_id: 'd-1', component: 'rehab', item_id: 'fitness', evidence_kind: 'fitness', requested_on: '2026-07-01' })
      const proposal = { id: 'p-1', person_id: PERSON, kind: 'early_release', proposed_on: '2026-07-02', proposed_date: '2026-08-01', deciding_organ: '某市公安局', ...rec }
      insert(db, 'term_proposals', proposal)
      expect(() => insert(db, 'term_proposals', { ...proposal, id: 'p-2', outcome: 'approved' })).toThrow(/CHECK/)
      expect(() => insert(db, 'term_proposals', { ...proposal, id: 'p-3', kind: 'parole' })).toThrow(/CHECK/)
      expect(() => insert(db, 'term_proposals', { ...proposal, id: 'p-4', kind: 'extension', months: 40 })).toThrow(/CHECK/)
      expectSound(db)
    } finally {
      db.close()
    }
  })
})

describe('migration 017 (ward records: talks, conduct, visits, outside medical visits, measures, daily logs), with data', () => {
  const n = MIGRATIONS.indexOf(wardRecordsMigration) + 1

  it('keeps every row, adds the ward record tables empty, and enforces their constraints', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const before = everything(db)
      applyMigration(db, n)
      expect(everything(db)).toMatchObject(before)
      const tablesAdded = ['ward_talks', 'conduct_entries', 'family_visits', 'outside_medical_visits', 'watch_measures', 'ward_daily_logs']
      for (const table of tablesAdded) expect(db.prepare(`SELECT count(*) AS n FROM ${table}`).get(), table).toEqual({ n: 0 })
      const rec = { person_id: PERSON, ward_id: 'ward-1', recorded_at: AT, recorded_by: OFFICER, updated_at: AT, updated_by: OFFICER }
      const talk = { id: 't-1', kind: 'admission', status: 'planned', planned_on: '2026-06-02', ...rec }
      insert(db, 'ward_talks', talk)
      expect(() => insert(db, 'ward_talks', { ...talk, id: 't-2', status: 'held' })).toThrow(/CHECK/)
      expect(() => insert(db, 'ward_talks', { ...talk, id: 't-3', status: 'done', done_on: null })).toThrow(/CHECK/)
      expect(() => insert(db, 'ward_talks', { ...talk, id: 't-4', planned_on: null })).toThrow(/CHECK/)
      const conduct = { id: 'c-1', kind: 'reward', category: 'praise', points: 1, on_date: '2026-06-03', reason: '内务整洁', ...rec }
      insert(db, 'conduct_entries', conduct)
      insert(db, 'conduct_entries', { ...conduct, id: 'c-2', kind: 'sanction', category: 'warning', points: -1 })
      expect(() => insert(db, 'conduct_entries', { ...conduct, id: 'c-3', points: -1 })).toThrow(/CHECK/)
      expect(() => insert(db, 'conduct_entries', { ...conduct, id: 'c-4', kind: 'sanction', points: 2 })).toThrow(/CHECK/)
      insert(db, 'family_visits', { id: 'v-1', on_date: '2026-06-04', visitor: '张某', kind: 'meeting', minutes: 30, ...rec })
      expect(() => insert(db, 'family_visits', { id: 'v-2', on_date: '2026-06-04', visitor: '张某', kind: 'meeting', minutes: 0, ...rec })).toThrow(/CHECK/)
      const medical = { id: 'm-1', hospital: '市第一人民医院', out_at: '2026-06-05T09:00', back_at: null, reason: '牙痛', ...rec }
      insert(db, 'outside_medical_visits', medical)
      expect(() => insert(db, 'outside_medical_visits', { ...medical, id: 'm-2', back_at: '2026-06-05T08:59' })).toThrow(/CHECK/)
      const measure = { id: 'w-1', kind: 'watch', start_on: '2026-06-05', reason: '情绪低落', ...rec }
      insert(db, 'watch_measures', measure)
      expect(() => insert(db, 'watch_measures', { ...measure, id: 'w-2', end_on: '2026-06-04' })).toThrow(/CHECK/)
      expect(() => insert(db, 'watch_measures', { ...measure, id: 'w-3', crisis_id: 'no-such-crisis' })).toThrow(/FOREIGN KEY/)
      const { person_id: _p, ...logRec } = rec
      const log = { id: 'l-1', log_date: '2026-06-05', counts: '{}', ...logRec }
      insert(db, 'ward_daily_logs', log)
      expect(() => insert(db, 'ward_daily_logs', { ...log, id: 'l-2' })).toThrow(/UNIQUE/)
      db.prepare("UPDATE ward_daily_logs SET voided_at = ?, voided_by = ?, void_reason = '重复' WHERE id = 'l-1'").run(AT, OFFICER)
      insert(db, 'ward_daily_logs', { ...log, id: 'l-3' })
      expect(() => insert(db, 'ward_daily_logs', { ...log, id: 'l-4', counts: 'not json' })).toThrow(/CHECK/)
      expectSound(db)
    } finally {
      db.close()
    }
  })
})

describe('migration 018 (due work: exemptions; the screening intervals move from psych.settings into duework.rules), with data', () => {
  const n = MIGRATIONS.indexOf(dueworkMigration) + 1

  it("moves the facility's screening intervals into the due-work rules, keeps every other row and enforces one live exemption", () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const psych = { rounding: 'round_half_up', admissionScreeningDays: 20, reassessmentIntervalDays: 60, scl90FactorRule: '>' }
      db.prepare("UPDATE settings SET value = ? WHERE key = 'psych.settings'").run(JSON.stringify(psych))
      const before = everything(db)
      applyMigration(db, n)
      const { settings: _settings, ...rest } = before
      expect(everything(db)).toMatchObject(rest)
      // One source: the intervals are gone from psych.settings and read from duework.rules.
      expect(JSON.parse((db.prepare("SELECT value FROM settings WHERE key = 'psych.settings'").get() as { value: string }).value)).toEqual({ rounding: 'round_half_up', scl90FactorRule: '>' })
      expect(readSetting(db, 'psych.settings')).toEqual({ ...DEFAULT_PSYCH_SETTINGS, rounding: 'round_half_up', scl90FactorRule: '>' })
      const rules = readSetting(db, 'duework.rules')
      expect(rules.psych_admission_screening).toEqual({ enabled: true, days: 20 })
      expect(rules.psych_reassessment).toEqual({ enabled: true, intervalDays: 60, leadDays: 14 })
      expect(rules.fitness_retest).toEqual(DEFAULT_DUE_RULES.fitness_retest)
      const exemption = { id: 'e-1', person_id: PERSON, rule: 'psych_admission_screening', occurrence: 'admission', reason: '外院已筛查', created_by: OFFICER, created_at: AT }
      insert(db, 'due_exemptions', exemption)
      expect(() => insert(db, 'due_exemptions', { ...exemption, id: 'e-2' })).toThrow(/UNIQUE/)
      db.prepare("UPDATE due_exemptions SET voided_at = ?, voided_by = ?, void_reason = '误录' WHERE id = 'e-1'").run(AT, OFFICER)
      insert(db, 'due_exemptions', { ...exemption, id: 'e-3' })
      expect(() => insert(db, 'due_exemptions', { ...exemption, id: 'e-4', person_id: 'nobody' })).toThrow(/FOREIGN KEY/)
      expectSound(db)
    } finally {
      db.close()
    }
  })

  it('leaves the rules at their defaults when the psychology settings were never saved', () => {
    const db = databaseAt(n - 1)
    try {
      applyMigration(db, n)
      expect(db.prepare("SELECT count(*) AS n FROM settings WHERE key IN ('psych.settings', 'duework.rules')").get()).toEqual({ n: 0 })
      expect(readSetting(db, 'duework.rules')).toEqual(DEFAULT_DUE_RULES)
    } finally {
      db.close()
    }
  })
})

describe('migration 020 (handover sheets), with data', () => {
  const n = MIGRATIONS.indexOf(handoverMigration) + 1
  it('keeps every row, adds handover_sheets empty, and enforces one live sheet per person and a review tied to a revision', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const before = everything(db)
      applyMigration(db, n)
      expect(everything(db)).toEqual({ ...before, handover_sheets: [] })
      const sheet = { id: 'h-1', person_id: PERSON, sections: '["fitness"]', prepared_at: AT, prepared_by: OFFICER }
      insert(db, 'handover_sheets', sheet)
      expect(() => insert(db, 'handover_sheets', { ...sheet, id: 'h-2' })).toThrow(/UNIQUE/)
      db.prepare("UPDATE handover_sheets SET voided_at = ?, voided_by = ?, void_reason = '重做' WHERE id = 'h-1'").run(AT, OFFICER)
      insert(db, 'handover_sheets', { ...sheet, id: 'h-3' })
      expect(() => insert(db, 'handover_sheets', { ...sheet, id: 'h-4', person_id: 'nobody' })).toThrow(/FOREIGN KEY/)
      expect(() => db.prepare("UPDATE handover_sheets SET reviewed_at = ? WHERE id = 'h-3'").run(AT)).toThrow(/CHECK/)
      expect(() => insert(db, 'handover_sheets', { ...sheet, id: 'h-5', sections: 'not json' })).toThrow(/CHECK/)
      expectSound(db)
    } finally {
      db.close()
    }
  })
})

describe('migration 021 (aftercare: follow-up slots, contacts, outcomes), with data', () => {
  const n = MIGRATIONS.indexOf(aftercareMigration) + 1

  it('keeps every row, takes a plan with its contacts and outcome, and enforces the reached/status rule and one live slot per seq', () => {
    const db = databaseAt(n - 1)
    try {
      foundationData(db)
      const release = { id: 'rel-1', person_id: PERSON, kind: 'on_time', status: 'released', release_date: '2026-06-01', created_at: AT, created_by: OFFICER, updated_at: AT, updated_by: OFFICER, released_at: AT, released_by: OFFICER }
      insert(db, 'releases', release)
      const before = everything(db)
      applyMigration(db, n)
      expect(everything(db)).toMatchObject(before)
      const slot = { id: 's-1', release_id: 'rel-1', person_id: PERSON, seq: 1, kind: 'release_day', due_on: '2026-06-01', window_from: '2026-06-01', window_to: '2026-06-07', created_at: AT, created_by: OFFICER }
      insert(db, 'followup_slots', slot)
      expect(() => insert(db, 'followup_slots', { ...slot, id: 's-2' })).toThrow(/UNIQUE/)
      expect(() => insert(db, 'followup_slots', { ...slot, id: 's-3', seq: 2, due_on: '2026-05-01' })).toThrow(/CHECK/)
      const contact = { id: 'c-1', release_id: 'rel-1', person_id: PERSON, slot_id: 's-1', contact_on: '2026-06-01', method: 'phone', reached: 1, status: 'abstinent', recorded_at: AT, recorded_by: OFFICER, updated_at: AT, updated_by: OFFICER }
      insert(db, 'followup_contacts', contact)
      expect(() => insert(db, 'followup_contacts', { ...contact, id: 'c-2', status: 'lost_contact' })).toThrow(/CHECK/)
      expect(() => insert(db, 'followup_contacts', { ...contact, id: 'c-3', reached: 0, status: 'abstinent' })).toThrow(/CHECK/)
      insert(db, 'followup_contacts', { ...contact, id: 'c-4', slot_id: null, reached: 0, status: null })
      expect(() => insert(db, 'followup_contacts', { ...contact, id: 'c-5', method: 'email' })).toThrow(/CHECK/)
      expect(() => insert(db, 'followup_contacts', { ...contact, id: 'c-6', release_id: 'nothing' })).toThrow(/FOREIGN KEY/)
      insert(db, 'followup_outcomes', { release_id: 'rel-1', person_id: PERSON, plan_version: 'default', status: 'abstinent', status_on: '2026-06-01', status_contact_id: 'c-1', last_contact_on: '2026-06-01', contacts: 2 })
      expect(() => insert(db, 'followup_outcomes', { release_id: 'rel-1', person_id: PERSON, plan_version: 'default' })).toThrow(/UNIQUE|PRIMARY/)
      expectSound(db)
    } finally {
      db.close()
    }
  })
})
