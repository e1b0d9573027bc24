/**
 * The facility server's heavy reads on a read-only connection (server/readRouting.ts): a writer worker and a reader
 * worker on one WAL database file, calls routed as the server routes them. Real SQLite, real threads.
 */
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openBackend } from '../../electron/core/backend'
import { heavyReadProblems, routeHeavyReads, type HeavyReadRouter } from '../../electron/core/server/readRouting'
import { startBackendWorker, type BackendWorker } from '../../electron/core/worker/client'
import type { ApiResult, Input, MethodName, Output } from '../../electron/shared/contract'
import { ADMIN, FIXED_NOW, fixedClock, ok, personInput, tempDir } from './helpers'

const temp = tempDir('xinsheng-reader-')
let writer: BackendWorker
let dbFile = ''
let router: HeavyReadRouter
let route: HeavyReadRouter['invoke']
let readers = 0
let admin: string
let wardId: string

async function call<M extends MethodName>(invoke: (m: unknown, i: unknown, s: string | null) => Promise<ApiResult<unknown>>, method: M, input: Input<M>, session: string | null) {
  return (await invoke(method, input, session)) as ApiResult<Output<M>>
}

beforeAll(async () => {
  const file = join(temp.dir, 'facility.db')
  const setup = openBackend({ file, clock: fixedClock, dailyBackups: false })
  ok(setup.dispatch('setup:initialize', { facilityName: '测试所', wards: [{ name: '一大队', capacity: 100 }], admin: ADMIN }, null) as ApiResult<null>)
  setup.close()
  const fixedNow = FIXED_NOW.toISOString()
  writer = await startBackendWorker({ dbFile: file, fixedNow, serving: { mode: 'facility' } })
  dbFile = file
  router = routeHeavyReads(writer, async () => {
    readers++
    return startBackendWorker({ dbFile: file, fixedNow, role: 'reader' })
  })
  route = router.invoke
  admin = ok(await call(writer.invoke, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
  wardId = ok(await call(writer.invoke, 'wards:list', {}, admin))[0]!.id
}, 30_000)

afterAll(async () => {
  await router?.close()
  await writer?.close()
  temp.cleanup()
})

describe('heavy reads', () => {
  it('the listed methods exist, write nothing and never refuse by ward', () => {
    expect(heavyReadProblems()).toEqual([])
  })

  it('answer on the reader exactly as the writer would, and see the writer’s commits at once', async () => {
    const before = ok(await call(route, 'stats:dashboard', { months: 12 }, admin))
    expect(before).toEqual(ok(await call(writer.invoke, 'stats:dashboard', { months: 12 }, admin)))
    ok(await call(writer.invoke, 'people:create', personInput(wardId), admin))
    const after = ok(await call(route, 'stats:dashboard', { months: 12 }, admin))
    expect(after).toEqual(ok(await call(writer.invoke, 'stats:dashboard', { months: 12 }, admin)))
    expect(after).not.toEqual(before)
  })

  it('a call without a live session is answered by the writer: unauthenticated', async () => {
    expect(await call(route, 'stats:dashboard', { months: 12 }, 'no-such-session')).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
    expect(await call(route, 'stats:dashboard', { months: 12 }, null)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } })
  })

  it('a caller without the permission is refused by the writer (and the refusal recorded)', async () => {
    ok(await call(writer.invoke, 'staff:create', { username: 'trainer1', displayName: '康复甲', role: 'trainer', wardIds: [wardId], password: 'Trainer#2026pw' }, admin))
    const trainer = ok(await call(writer.invoke, 'auth:login', { username: 'trainer1', password: 'Trainer#2026pw' }, null)).sessionId
    expect(await call(route, 'aftercare:cohorts', { year: 2026 } as never, trainer)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    const events = ok(await call(writer.invoke, 'audit:list', { limit: 5 } as never, admin)) as { rows: Array<{ method: string }> }
    expect(events.rows.map((r) => r.method)).toContain('security:forbidden')
  })

  it('the reader answers nothing else: a write sent to it is refused without writing', async () => {
    // Its own reader, closed again at once: a second reader would hold the file open through the restore below.
    const reader = await startBackendWorker({ dbFile, fixedNow: FIXED_NOW.toISOString(), role: 'reader' })
    const answer = await call(reader.invoke, 'people:create', personInput(wardId, { idNumber: '110101199003070038' }), (ok(await call(writer.invoke, 'auth:me', {}, admin)))!.id)
    await reader.close()
    expect(answer).toMatchObject({ ok: false, error: { code: 'internal' } })
    const list = ok(await call(writer.invoke, 'people:list', {}, admin))
    expect(list.rows.some((r) => r.idTail.endsWith('0038'))).toBe(false)
    expect(list.rows).toHaveLength(1)
  })
})

describe('a restore rewrites the file in place', () => {
  it('the reader is closed before and a new one started after; heavy reads then see the restored data', async () => {
    const { file: name } = ok(await call(writer.invoke, 'backup:run', {}, admin))
    // The backup job continues after the call; wait until the history lists it whole.
    const until = Date.now() + 15_000
    let file = ''
    while (!file) {
      const entry = ok(await call(writer.invoke, 'backup:list', {}, admin)).entries.find((e) => e.name === name && e.checksum === 'ok')
      if (entry) file = entry.file
      else if (Date.now() > until) throw new Error('backup not finished in 15 s')
      else await new Promise((r) => setTimeout(r, 50))
    }
    const atBackup = ok(await call(route, 'stats:dashboard', { months: 12 }, admin))
    ok(await call(writer.invoke, 'people:create', personInput(wardId, { idNumber: '110101199003070054', name: '王五' }), admin))
    expect(ok(await call(route, 'stats:dashboard', { months: 12 }, admin))).not.toEqual(atBackup)
    const before = readers
    ok(await call(route, 'backup:restore', { file }, admin))
    expect(readers).toBe(before + 1)
    const again = ok(await call(writer.invoke, 'auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
    expect(ok(await call(route, 'stats:dashboard', { months: 12 }, again))).toEqual(ok(await call(writer.invoke, 'stats:dashboard', { months: 12 }, again)))
  })
})
