/**
 * Shared set-up for the unit tests: a fixed clock, a real database (in memory or a temp file), a facility created
 * through the dispatcher, and a typed way to call methods. Nothing here is mocked.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect } from 'vitest'
import { createDispatcher, type Dispatch } from '../../electron/core/dispatch'
import { openDatabase, type Db } from '../../electron/core/db/open'
import type { ApiError, ApiResult, Input, MethodName, Output } from '../../electron/shared/contract'
import type { Period } from '../../electron/shared/domain/periods'
import type { Role } from '../../electron/shared/domain/roles'

/** 2026-11-23 10:00 in Beijing: the facility's "today" is 2026-11-23. */
export const FIXED_NOW = new Date('2026-11-23T02:00:00Z')
export const TODAY = '2026-11-23'
export const fixedClock = { now: () => FIXED_NOW }

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..')

/** A typed call through the dispatcher. */
export function call<M extends MethodName>(dispatch: Dispatch, method: M, input: Input<M>, session: string | null): ApiResult<Output<M>> {
  return dispatch(method, input, session) as ApiResult<Output<M>>
}

/** The value of a successful result; fails the test with the error otherwise. */
export function ok<T>(result: ApiResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${JSON.stringify(result.error)}`)
  return result.value
}

/** The error of a failed result; fails the test if the call succeeded. */
export function err(result: ApiResult<unknown>): ApiError {
  if (result.ok) throw new Error(`expected an error, got ${JSON.stringify(result.value)}`)
  return result.error
}

export function count(db: Db, table: string): number {
  return (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n
}

export const ADMIN = { username: 'admin', displayName: '管理员甲', password: 'Admin#2026pw' }

export interface World {
  db: Db
  dispatch: Dispatch
  wards: { a: string; b: string }
  sessions: Partial<Record<Role, string>>
  staffIds: Partial<Record<Role, string>>
  /** Signs in and returns the session id. */
  login(username: string, password: string): string
  close(): void
}

export const STAFF_PASSWORD = 'Staff#2026pw'

/**
 * The wards each role's staff member of a test world is responsible for (包队责任制): the officer 一大队 only, so a test
 * can act in a ward that is not his; everyone else both (their default policy writes only in their own wards).
 */
export const WORLD_STAFF_WARDS: Record<Role, ReadonlyArray<'a' | 'b'>> = {
  admin: [],
  ward_officer: ['a'],
  counsellor: ['a', 'b'],
  trainer: ['a', 'b'],
  vocational: ['a', 'b'],
}

/**
 * A facility set up through the dispatcher (setup:initialize) with wards 一大队 and 二大队, the admin signed in, and one
 * signed-in staff member for each extra role asked for (username = role, password STAFF_PASSWORD).
 */
export function makeWorld(roles: Role[] = [], file = ':memory:'): World {
  const db = openDatabase(file)
  const dispatch = createDispatcher({ db, clock: fixedClock })
  ok(
    call(dispatch, 'setup:initialize', {
      facilityName: '测试强制隔离戒毒所',
      wards: [
        { name: '一大队', capacity: 100 },
        { name: '二大队', capacity: 100 },
      ],
      admin: ADMIN,
    }, null),
  )
  const login = (username: string, password: string) => ok(call(dispatch, 'auth:login', { username, password }, null)).sessionId
  const adminSid = login(ADMIN.username, ADMIN.password)
  const wardRows = ok(call(dispatch, 'wards:list', {}, adminSid))
  const wardId = (name: string) => wardRows.find((w) => w.name === name)!.id
  const wards = { a: wardId('一大队'), b: wardId('二大队') }
  const sessions: World['sessions'] = { admin: adminSid }
  const staffIds: World['staffIds'] = {}
  for (const role of roles) {
    staffIds[role] = ok(
      call(dispatch, 'staff:create', {
        username: role,
        displayName: `${role}-staff`,
        role,
        wardIds: WORLD_STAFF_WARDS[role].map((k) => wards[k]),
        password: STAFF_PASSWORD,
      }, adminSid),
    ).id
    sessions[role] = login(role, STAFF_PASSWORD)
  }
  return { db, dispatch, wards, sessions, staffIds, login, close: () => db.close() }
}

/**
 * Identity of a detainee. Default ID 110101199003070011: body 11010119900307001, weighted sum 154, 154 mod 11 = 0 → '1';
 * birth 1990-03-07, 17th digit 1 (odd) → male.
 */
export function personInput(wardId: string, overrides: Partial<Input<'people:create'>> = {}): Input<'people:create'> {
  return {
    name: '张三',
    sex: 'M',
    ethnicity: '汉族',
    birthDate: '1990-03-07',
    idNumber: '110101199003070011',
    householdAddress: '北京市东城区人民路1号',
    decisionOrgan: '北京市公安局东城分局',
    decisionDocNo: '东公（禁）决字〔2026〕101号',
    decisionDate: '2026-03-01',
    admissionDate: '2026-06-01',
    emergencyContactName: '张父',
    emergencyContactRelation: '父亲',
    emergencyContactPhone: '13800000000',
    wardId,
    ...overrides,
  }
}

/** A temp directory removed by the returned cleanup. */
export function tempDir(prefix = 'xinsheng-test-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) }
}

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
  json: unknown
}

/** Runs the CLI (electron/core/cli/index.ts) through tsx from the repository root. */
export function runCli(args: string[]): CliRun {
  const tsx = join(REPO_ROOT, 'node_modules', '.bin', process.platform === 'win32' ? 'tsx.cmd' : 'tsx')
  const r = spawnSync(tsx, ['electron/core/cli/index.ts', ...args], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 30_000 })
  let json: unknown = undefined
  try {
    json = JSON.parse(r.stdout)
  } catch {
    json = undefined
  }
  return { code: r.status, stdout: r.stdout, stderr: r.stderr, json }
}

/** The single line of JSON a CLI command prints. */
export function expectOneJsonLine(run: CliRun): void {
  expect(run.stdout.endsWith('\n')).toBe(true)
  expect(run.stdout.trim().split('\n')).toHaveLength(1)
}

/** The revision a ward edit must name (what the ward list shows now). */
export function wardRevision(dispatch: Dispatch, session: string, wardId: string): number {
  return ok(call(dispatch, 'wards:list', {}, session)).find((w) => w.id === wardId)!.revision
}

/**
 * A caller signed in on an existing database (a generated demo or benchmark facility, whose accounts are the demo's):
 * `call(method, input)` answers the value or throws the API's message.
 */
export function signedInCaller(db: Db, username = 'admin', password = 'Admin#2026'): <T>(method: string, input: unknown) => T {
  const dispatch = createDispatcher({ db, clock: fixedClock })
  const login = dispatch('auth:login', { username, password }, null)
  if (!login.ok) throw new Error(`sign-in as ${username} failed: ${login.error.message}`)
  const session = (login.value as { sessionId: string }).sessionId
  return <T>(method: string, input: unknown): T => {
    const r = dispatch(method, input, session)
    if (!r.ok) throw new Error(r.error.message)
    return r.value as T
  }
}

/**
 * A person's period and ward as a page would show them (issue 15: a move, correction or transfer names what it saw,
 * and is refused as stale when someone else changed it meanwhile). Read from the database, so a test of another rule
 * acts on an up-to-date page; an unknown id reads as nothing shown.
 */
export function seenPeriod(db: Db, personId: string): { period: Period | null; since: string | null } {
  const row = db.prepare('SELECT period, period_since AS since FROM people WHERE id = ?').get(personId) as { period: Period | null; since: string | null } | undefined
  return row ?? { period: null, since: null }
}

export function seenWard(db: Db, personId: string): string | null {
  const row = db.prepare('SELECT ward_id AS wardId FROM people WHERE id = ?').get(personId) as { wardId: string | null } | undefined
  return row?.wardId ?? null
}
