import { describe, expect, it } from 'vitest'
import type { WriteEffectMap } from '../../renderer/src/api/refresh'
import { createChangeBatcher, staleAfterChanges } from '../../renderer/src/api/changeBatch'
import { backoffDelay, createConnectionStore, isUnreachable, RECONNECTED_MS } from '../../renderer/src/api/connectionStore'
import { DRAFT_MAX_AGE_MS, draftChanges, draftStorageKey, readDraft, replayDraft, sweepDrafts, writeDraft } from '../../renderer/src/lib/drafts'

/** Issue 15 on the renderer side: live updates, the connection banner's state, drafts. Pure parts, fake timers. */

type D = 'people' | 'wards' | 'psych' | 'staff' | 'audit' | 'setup' | 'auth'
const effects: WriteEffectMap<D> = { people: ['wards'], psych: [], setup: 'all' }

/** Timers the test fires by hand, in order of due time. */
function manualTimers() {
  let now = 0
  let seq = 0
  const timers = new Map<number, { at: number; run: () => void }>()
  return {
    now: () => now,
    setTimer: (run: () => void, ms: number) => {
      seq += 1
      timers.set(seq, { at: now + ms, run })
      return seq
    },
    clearTimer: (handle: unknown) => void timers.delete(handle as number),
    pending: () => [...timers.values()].map((t) => t.at - now).sort((a, b) => a - b),
    /** Moves time to the next timer and runs it; false when none is set. */
    fireNext(): boolean {
      const next = [...timers.entries()].sort((a, b) => a[1].at - b[1].at)[0]
      if (!next) return false
      timers.delete(next[0])
      now = next[1].at
      next[1].run()
      return true
    },
  }
}

const settle = () => new Promise((r) => setTimeout(r, 0))

describe('staleAfterChanges', () => {
  it('marks what any of the announced writes makes stale, by the same rule as an own save', () => {
    const stale = staleAfterChanges(['psych:submitAssessment', 'people:movePeriod'], effects)
    expect(['psych:wardScreen', 'people:get', 'wards:list', 'audit:list'].every(stale)).toBe(true)
    expect(stale('staff:list')).toBe(false)
    // The session queries never refresh from someone else's write.
    expect(stale('auth:me')).toBe(false)
  })

  it('a wholesale write (the demo facility) refreshes everything but the session', () => {
    const stale = staleAfterChanges(['setup:loadDemo'], effects)
    expect(stale('staff:list')).toBe(true)
    expect(stale('setup:status')).toBe(false)
  })

  it('nothing announced, nothing stale', () => {
    expect(staleAfterChanges([], effects)('people:get')).toBe(false)
  })
})

describe('createChangeBatcher', () => {
  it('gathers a burst into one flush, each method once, 250 ms after the first', () => {
    const timers = manualTimers()
    const flushed: string[][] = []
    const batcher = createChangeBatcher((m) => flushed.push(m), timers)
    batcher.add('fitness:record')
    batcher.add('fitness:record')
    batcher.add('psych:submitAssessment')
    expect(timers.pending()).toEqual([250])
    expect(flushed).toEqual([])
    timers.fireNext()
    expect(flushed).toEqual([['fitness:record', 'psych:submitAssessment']])
    // The next write starts a new batch.
    batcher.add('people:update')
    timers.fireNext()
    expect(flushed).toHaveLength(2)
    expect(flushed[1]).toEqual(['people:update'])
  })

  it('cancel drops what was gathered', () => {
    const timers = manualTimers()
    const flushed: string[][] = []
    const batcher = createChangeBatcher((m) => flushed.push(m), timers)
    batcher.add('people:update')
    batcher.cancel()
    expect(timers.fireNext()).toBe(false)
    expect(flushed).toEqual([])
  })
})

describe('connection store', () => {
  it('backs off 1, 2, 5, 10, then 30 s for as long as it takes', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map(backoffDelay)).toEqual([1000, 2000, 5000, 10_000, 30_000, 30_000, 30_000])
  })

  it('goes offline at once on a failed call, retries with backoff, and comes back once', async () => {
    const timers = manualTimers()
    let reachable = false
    let pings = 0
    const store = createConnectionStore({ ...timers, ping: () => (pings++, Promise.resolve(reachable)) })
    let reconnects = 0
    store.onReconnected(() => reconnects++)

    store.reportFailure()
    expect(store.getState()).toEqual({ status: 'offline', nextRetryAt: 1000, attempt: 0 })
    // More failures while offline keep the schedule.
    store.reportFailure()
    expect(timers.pending()).toEqual([1000])

    const waits: number[] = []
    for (let i = 0; i < 5; i++) {
      waits.push(timers.pending()[0]!)
      timers.fireNext()
      await settle()
    }
    expect(waits).toEqual([1000, 2000, 5000, 10_000, 30_000])
    expect(pings).toBe(5)
    expect(store.getState().status).toBe('offline')
    expect(timers.pending()).toEqual([30_000])

    reachable = true
    timers.fireNext()
    await settle()
    expect(store.getState().status).toBe('reconnected')
    expect(reconnects).toBe(1)
    expect(timers.pending()).toEqual([RECONNECTED_MS])
    timers.fireNext()
    expect(store.getState()).toEqual({ status: 'online', nextRetryAt: null, attempt: 0 })
  })

  it('any answered call ends the outage; retry now checks at once', async () => {
    const timers = manualTimers()
    const store = createConnectionStore({ ...timers, ping: () => Promise.resolve(false) })
    store.reportFailure()
    store.retryNow()
    await settle()
    expect(store.getState().attempt).toBe(1)
    store.reportReachable()
    expect(store.getState().status).toBe('reconnected')
  })

  it('a dropped event stream goes offline only if the check fails', async () => {
    const timers = manualTimers()
    let reachable = true
    const store = createConnectionStore({ ...timers, ping: () => Promise.resolve(reachable) })
    store.suspect()
    await settle()
    expect(store.getState().status).toBe('online')
    reachable = false
    store.suspect()
    await settle()
    expect(store.getState().status).toBe('offline')
  })

  it('only a missing answer counts as unreachable', () => {
    expect(isUnreachable({ ok: false, error: { code: 'internal', message: 'err.network' } })).toBe(true)
    expect(isUnreachable({ ok: false, error: { code: 'unauthenticated', message: 'x' } })).toBe(false)
    expect(isUnreachable({ ok: true })).toBe(false)
  })
})

function memoryStorage() {
  const map = new Map<string, string>()
  return {
    get length() {
      return map.size
    },
    key: (i: number) => [...map.keys()][i] ?? null,
    getItem: (k: string) => map.get(k) ?? null,
    setItem: (k: string, v: string) => void map.set(k, v),
    removeItem: (k: string) => void map.delete(k),
    clear: () => map.clear(),
    map,
  }
}

describe('drafts', () => {
  const now = Date.parse('2026-03-02T10:00:00Z')
  const key = draftStorageKey('staff-1', 'person.edit.p1')

  it('are kept per staff member and form', () => {
    expect(key).toBe('xinsheng.draft.staff-1.person.edit.p1')
  })

  it('restore replays only the fields the user changed, onto what the form shows now', () => {
    const base = { name: '张三', phone: '1', note: '' }
    const draft = { savedAt: new Date(now).toISOString(), base, values: { ...base, note: '补充说明' } }
    // Someone else changed the phone meanwhile: it stays; the typed note comes back.
    const current = { name: '张三', phone: '2', note: '' }
    expect(replayDraft(current, draft)).toEqual({ name: '张三', phone: '2', note: '补充说明' })
    expect(draftChanges(current, draft)).toBe(true)
    expect(draftChanges({ ...current, note: '补充说明' }, draft)).toBe(false)
  })

  it('drop drafts older than 72 h, and unreadable ones', () => {
    const storage = memoryStorage()
    writeDraft(storage, key, { savedAt: new Date(now - DRAFT_MAX_AGE_MS + 60_000).toISOString(), base: { a: '' }, values: { a: 'x' } })
    expect(readDraft(storage, key, now)?.values).toEqual({ a: 'x' })
    expect(readDraft(storage, key, now + 120_000)).toBeNull()
    expect(storage.map.has(key)).toBe(false)

    storage.setItem('xinsheng.draft.s.old', JSON.stringify({ savedAt: new Date(now - DRAFT_MAX_AGE_MS - 1).toISOString(), base: {}, values: {} }))
    storage.setItem('xinsheng.draft.s.bad', '{')
    storage.setItem('xinsheng.draft.s.new', JSON.stringify({ savedAt: new Date(now).toISOString(), base: {}, values: {} }))
    storage.setItem('xinsheng.lang', 'en')
    sweepDrafts(storage, now)
    expect([...storage.map.keys()].sort()).toEqual(['xinsheng.draft.s.new', 'xinsheng.lang'])
  })
})
