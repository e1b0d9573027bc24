/** Shared by the backup tests: a facility in a real database file behind core/backend.ts, and per-table checksums. */
import { createHash } from 'node:crypto'
import { openBackend, type Backend } from '../../electron/core/backend'
import { backupRunning } from '../../electron/core/backup/backupRuntime'
import type { Clock } from '../../electron/core/context'
import type { Db } from '../../electron/core/db/open'
import type { ApiResult, Input, MethodName, Output } from '../../electron/shared/contract'
import { ADMIN, fixedClock, ok, personInput } from './helpers'

export interface FacilityBackend {
  backend: Backend
  admin: string
  wardId: string
  call<M extends MethodName>(method: M, input: Input<M>, session?: string | null): ApiResult<Output<M>>
}

/** A facility set up in `file` with one ward and `people` files, the admin signed in; no daily timer. */
export function facilityBackend(file: string, people = 3, clock: Clock = fixedClock): FacilityBackend {
  const backend = openBackend({ file, clock, dailyBackups: false })
  const call = <M extends MethodName>(method: M, input: Input<M>, session: string | null = admin) =>
    backend.dispatch(method, input, session) as ApiResult<Output<M>>
  let admin: string | null = null
  ok(call('setup:initialize', { facilityName: '测试强制隔离戒毒所', wards: [{ name: '一大队', capacity: 100 }], admin: ADMIN }, null))
  admin = ok(call('auth:login', { username: ADMIN.username, password: ADMIN.password }, null)).sessionId
  const wardId = ok(call('wards:list', {}))[0]!.id
  for (let i = 0; i < people; i++) addPerson({ backend, admin, wardId, call } as FacilityBackend, i)
  return { backend, admin, wardId, call }
}

/** Valid GB 11643 numbers differ in their sequence digits; the check digit is computed here. */
function idNumber(seq: number): string {
  const body = `11010119900307${String(100 + seq).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((acc, d, i) => acc + Number(d) * weights[i]!, 0)
  return body + '10X98765432'[sum % 11]!
}

export function addPerson(f: FacilityBackend, seq: number): string {
  const sex = (100 + seq) % 2 === 1 ? 'M' : 'F'
  return ok(f.call('people:create', personInput(f.wardId, { name: `${'张王李赵'[seq % 4]}${'甲乙丙丁戊己庚辛壬癸'[seq % 10]}`, idNumber: idNumber(seq), sex }))).id
}

/** SHA-256 of each table's rows (rows as JSON, sorted, so the order rows happen to be stored in does not matter). */
export function tableChecksums(db: Db): Record<string, string> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as Array<{ name: string }>
  const sums: Record<string, string> = {}
  for (const { name } of tables) {
    const rows = (db.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
    sums[name] = createHash('sha256').update(rows.join('\n')).digest('hex')
  }
  return sums
}

/** Waits until no backup runs on this database (the copy goes on between event-loop turns). */
export async function backupsSettled(f: FacilityBackend, timeoutMs = 15_000): Promise<void> {
  const until = Date.now() + timeoutMs
  while (backupRunning(f.backend.db)) {
    if (Date.now() > until) throw new Error('backup still running')
    await new Promise((r) => setTimeout(r, 10))
  }
}

/** Lets the restore's swap (queued after the call's transaction) run. */
export const afterCall = () => new Promise<void>((r) => setImmediate(r))
