import { randomUUID } from 'node:crypto'
import type { DemoAccount } from '../../shared/contract'
import { wardNameFor } from '../../shared/domain/chineseNumerals'
import { addDays, todayIn } from '../../shared/domain/dates'
import { checkCharacterFor } from '../../shared/domain/idNumber'
import type { Period } from '../../shared/domain/periods'
import type { Role } from '../../shared/domain/roles'
import { createStaff } from '../auth/staffService'
import { FACILITY_TIME_ZONE, type Clock } from '../context'
import type { Db } from '../db/open'
import { currentPeriodTemplateVersion } from '../config/periodTemplates'
import { initializeFacility } from '../facility/facilityService'
import { insertPeriodMove, setCurrentPeriod } from '../people/peopleRepo'
import { insertPerson } from '../people/peopleService'
import { insertWard } from '../wards/wardsService'
import { seedPsychology } from './psychDemo'
import { seedVocational } from './vocational'
import { seedKnowledge } from './knowledge'
import { seedAssessments } from '../assessment/assessmentSeed'
import { demoStays } from '../assessment/assessmentQueries'
import { seedDemoWardRecords } from '../wardwork/wardworkSeed'
import { seedAftercare } from './aftercare'
import { mulberry32 } from './random'
import { mobilePhone, regionalParts } from './identityParts'
import { GIVEN_FEMALE, GIVEN_MALE, REGIONS, RELATIONS, SURNAMES } from './names'

/** A seeded generator, so the same seed gives the same facility. */
function rng(seed: number) {
  const next = mulberry32(seed)
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1))
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  return { next, int, pick }
}

/**
 * The demo's accounts and the wards each is responsible for (包队责任制): the officer his first ward; the counsellor,
 * trainer and vocational teacher of a small facility cover every ward.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<DemoAccount & { role: Role; wards: 'every' | readonly number[] }> = [
  { username: 'admin', password: 'Admin#2026', role: 'admin', displayName: '王建国', wards: [] },
  { username: 'xinli', password: 'Xinli#2026', role: 'counsellor', displayName: '李敏', wards: 'every' },
  { username: 'kangfu', password: 'Kangfu#2026', role: 'trainer', displayName: '赵强', wards: 'every' },
  { username: 'zhineng', password: 'Zhineng#2026', role: 'vocational', displayName: '陈丽', wards: 'every' },
  { username: 'minjing', password: 'Minjing#2026', role: 'ward_officer', displayName: '刘伟', wards: [0] },
]

/** The ids of the wards a demo account covers. */
export function demoAccountWards(account: (typeof DEMO_ACCOUNTS)[number], wardIds: readonly string[]): string[] {
  return account.wards === 'every' ? [...wardIds] : account.wards.map((i) => wardIds[i]!)
}

export interface DemoOptions {
  people: number
  seed: number
  clock: Clock
  facilityName?: string
  /** People per ward (wards hold 150); the bench fills wards of exactly 150. */
  wardSize?: number
  /** Seed assessments, tasks, a crisis and counselling sessions (default true). */
  psychology?: boolean
  /** Add released people (a fifth as many as `people`, besides them) with follow-up histories and guidance stations (default true). */
  aftercare?: boolean
  /** Told every 50 people (a large demo takes seconds; the window shows progress). */
  onProgress?: (done: number, total: number, label: string) => void
}

/** Fills an empty database with a realistic facility: wards, staff of every role, people spread over the periods. */
export function generateDemo(db: Db, options: DemoOptions): DemoAccount[] {
  const r = rng(options.seed)
  const at = options.clock.now().toISOString()
  const today = todayIn(FACILITY_TIME_ZONE, options.clock.now())
  initializeFacility(db, options.facilityName ?? '示范省第一强制隔离戒毒所', at)

  const wardCount = Math.max(4, Math.ceil(options.people / Math.min(options.wardSize ?? 110, 150)))
  const wardIds = Array.from({ length: wardCount }, (_, i) =>
    insertWard(db, at, { name: wardNameFor(i + 1), capacity: 150, note: null }),
  )
  const staffIds = DEMO_ACCOUNTS.map((a) =>
    createStaff(db, at, { username: a.username, displayName: a.displayName, role: a.role, password: a.password, wardIds: demoAccountWards(a, wardIds) }),
  )
  const officerId = staffIds[4]!
  const usedIds = new Set<string>()
  const admitted: Array<{ id: string; admissionDate: string }> = []

  for (let n = 0; n < options.people; n++) {
    const sex = r.next() < 0.86 ? 'M' : 'F'
    const region = r.pick(REGIONS)
    const daysSinceDecision = r.int(95, 715)
    const decisionDate = addDays(today, -daysSinceDecision)
    // 3–6 months in the public-security facility before transfer (戒毒条例 §27), never later than today.
    const admissionDate = addDays(decisionDate, Math.min(r.int(90, 180), daysSinceDecision - 1))
    const birthDate = addDays(decisionDate, -r.int(20 * 365, 55 * 365))
    let idNumber: string
    do {
      const seq = r.int(0, 49) * 2 + (sex === 'M' ? 1 : 0)
      const body = `${region.code}${birthDate.replaceAll('-', '')}${String(r.int(0, 9))}${String(seq).padStart(2, '0')}`
      idNumber = body + checkCharacterFor(body)
    } while (usedIds.has(idNumber))
    usedIds.add(idNumber)
    const given = sex === 'M' ? GIVEN_MALE : GIVEN_FEMALE
    const name = r.pick(SURNAMES) + r.pick(given) + (r.next() < 0.7 ? r.pick(given) : '')
    const wardId = wardIds[n % wardCount]!
    const id = insertPerson(db, officerId, at, today, {
      name,
      sex,
      ethnicity: r.next() < 0.9 ? '汉族' : r.pick(['回族', '彝族', '壮族', '苗族', '傣族', '土家族'] as const),
      birthDate,
      idNumber,
      ...regionalParts(r, region, decisionDate),
      decisionDate,
      admissionDate,
      emergencyContactName: r.pick(SURNAMES) + r.pick(r.next() < 0.5 ? GIVEN_MALE : GIVEN_FEMALE),
      emergencyContactRelation: r.pick(RELATIONS),
      emergencyContactPhone: mobilePhone(r),
      wardId,
      period: 'detox',
      periodStart: admissionDate,
      note: null,
    })
    advancePeriods(db, id, officerId, at, admissionDate, decisionDate, today, r.int(18, 35))
    admitted.push({ id, admissionDate })
    if ((n + 1) % 50 === 0 || n + 1 === options.people) options.onProgress?.(n + 1, options.people, 'progress.demo.people')
  }
  if (options.psychology ?? true) seedPsychology(db, r, admitted, staffIds[1]!, at, today)
  seedVocational(db, r, admitted, staffIds[3]!, at, today)
  seedKnowledge(db, options.seed, admitted, staffIds[3]!, at, today)
  seedAssessments(db, demoStays(db, admitted.map((p) => p.id), today), mulberry32(options.seed * 11 + 5), staffIds[4]!, at)
  seedDemoWardRecords(db, r, admitted, officerId, today, at)
  if (options.aftercare ?? true) seedAftercare(db, r, { count: Math.max(12, Math.round(options.people / 5)), wardIds, by: officerId, today, at })
  return DEMO_ACCOUNTS.map(({ username, password, role, displayName }) => ({ username, password, role, displayName }))
}

/** Moves a new file through the periods its time in the facility implies, leaving a realistic history. */
function advancePeriods(db: Db, personId: string, by: string, at: string, admission: string, decision: string, today: string, detoxDays: number) {
  const lastDay = addDays(addDays(decision, 730), -1)
  const starts: Array<[Period, string]> = [
    ['education', addDays(admission, detoxDays)],
    ['rehabilitation', addDays(admission, detoxDays + 75)],
    ['return', addDays(lastDay, -90)],
  ]
  let current: Period = 'detox'
  let since = admission
  for (const [period, start] of starts) {
    if (start > today || start <= since) break
    insertPeriodMove(db, { id: randomUUID(), personId, fromPeriod: current, toPeriod: period, effectiveDate: start, recordedAt: at, recordedBy: by, note: '阶段评估合格', correction: false, periodTemplateVersion: currentPeriodTemplateVersion(db) })
    current = period
    since = start
  }
  // The file was just created by the same officer at the same moment, so its "updated" stamp stays as it was.
  setCurrentPeriod(db, personId, current, since, { at, by })
}
