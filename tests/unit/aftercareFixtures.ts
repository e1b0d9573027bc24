/**
 * Aftercare test fixtures: a world with released people. A release is written as a raw row (status released, the
 * person's ward cleared) and its plan made by createFollowUpPlan — as the release service's confirmation does — so
 * these tests stand without the release domain's screens.
 */
import { randomUUID } from 'node:crypto'
import type { Input, MethodName } from '../../electron/shared/contract'
import type { AftercareReleaseKind } from '../../electron/shared/domain/aftercare/settings'
import { createFollowUpPlan } from '../../electron/core/aftercare/aftercareService'
import type { Db } from '../../electron/core/db/open'
import { call, makeWorld, ok, personInput } from './helpers'

let idSeq = 0
/** A distinct Chinese name per person. */
export const nameFor = (n: number) => `${'赵钱孙李周吴郑王冯陈'[n % 10]}${'甲乙丙丁戊己庚辛壬癸'[Math.floor(n / 10) % 10]}${'明亮华强军'[Math.floor(n / 100) % 5]}`
/** A distinct valid ID number per person (checksum computed). */
export function idNumberFor(n: number): string {
  const body = `11010119900307${String((2 * n + 1) % 1000).padStart(3, '0')}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...body].reduce((s, d, i) => s + Number(d) * weights[i]!, 0)
  return body + '10X98765432'[sum % 11]!
}

export function releaseRaw(db: Db, personId: string, r: { kind?: AftercareReleaseKind; releaseDate: string; stationId?: string | null; by: string }): string {
  const id = randomUUID()
  const at = `${r.releaseDate}T08:00:00.000Z`
  const wardId = (db.prepare('SELECT ward_id AS w FROM people WHERE id = ?').get(personId) as { w: string | null }).w
  db.prepare(
    `INSERT INTO releases (id, person_id, kind, status, release_date, from_ward_id, station_id, created_at, created_by, updated_at, updated_by, released_at, released_by)
     VALUES (?, ?, ?, 'released', ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(id, personId, r.kind ?? 'on_time', r.releaseDate, wardId, r.stationId ?? null, at, r.by, at, r.by, at, r.by)
  db.prepare('UPDATE people SET ward_id = NULL, period = NULL WHERE id = ?').run(personId)
  createFollowUpPlan(db, { releaseId: id, personId, kind: r.kind ?? 'on_time', releaseDate: r.releaseDate }, { at, by: r.by })
  return id
}

export function aftercareWorld(file = ':memory:') {
  const w = makeWorld(['ward_officer', 'counsellor', 'trainer'], file)
  const admin = w.sessions.admin!
  const adminId = (w.db.prepare("SELECT id FROM staff WHERE username = 'admin'").get() as { id: string }).id
  const run = <M extends MethodName>(m: M, input: Input<M>, session = admin) => call(w.dispatch, m, input, session)
  /** A person admitted to ward a and released on `releaseDate`. */
  const released = (releaseDate: string, kind: AftercareReleaseKind = 'on_time', stationId: string | null = null, ward: 'a' | 'b' = 'a') => {
    idSeq += 1
    const personId = ok(run('people:create', personInput(w.wards[ward], { name: nameFor(idSeq), idNumber: idNumberFor(idSeq), admissionDate: '2024-01-10', decisionDate: '2024-01-05' }))).id
    const releaseId = releaseRaw(w.db, personId, { kind, releaseDate, stationId, by: adminId })
    return { personId, releaseId }
  }
  return { w, admin, adminId, run, released }
}

export const contact = (over: Partial<Input<'aftercare:recordContact'>> & { personId: string }): Input<'aftercare:recordContact'> => ({
  contactOn: '2026-11-01',
  method: 'phone',
  reached: true,
  status: 'abstinent',
  ...over,
})
