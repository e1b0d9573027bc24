/**
 * The demo facility's released people with follow-up histories (issue 14), so a new user sees the follow-up cohorts,
 * the due screen and the guidance stations filled in: a few guidance stations, then people admitted two to five years
 * ago and released over the last three years (mostly on time, some early, a few converted to community rehab), each
 * with the plan the setting makes and the contacts a diligent team would have recorded — most reached and abstinent,
 * some relapsed, in custody or lost — and the most recent releases still owing their next contacts.
 */
import { randomUUID } from 'node:crypto'
import type { ContactStatus } from '../../shared/contract/aftercare'
import { addDays } from '../../shared/domain/dates'
import { checkCharacterFor } from '../../shared/domain/idNumber'
import type { AftercareReleaseKind } from '../../shared/domain/aftercare/settings'
import { aftercareRepo } from '../aftercare/aftercareRepo'
import { recordContact } from '../aftercare/contactService'
import { stationRepo } from '../aftercare/stationRepo'
import { readSetting } from '../db/settingsRepo'
import type { Db } from '../db/open'
import { insertPerson } from '../people/peopleService'
import { recordRelease } from '../release/releaseService'
import { aftercareDemoRepo } from './aftercareDemoRepo'
import { mobilePhone, regionalParts } from './identityParts'
import { GIVEN_FEMALE, GIVEN_MALE, REGIONS, RELATIONS, SURNAMES } from './names'

interface Draw {
  next(): number
  int(min: number, max: number): number
  pick<T>(items: readonly T[]): T
}

const STATIONS = [
  { name: '锦江区社区戒毒社区康复指导站', kind: 'station', region: '四川省成都市锦江区', contactName: '周站长', contactPhone: '028-86620001' },
  { name: '武侯区社区戒毒社区康复指导站', kind: 'station', region: '四川省成都市武侯区', contactName: '吴站长', contactPhone: '028-85070002' },
  { name: '五华区社区戒毒社区康复指导站', kind: 'station', region: '云南省昆明市五华区', contactName: '郑站长', contactPhone: '0871-63160003' },
  { name: '天河区石牌街道社区', kind: 'community', region: '广东省广州市天河区', contactName: '冯主任', contactPhone: '020-38860004' },
  { name: '渝中区解放碑街道社区', kind: 'community', region: '重庆市渝中区', contactName: '陈主任', contactPhone: '023-63830005' },
] as const

type Course = 'abstinent' | 'relapsed' | 'in_custody' | 'lost'

/** Seeds stations and `count` released people with their follow-ups; `by` records (a ward officer), `today` the facility's day. */
export function seedAftercare(db: Db, r: Draw, o: { count: number; wardIds: readonly string[]; by: string; today: string; at: string }): { released: number; contacts: number } {
  const stationIds = STATIONS.map((s) => {
    const id = randomUUID()
    stationRepo.insert(db, { id, fields: { ...s, address: null, note: null }, at: o.at, by: o.by })
    return id
  })
  const helpKinds = readSetting(db, 'aftercare.helpKinds')
  let contacts = 0
  for (let n = 0; n < o.count; n++) {
    // Released between three years ago and a week ago; the newest ones owe their next contacts now.
    const releaseDate = addDays(o.today, -(n % 5 === 0 ? o.count - n + 7 : Math.floor(((n * 37) % 1100) + 7)))
    const kind: AftercareReleaseKind = n % 9 === 4 ? 'early' : n % 17 === 8 ? 'community_conversion' : 'on_time'
    const decisionDate = addDays(releaseDate, kind === 'on_time' ? -729 : -r.int(400, 700))
    const personId = demoPerson(db, r, { decisionDate, wardId: o.wardIds[n % o.wardIds.length]!, by: o.by, at: o.at, today: o.today })
    const stationId = n % 4 === 3 ? null : stationIds[n % stationIds.length]!
    const at = `${releaseDate}T08:00:00.000Z`
    const receiver = stationId ? STATIONS[stationIds.indexOf(stationId)]!.name : `${r.pick(REGIONS).place}社区`
    // Released through the release domain (plan and confirm in one go); its confirmation makes the follow-up plan.
    const { releaseId } = recordRelease(
      db,
      {
        personId,
        kind,
        releaseDate,
        details: kind === 'early' ? { decisionDocNo: `提前解除决定〔${releaseDate.slice(0, 4)}〕${n}号` } : kind === 'community_conversion' ? { decisionDocNo: `社区戒毒决定〔${n}〕号`, reason: '所外就医不宜回所' } : {},
        certificateNo: `解戒证字〔${releaseDate.slice(0, 4)}〕${String(100 + n)}号`,
        organNotifiedOn: addDays(releaseDate, -7),
        familyNotifiedOn: addDays(releaseDate, -3),
        collectedBy: '家属',
        stationId,
        receivingCommunity: stationId ? null : receiver,
        fileHandedOverOn: releaseDate,
        fileHandedTo: receiver,
      },
      { at, by: o.by },
    )
    contacts += seedContacts(db, r, { personId, releaseId, stationId, today: o.today, by: o.by, helpIds: helpKinds.map((h) => h.id), course: pickCourse(r) })
  }
  return { released: o.count, contacts }
}

function pickCourse(r: Draw): Course {
  const x = r.next()
  return x < 0.6 ? 'abstinent' : x < 0.8 ? 'relapsed' : x < 0.88 ? 'in_custody' : 'lost'
}

/** Contacts for the plan's slots already listed, most made; the course shows from a random slot on. */
function seedContacts(db: Db, r: Draw, o: { personId: string; releaseId: string; stationId: string | null; today: string; by: string; helpIds: string[]; course: Course }): number {
  const slots = aftercareRepo.slots(db, o.releaseId)
  const turn = r.int(3, 12)
  let made = 0
  for (const slot of slots) {
    if (slot.windowFrom > o.today || r.next() > (slot.seq <= 2 ? 0.9 : 0.7)) continue
    const latest = slot.dueOn < o.today ? slot.dueOn : o.today
    const contactOn = addDays(slot.windowFrom, r.int(0, Math.max(0, Math.round((Date.parse(latest) - Date.parse(slot.windowFrom)) / 86_400_000))))
    const late = slot.seq >= turn && o.course !== 'abstinent'
    const status: ContactStatus | null = late ? (o.course === 'lost' ? 'lost_contact' : o.course) : r.next() < 0.94 ? 'abstinent' : null
    const reached = status !== null && status !== 'lost_contact'
    const method = status === 'lost_contact' ? 'phone' : o.stationId && r.next() < 0.3 ? 'station' : r.pick(['phone', 'phone', 'visit', 'family'] as const)
    recordContact(
      db,
      o.personId,
      {
        // As staff record them: the earliest open planned contact already listed (a skipped one is caught up).
        slotId: undefined, contactOn, method, reached, status,
        employment: reached ? r.pick(['employed', 'employed', 'unemployed', 'unknown'] as const) : null,
        employer: null,
        help: reached && r.next() < 0.35 ? [r.pick(o.helpIds)] : [],
        stationId: method === 'station' ? o.stationId : null,
        staff: null,
        note: late && o.course === 'relapsed' ? '家属反映近期复吸，已通报社区' : null,
      },
      { today: o.today, helpKinds: readSetting(db, 'aftercare.helpKinds') },
      { at: `${contactOn}T06:00:00.000Z`, by: o.by },
    )
    made += 1
    if (status === 'in_custody' || status === 'lost_contact') break
  }
  return made
}

function demoPerson(db: Db, r: Draw, o: { decisionDate: string; wardId: string; by: string; at: string; today: string }): string {
  const sex = r.next() < 0.86 ? 'M' : 'F'
  const region = r.pick(REGIONS)
  const admissionDate = addDays(o.decisionDate, r.int(90, 150))
  const birthDate = addDays(o.decisionDate, -r.int(20 * 365, 50 * 365))
  let idNumber: string
  do {
    const seq = r.int(50, 99) * 2 + (sex === 'M' ? 1 : 0)
    const body = `${region.code}${birthDate.replaceAll('-', '')}${String(seq).padStart(3, '0').slice(-3)}`
    idNumber = body + checkCharacterFor(body)
  } while (aftercareDemoRepo.idNumberTaken(db, idNumber))
  const given = sex === 'M' ? GIVEN_MALE : GIVEN_FEMALE
  return insertPerson(db, o.by, o.at, o.today, {
    name: r.pick(SURNAMES) + r.pick(given) + (r.next() < 0.7 ? r.pick(given) : ''),
    sex,
    ethnicity: '汉族',
    birthDate,
    idNumber,
    ...regionalParts(r, region, o.decisionDate),
    decisionDate: o.decisionDate,
    admissionDate,
    emergencyContactName: r.pick(SURNAMES) + r.pick(GIVEN_FEMALE),
    emergencyContactRelation: r.pick(RELATIONS),
    emergencyContactPhone: mobilePhone(r),
    wardId: o.wardId,
    period: 'detox',
    periodStart: admissionDate,
    note: null,
  })
}
