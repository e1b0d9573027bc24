/**
 * The benchmark facility's ward records (issue 13): for every current resident's stay, an admission talk, about a talk
 * a month, a reward or sanction most months, about a family visit a month, now and then an outside medical visit, a
 * few 包夹 watches and some talks planned ahead (3,000 residents → ~35,000 talks, ~25,000 conduct entries). Written by
 * the same seed as the demo (core/wardwork/wardworkSeed.ts) through the repository the services use.
 */
import type { Db } from '../../../electron/core/db/open'
import { seedWardRecords, type SeedStay } from '../../../electron/core/wardwork/wardworkSeed'
import type { Stay } from './people'
import type { Random } from './random'

/** The ward a stay was in on a day (a move on day D: D belongs to the new ward, as the ward history reads). */
const wardOn = (stay: Stay, on: string) => (stay.wards.find((w) => w.start <= on && (w.end === null || on < w.end)) ?? stay.wards[stay.wards.length - 1]!).wardId

export function writeWardRecords(o: { db: Db; r: Random; today: string; stays: readonly Stay[]; officerOf: (wardId: string) => string }) {
  const current = o.stays.filter((s) => s.current)
  const byWard = new Map<string, SeedStay[]>()
  for (const stay of current) {
    const seedStay: SeedStay = { personId: stay.personId, admissionDate: stay.admissionDate, releaseDate: null, wardOn: (d) => wardOn(stay, d) }
    const ward = wardOn(stay, o.today)
    byWard.set(ward, [...(byWard.get(ward) ?? []), seedStay])
  }
  const total = { talks: 0, conduct: 0, visits: 0, medical: 0, measures: 0 }
  const at = `${o.today}T00:00:00.000Z`
  for (const [ward, stays] of byWard) {
    const counts = seedWardRecords(o.db, o.r, stays, o.officerOf(ward), o.today, at)
    for (const key of Object.keys(total) as Array<keyof typeof total>) total[key] += counts[key]
  }
  return total
}
