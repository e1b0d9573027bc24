/**
 * The back end off the UI thread: core/backend.ts (lifecycle, reopen) on this thread, and the same back end in a
 * worker_threads worker (core/worker) as Electron main and `cli serve` run it. Real SQLite files, nothing mocked.
 */
import Database from 'better-sqlite3'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/core/backend'
import { createDispatcher } from '../../electron/core/dispatch'
import { DatabaseTooNewError, openDatabase } from '../../electron/core/db/open'
import { MIGRATIONS } from '../../electron/core/db/migrations'
import { startBackendWorker, type BackendWorker } from '../../electron/core/worker/client'
import type { ApiResult, Input, MethodName, Output } from '../../electron/shared/contract'
import type { ProgressEvent } from '../../electron/shared/events'
import { ADMIN, FIXED_NOW, fixedClock, ok, tempDir } from './helpers'

const temp = tempDir('xinsheng-worker-')
afterAll(() => temp.cleanup())
const file = (name: string) => join(temp.dir, name)

const workers: BackendWorker[] = []
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()))
})

async function start(dbFile: string): Promise<BackendWorker> {
  const worker = await startBackendWorker({ dbFile, fixedNow: FIXED_NOW.toISOString() })
  workers.push(worker)
  return worker
}

async function call<M extends MethodName>(worker: BackendWorker, method: M, input: Input<M>, session: string | null = null) {
  return (await worker.invoke(method, input, session)) as ApiResult<Output<M>>
}

const facility = (name: string): Input<'setup:initialize'> => ({ facilityName: name, wards: [{ name: '一大队', capacity: 100 }], admin: ADMIN })

/** A database file holding an initialized facility of this name, made on this thread. */
function facilityFile(name: string): string {
  const path = file(`${name}.db`)
  const backend = openBackend({ file: path, clock: fixedClock })
  ok(backend.dispatch('setup:initialize', facility(name), null) as ApiResult<null>)
  backend.close()
  return path
}

describe('core/backend.ts on this thread', () => {
  it('opens (migrated), dispatches, reopens onto another file and closes', () => {
    const a = facilityFile('甲所')
    const b = facilityFile('乙所')
    const backend = openBackend({ file: a, clock: fixedClock })
    expect(backend.dispatch('setup:status', {}, null)).toEqual({ ok: true, value: { initialized: true, facilityName: '甲所', previouslyUsed: false } })
    const session = ok(backend.dispatch('auth:login', { username: ADMIN.username, password: ADMIN.password }, null) as ApiResult<{ sessionId: string }>).sessionId
    backend.reopen(b)
    expect(backend.file).toBe(b)
    expect(backend.dispatch('setup:status', {}, null)).toEqual({ ok: true, value: { initialized: true, facilityName: '乙所', previouslyUsed: false } })
    // Sessions belong to the database they were opened on.
    expect(backend.dispatch('wards:list', {}, session)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    backend.close()
    expect(() => backend.dispatch('setup:status', {}, null)).toThrow('closed')
  })

  it('keeps serving the current file when the new one cannot be opened', () => {
    const a = facilityFile('丙所')
    const garbage = file('garbage.db')
    writeFileSync(garbage, 'this is not an SQLite database, only text that is long enough to have a header'.repeat(4))
    const backend = openBackend({ file: a, clock: fixedClock })
    expect(() => backend.reopen(garbage)).toThrow('file is not a database')
    expect(backend.file).toBe(a)
    expect(backend.dispatch('setup:status', {}, null)).toMatchObject({ ok: true, value: { facilityName: '丙所' } })
    backend.close()
  })
})

describe('the back end in a worker thread', () => {
  it('answers calls through invoke: set-up, login, a call with the session', async () => {
    const worker = await start(file('fresh.db'))
    expect(await call(worker, 'setup:status', {})).toEqual({ ok: true, value: { initialized: false, facilityName: null, previouslyUsed: false } })
    ok(await call(worker, 'setup:initialize', facility('测试所')))
    const { sessionId, user } = ok(await call(worker, 'auth:login', { username: ADMIN.username, password: ADMIN.password }))
    expect(user.role).toBe('admin')
    const wards = ok(await call(worker, 'wards:list', {}, sessionId))
    expect(wards.map((w) => w.name)).toEqual(['一大队'])
  })

  it('returns error results exactly as the dispatcher on this thread does', async () => {
    const worker = await start(file('errors.db'))
    const local = openDatabase(':memory:')
    const dispatch = createDispatcher({ db: local, clock: fixedClock })
    const cases: Array<[string, unknown, string | null]> = [
      ['nope:method', {}, null],
      ['wards:list', {}, null],
      ['wards:list', {}, 'no-such-session'],
      ['setup:initialize', { facilityName: '', wards: [], admin: {} }, null],
      ['setup:initialize', { ...facility('某所'), wards: [{ name: '一大队', capacity: 10 }, { name: '一大队', capacity: 10 }] }, null],
    ]
    for (const [method, input, session] of cases) {
      const here = dispatch(method, input, session)
      expect(here.ok).toBe(false)
      expect(await worker.invoke(method, input, session)).toEqual(here)
    }
    local.close()
  })

  it('fails to start on a database from a newer app, with the same error name and message', async () => {
    const path = file('newer.db')
    const raw = new Database(path)
    raw.pragma(`user_version = ${MIGRATIONS.length + 5}`)
    raw.close()
    const expected = new DatabaseTooNewError(MIGRATIONS.length + 5, MIGRATIONS.length)
    const failure = await startBackendWorker({ dbFile: path }).then(
      () => null,
      (error: unknown) => error,
    )
    expect(failure).toBeInstanceOf(Error)
    expect((failure as Error).name).toBe('DatabaseTooNewError')
    expect((failure as Error).message).toBe(expected.message)
  })

  it('fails to start on a file that is not a database', async () => {
    const path = file('not-a-db.db')
    writeFileSync(path, 'plain text, not SQLite; plain text, not SQLite; plain text, not SQLite; plain text, not SQLite')
    await expect(startBackendWorker({ dbFile: path })).rejects.toThrow('file is not a database')
  })

  it('reopen swaps the database: the data of file B is served afterwards', async () => {
    const a = file('a.db')
    const b = facilityFile('乙所B')
    const worker = await start(a)
    ok(await call(worker, 'setup:initialize', facility('甲所A')))
    expect(ok(await call(worker, 'setup:status', {})).facilityName).toBe('甲所A')
    await worker.reopen(b)
    expect(ok(await call(worker, 'setup:status', {})).facilityName).toBe('乙所B')
    // A file that cannot be opened is refused with its reason and B stays in service.
    const garbage = file('garbage2.db')
    writeFileSync(garbage, 'not a database, not a database, not a database, not a database, not a database, not a database')
    await expect(worker.reopen(garbage)).rejects.toThrow('file is not a database')
    expect(ok(await call(worker, 'setup:status', {})).facilityName).toBe('乙所B')
  })

  it('close ends the thread; later calls get the internal error', async () => {
    const worker = await startBackendWorker({ dbFile: file('closing.db') })
    await worker.close()
    expect(await worker.invoke('setup:status', {}, null)).toMatchObject({ ok: false, error: { code: 'internal', key: 'err.internal' } })
    await expect(worker.reopen(file('closing.db'))).rejects.toThrow('stopped')
  })

  describe('a long job (setup:loadDemo, 300 people)', () => {
    let worker: BackendWorker
    const events: ProgressEvent[] = []
    let ticks: number[] = []
    let began = 0
    let ended = 0
    let result: ApiResult<Output<'setup:loadDemo'>>

    beforeAll(async () => {
      worker = await startBackendWorker({ dbFile: file('demo.db'), fixedNow: FIXED_NOW.toISOString() })
      worker.onEvent((e) => e.type === 'progress' && events.push(e))
      const timer = setInterval(() => ticks.push(performance.now()), 5)
      began = performance.now()
      result = await call(worker, 'setup:loadDemo', { people: 300 })
      ended = performance.now()
      clearInterval(timer)
      ticks = ticks.filter((t) => t >= began && t <= ended)
    })
    afterAll(() => worker.close())

    it('completes', () => {
      expect(ok(result).accounts.map((a) => a.username)).toContain('admin')
    })

    it("runs off this thread: this thread's timers keep firing while it runs", () => {
      // Run on this thread, the synchronous call would allow no tick at all until it returned.
      expect(ticks.length).toBeGreaterThanOrEqual(3)
      const gaps = ticks.slice(1).map((t, i) => t - ticks[i]!)
      expect(Math.max(...gaps)).toBeLessThan((ended - began) / 2)
    })

    it('reports progress: every 50 people, one job, up to the total', () => {
      const progress = events.filter((e) => e.method === 'setup:loadDemo')
      expect(progress.map((e) => e.done)).toEqual([50, 100, 150, 200, 250, 300])
      expect(new Set(progress.map((e) => e.jobId)).size).toBe(1)
      expect(progress.every((e) => e.type === 'progress' && e.total === 300 && e.label === 'progress.demo.people')).toBe(true)
    })
  })
})
