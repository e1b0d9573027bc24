/**
 * Fuzzes every contract method through the dispatcher (issue 10, "tests that try hard to break it"). The methods come
 * from the contract itself, so a method added later is fuzzed without touching this file. For each method, in a world
 * of its own (real SQLite, nothing mocked), an administrator and an anonymous caller send hostile inputs: wrong types,
 * huge strings, SQL and HTML fragments, impossible dates, unknown and real ids, prototype keys, deep nesting. Every
 * answer must be a typed result: `{ok:true}` or `{ok:false}` with a known code (never 'internal', never a throw), an
 * `invalid_input` names its fields, and a failed call changes no table (the audit log may only gain security events).
 */
import fc from 'fast-check'
import { afterAll, describe, expect, it } from 'vitest'
import { SECURITY_EVENTS } from '../../electron/core/audit/securityEvents'
import type { Dispatcher } from '../../electron/core/dispatch'
import { contract, type ApiResult, type ErrorCode, type MethodName } from '../../electron/shared/contract'
import { hostileValue, shapedLike, type Pools } from './fixtures/hostileInputs'
import { auditMethodsSince, SIGN_IN_LOCK_COLUMNS, snapshotTables, type TableSnapshot } from './fixtures/tableChecksum'
import { ADMIN, call, makeWorld, ok, personInput, STAFF_PASSWORD, TODAY, type World } from './helpers'

/**
 * Fixed so a failure is reproducible (fast-check prints the seed and the smallest failing input). A longer hunt:
 * `FUZZ_RUNS=200 FUZZ_SEED=7 npx vitest run tests/unit/fuzzContract.test.ts`; `npm test` keeps to the bounded default.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261123)
const RUNS_PER_CALLER = Number(process.env.FUZZ_RUNS ?? 20)

const KNOWN_CODES: readonly ErrorCode[] = ['invalid_input', 'unknown_method', 'unauthenticated', 'forbidden', 'not_found', 'conflict', 'rule_violation']
const SECURITY_EVENT_METHODS: readonly string[] = Object.values(SECURITY_EVENTS)

/**
 * Methods fuzzed only with inputs their schema refuses (so no handler runs), each for a reason:
 * - `backup:run` starts a real copy of the database in the background into a folder on disk (the default one for an
 *   in-memory database is in the system temp folder), which outlives the call and this test; backup.test.ts covers it.
 * Everything else is fuzzed whole. (`setup:loadDemo` is: on an initialised facility it must refuse, and does.)
 */
const SCHEMA_ONLY: ReadonlySet<string> = new Set(['backup:run'])

const METHODS = Object.keys(contract) as MethodName[]

/**
 * Methods that can end or lock the caller's own sign-in (logins feed the sign-in throttle and the account lock; staff
 * edits reset passwords) get a world of their own, so one method's fuzzing cannot turn another's into refusals. The
 * others share one world (a set-up costs several scrypt hashes): what a successful fuzzed call writes only varies the
 * state the next methods meet.
 */
const OWN_WORLD = (method: string) => /^(auth|setup|staff):/.test(method)

interface FuzzWorld {
  world: World
  pools: Pools
  /** Signs the administrator in again after a fuzzed call ended the session (a logout, or a lock from failed attempts). */
  signBackIn(): void
}

function worldFor(): FuzzWorld {
  const world = makeWorld(['counsellor', 'ward_officer'])
  const admin = world.sessions.admin!
  // A second administrator, kept out of the fuzzed ids, who unlocks the first when fuzzed password changes lock it.
  const rescuerId = ok(call(world.dispatch, 'staff:create', { username: 'rescuer', displayName: '值班管理员', role: 'admin', password: STAFF_PASSWORD }, admin)).id
  const rescuer = world.login('rescuer', STAFF_PASSWORD)
  ok(call(world.dispatch, 'people:create', personInput(world.wards.a), admin))
  ok(call(world.dispatch, 'people:create', personInput(world.wards.b, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15', sex: 'M' }), admin))
  const adminId = ok(call(world.dispatch, 'auth:me', {}, admin))?.id
  // Real ids of every table, by table (except the administrators' own accounts, whose passwords a fuzzed reset would
  // change under us).
  const idsOf: Record<string, string[]> = {}
  const tables = world.db.prepare("SELECT m.name FROM sqlite_master m WHERE m.type = 'table' AND EXISTS (SELECT 1 FROM pragma_table_info(m.name) WHERE name = 'id')").all() as { name: string }[]
  for (const { name } of tables) {
    idsOf[name] = (world.db.prepare(`SELECT id FROM "${name}" LIMIT 3`).all() as { id: unknown }[])
      .map((row) => row.id)
      .filter((id): id is string => typeof id === 'string' && id !== adminId && id !== rescuerId)
  }
  const ids = Object.values(idsOf).flat()
  const instruments = ok(call(world.dispatch, 'psych:instruments', {}, admin)).map((i) => i.id)
  const dates = [TODAY, '2026-06-01', '2026-11-01', '2026-11-22', '2026-07-15']
  const strings = [...ids, ...dates, ...instruments, '1990-03-07', '张三', '一大队', 'counsellor', '110101199003070011', '北京市东城区人民路1号', 'Valid#2026pw']
  const suited: [RegExp, readonly string[]][] = [
    [/wardId$/i, idsOf.wards ?? []],
    [/personId$/i, idsOf.people ?? []],
    [/staffId$|counsellorId$/i, idsOf.staff ?? []],
    [/^instrument(Id)?$/i, instruments],
    [/^id$|Id$/, ids],
    [/date$|On$|^from$|^to$|^at$/i, dates],
    [/^idNumber$/, ['110101198808080052', '11010119900307002X', '110101199003070011']],
    [/^username$/, ['fuzzuser', 'counsellor']],
    [/password|^current$|^next$|passphrase/i, ['Valid#2026pw-long', STAFF_PASSWORD]],
    [/phone$/i, ['13800000000']],
    [/name$/i, ['王五', '测试名称']],
    [/^sex$/, ['M', 'F']],
    [/docNo$/i, ['东公（禁）决字〔2026〕202号']],
    [/organ$|address$|relation$|ethnicity$/i, ['北京市公安局东城分局', '汉族', '父亲']],
  ]
  const forField = (field: string) => suited.find(([pattern, values]) => pattern.test(field) && values.length > 0)?.[1]
  const signBackIn = () => {
    const me = world.dispatch('auth:me', {}, world.sessions.admin!)
    if (me.ok && me.value) return
    ok(call(world.dispatch, 'staff:unlock', { id: adminId! }, rescuer))
    world.sessions.admin = world.login(ADMIN.username, ADMIN.password)
  }
  return { world, pools: { strings, forField }, signBackIn }
}

/** Checks one answer; on a failure, that nothing but security events was written. */
function expectTypedAnswer(world: World, method: string, input: unknown, session: string | null): ApiResult<unknown> {
  const before = snapshotTables(world.db, SIGN_IN_LOCK_COLUMNS)
  let result: ApiResult<unknown> | undefined
  expect(() => {
    result = world.dispatch(method, input, session)
  }, method).not.toThrow()
  return checkAnswer(world, method, before, result)
}

function checkAnswer(world: World, method: string, before: TableSnapshot, result: ApiResult<unknown> | undefined): ApiResult<unknown> {
  expect(() => JSON.stringify(result), `${method}: the answer must cross IPC/HTTP`).not.toThrow()
  expect(result && typeof result.ok, method).toBe('boolean')
  if (result!.ok) return result!
  const { error } = result!
  expect(KNOWN_CODES, `${method} answered ${JSON.stringify(error).slice(0, 300)}`).toContain(error.code)
  expect(typeof error.message).toBe('string')
  if (error.code === 'invalid_input') {
    expect(error.fields, `${method}: invalid_input names its fields`).toBeTypeOf('object')
    expect(Object.keys(error.fields ?? {}).length).toBeGreaterThan(0)
  }
  const after = snapshotTables(world.db, SIGN_IN_LOCK_COLUMNS, before.auditSeq)
  const changed = Object.keys({ ...before.tables, ...after.tables }).filter((t) => before.tables[t] !== after.tables[t])
  expect(changed, `${method} failed (${error.code}) but changed these tables`).toEqual([])
  for (const written of auditMethodsSince(world.db, before)) expect(SECURITY_EVENT_METHODS, `${method} left audit row ${written}`).toContain(written)
  return result!
}

const worlds: World[] = []
let shared: FuzzWorld | null = null
function worldForMethod(method: string): FuzzWorld {
  if (!OWN_WORLD(method) && shared) return shared
  const made = worldFor()
  worlds.push(made.world)
  if (!OWN_WORLD(method)) shared = made
  return made
}
afterAll(() => {
  for (const world of worlds) world.close()
})

describe('every contract method answers hostile input with a typed result and changes nothing when it fails', () => {
  it('enumerates the whole contract', () => {
    expect(METHODS.length).toBeGreaterThan(60)
    for (const name of SCHEMA_ONLY) expect(METHODS, `excluded method ${name} no longer exists`).toContain(name)
  })

  it.each(METHODS.map((m) => [m]))('%s', (method) => {
    const { world, pools, signBackIn } = worldForMethod(method)
    const schema = contract[method].input
    const arbitrary = fc.oneof(
      { weight: 2, arbitrary: shapedLike(schema, pools, 'often') },
      { weight: 2, arbitrary: shapedLike(schema, pools, 'rarely') },
      { weight: 1, arbitrary: hostileValue },
    )
    const inputs = SCHEMA_ONLY.has(method) ? arbitrary.filter((input) => !schema.safeParse(input ?? {}).success) : arbitrary
    const params = { seed: SEED, numRuns: RUNS_PER_CALLER, endOnFailure: true }

    // An administrator has every permission: these calls reach validation and, when it passes, the service.
    fc.assert(
      fc.property(inputs, (input) => {
        const result = expectTypedAnswer(world, method, input, world.sessions.admin!)
        if (SCHEMA_ONLY.has(method)) expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input')
        signBackIn()
      }),
      params,
    )
    // An anonymous caller: public methods answer, every other one says 'unauthenticated' whatever the input.
    fc.assert(
      fc.property(inputs, (input) => {
        const result = expectTypedAnswer(world, method, input, null)
        if (contract[method].access !== 'public') expect(result.ok ? 'ok' : result.error.code).toBe('unauthenticated')
      }),
      params,
    )
    expect(world.db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(ok(call(world.dispatch, 'audit:verify', {}, world.sessions.admin!))).toMatchObject({ ok: true })
  })

  /** Inputs fuzzing once found answered wrongly, kept as fixed cases (each names what was wrong and is now right). */
  it.each([
    // invalid_input without fields: a row number excluded that is not in the file, and a row number sent twice.
    ['people:importPreview', { fileName: 'a.xlsx', rows: [{ row: 1, cells: {} }], exclude: [356, 1] }],
    ['people:importCommit', { fileName: 'a.xlsx', rows: [{ row: 1, cells: {} }], exclude: [356] }],
    ['people:importPreview', { fileName: 'a.xlsx', rows: [{ row: 2, cells: {} }, { row: 2, cells: {} }] }],
  ] as const)('regression: %s %j', (method, input) => {
    const { world } = worldForMethod(method)
    const result = expectTypedAnswer(world, method, input, world.sessions.admin!)
    expect(result.ok ? null : result.error.code).toBe('invalid_input')
  })

  // The worker signs in through the asynchronous path (scrypt on the thread pool first): it must hold up as well.
  it('auth:login through the asynchronous path', async () => {
    const { world, pools } = worldFor()
    worlds.push(world)
    const arbitrary = fc.oneof(shapedLike(contract['auth:login'].input, pools, 'often'), shapedLike(contract['auth:login'].input, pools, 'rarely'), hostileValue)
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        const before = snapshotTables(world.db, SIGN_IN_LOCK_COLUMNS)
        // makeWorld's dispatcher is the whole Dispatcher; World types it by its synchronous call only.
        const result = await (world.dispatch as Dispatcher).async('auth:login', input, null)
        checkAnswer(world, 'auth:login', before, result)
      }),
      { seed: SEED, numRuns: RUNS_PER_CALLER, endOnFailure: true },
    )
  })

  it('pollutes no prototype', () => {
    const probe: Record<string, unknown> = {}
    expect(probe.polluted).toBeUndefined()
    expect(probe.isAdmin).toBeUndefined()
    expect(Object.prototype).not.toHaveProperty('polluted')
  })
})
