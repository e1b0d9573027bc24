/**
 * Crash test (issue 10): a child process writes acknowledged batches into a database file and is killed with SIGKILL
 * at random moments, round after round. After each kill the file must open, pass SQLite's integrity and foreign-key
 * checks and the audit chain's verification (key, chain, anchor, triggers), hold every batch the child acknowledged,
 * and hold no partial batch: each person present has all the rows its one `people:create` transaction writes.
 */
import { spawn } from 'node:child_process'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { afterAll, describe, expect, it } from 'vitest'
import { verifyAudit } from '../../electron/core/audit/auditLog'
import { integrityCheck, openDatabase, type Db } from '../../electron/core/db/open'
import { ADMIN, makeWorld, REPO_ROOT, tempDir } from './helpers'

const ROUNDS = 12
/** Seeded, so a failing round can be replayed: each round waits for a different number of acks and extra delay. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0
    return state / 2 ** 32
  }
}

const WRITER = join(REPO_ROOT, 'tests', 'unit', 'fixtures', 'crashWriter.ts')

/**
 * Runs the writer until it has acknowledged `acks` batches, waits `extraMs` more, kills it; answers the acknowledged
 * batches. With `acks` 0 the kill comes `extraMs` after the start, whatever the writer is doing (loading, opening the
 * database, signing in, or writing).
 */
function runAndKill(file: string, acks: number, extraMs: number): Promise<{ acked: number[]; stderr: string }> {
  return new Promise((resolve, reject) => {
    // Node itself with tsx's loader: the process killed is the writer (the tsx command would leave its own child running).
    const child = spawn(process.execPath, ['--import', 'tsx', WRITER, file, ADMIN.username, ADMIN.password], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
    const acked: number[] = []
    let stderr = ''
    let killing = false
    const giveUp = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`the writer acknowledged ${acked.length} batches in 15 s: ${stderr}`))
    }, 15_000)
    if (acks === 0) {
      killing = true
      setTimeout(() => child.kill('SIGKILL'), extraMs)
    }
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /^ack (\d+)$/.exec(line)
      if (!match) return
      // Every ack counts, also those read after the kill was decided: each was printed after its commit.
      acked.push(Number(match[1]))
      if (acked.length >= acks && !killing) {
        killing = true
        setTimeout(() => child.kill('SIGKILL'), extraMs)
      }
    })
    child.on('exit', (code, signal) => {
      clearTimeout(giveUp)
      if (signal !== 'SIGKILL') reject(new Error(`the writer stopped by itself (code ${code}) after ${acked.length} acks (last ${acked.at(-1)}): ${stderr.slice(0, 400)}`))
      else resolve({ acked, stderr })
    })
  })
}

/** Batches (people rows of the writer) whose rows are not all there: the person without its ward, period, terms or audit row. */
function partialBatches(db: Db): string[] {
  return (db.prepare(`
    SELECT p.decision_doc_no AS doc FROM people p
    WHERE p.decision_doc_no LIKE 'crash-%' AND (
      NOT EXISTS (SELECT 1 FROM ward_assignments w WHERE w.person_id = p.id)
      OR NOT EXISTS (SELECT 1 FROM period_moves m WHERE m.person_id = p.id)
      OR NOT EXISTS (SELECT 1 FROM person_search_terms t WHERE t.person_id = p.id)
      OR NOT EXISTS (SELECT 1 FROM audit_log a WHERE a.method = 'people:create' AND a.record_id = p.id))
  `).all() as { doc: string }[]).map((r) => r.doc)
}

const batchesIn = (db: Db): number[] =>
  (db.prepare("SELECT decision_doc_no AS doc FROM people WHERE decision_doc_no LIKE 'crash-%'").all() as { doc: string }[])
    .map((r) => Number(r.doc.slice('crash-'.length)))
    .sort((a, b) => a - b)

const temp = tempDir('xinsheng-crash-')
afterAll(() => temp.cleanup())

describe('killed while writing', () => {
  it(`keeps every acknowledged batch and no partial one, over ${ROUNDS} SIGKILLs`, async () => {
    const file = join(temp.dir, 'crash.db')
    makeWorld([], file).close()
    const random = seededRandom(0x5eed)
    const acknowledged = new Set<number>()
    for (let round = 0; round < ROUNDS; round++) {
      // Every fourth round the kill comes at a time from the start, so some land while the file is being opened.
      const early = round % 4 === 3
      const { acked } = early
        ? await runAndKill(file, 0, 100 + Math.floor(random() * 800))
        : await runAndKill(file, 1 + Math.floor(random() * 25), Math.floor(random() * 15))
      if (!early) expect(acked.length, `round ${round}`).toBeGreaterThan(0)
      for (const n of acked) acknowledged.add(n)

      const db = openDatabase(file)
      try {
        const integrity = integrityCheck(db)
        expect(integrity.ok, `round ${round}: ${JSON.stringify(integrity)}`).toBe(true)
        const audit = verifyAudit(db)
        expect(audit, `round ${round}`).toMatchObject({ ok: true })
        const present = batchesIn(db)
        expect([...acknowledged].filter((n) => !present.includes(n)), `round ${round}: acknowledged batches lost`).toEqual([])
        // Batches are numbered from the count already committed, so the committed ones are 0..k-1 without a gap.
        expect(present, `round ${round}`).toEqual(present.map((_, i) => i))
        expect(partialBatches(db), `round ${round}: partial batches`).toEqual([])
      } finally {
        db.close()
      }
    }
  }, 120_000)
})
