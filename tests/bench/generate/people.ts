/**
 * The benchmark facility's people: current residents filling every ward, and the files of people whose stay ended in
 * earlier years. Rows are written with the people repository's own writers (the rows `insertPerson`, period moves,
 * ward moves and term events store), with the final state computed up front instead of replaying each service call:
 * 53,000 files through the services' validation would take minutes.
 */
import { addDays, addMonths, daysBetween } from '../../../electron/shared/domain/dates'
import { checkCharacterFor } from '../../../electron/shared/domain/idNumber'
import type { Period } from '../../../electron/shared/domain/periods'
import type { Sex } from '../../../electron/shared/domain/person'
import { currentPeriodTemplateVersion } from '../../../electron/core/config/periodTemplates'
import type { Db } from '../../../electron/core/db/open'
import { mobilePhone, regionalParts } from '../../../electron/core/demo/identityParts'
import { GIVEN_CHARS_FEMALE, GIVEN_CHARS_MALE, REGIONS, RELATIONS, SURNAME_FREQUENCIES } from '../../../electron/core/demo/names'
import {
  endWardAssignment,
  IDENTITY_FIELDS,
  insertPeriodMove,
  insertPersonRow,
  insertRevision,
  insertTermEvent,
  insertWardAssignment,
  type PersonRecord,
  type TermEventRecord,
} from '../../../electron/core/people/peopleRepo'
import { personTerm } from '../../../electron/core/people/personTerm'
import { namePinyin } from '../../../electron/core/people/pinyin'
import { weightedPicker, type Random } from './random'

/** A stay as the psychology generator needs it: who, from when to when, in which ward on which day. */
export interface Stay {
  personId: string
  current: boolean
  admissionDate: string
  /** The day the person left (past files); null while still held. */
  releaseDate: string | null
  wards: Array<{ wardId: string; start: string; end: string | null }>
}

export interface PeopleContext {
  db: Db
  r: Random
  today: string
  wardIds: string[]
  /** The ward officer who records a ward's files (index as wardIds). */
  officerOf: string[]
}

const pickSurname = weightedPicker(SURNAME_FREQUENCIES)
const ETHNIC_MINORITIES = ['回族', '彝族', '壮族', '苗族', '傣族', '土家族'] as const
/** Stays ended in these years; more in recent ones (the facility grew). */
const PAST_YEARS = Array.from({ length: 16 }, (_, i) => [2010 + i, 1 + 0.1 * i] as const)
const pickEndYear = weightedPicker(PAST_YEARS)

/** Midday-ish Beijing time on a date, as a recording timestamp (`hour` UTC). */
const stamp = (date: string, hour = 2) => `${date}T${String(hour).padStart(2, '0')}:${String((date.charCodeAt(9) * 7) % 60).padStart(2, '0')}:00.000Z`

export class PeopleWriter {
  private readonly usedIdNumbers = new Set<string>()
  private readonly pinyinCache = new Map<string, { full: string; initials: string }>()
  private readonly templateVersion: number | null

  constructor(private readonly c: PeopleContext) {
    this.templateVersion = currentPeriodTemplateVersion(c.db)
  }

  private identity(sex: Sex, decisionDate: string, admissionDate: string) {
    const { r } = this.c
    const region = r.pick(REGIONS)
    const birthDate = addDays(decisionDate, -r.int(19 * 365, 55 * 365))
    let idNumber: string
    do {
      const sequence = String(r.int(0, 99)).padStart(2, '0')
      const sexDigit = r.int(0, 4) * 2 + (sex === 'M' ? 1 : 0)
      const body = `${region.code}${birthDate.replaceAll('-', '')}${sequence}${sexDigit}`
      idNumber = body + checkCharacterFor(body)
    } while (this.usedIdNumbers.has(idNumber))
    this.usedIdNumbers.add(idNumber)
    const given = sex === 'M' ? GIVEN_CHARS_MALE : GIVEN_CHARS_FEMALE
    // About a third of this generation has a one-character given name.
    const name = pickSurname(r) + r.pick(given) + (r.chance(0.68) ? r.pick(given) : '')
    return {
      name,
      sex,
      ethnicity: r.chance(0.9) ? '汉族' : r.pick(ETHNIC_MINORITIES),
      birthDate,
      idNumber,
      ...regionalParts(r, region, decisionDate),
      decisionDate,
      admissionDate,
      emergencyContactName: pickSurname(r) + r.pick(r.chance(0.5) ? GIVEN_CHARS_MALE : GIVEN_CHARS_FEMALE),
      emergencyContactRelation: r.pick(RELATIONS),
      emergencyContactPhone: mobilePhone(r),
    }
  }

  private pinyin(name: string) {
    let p = this.pinyinCache.get(name)
    if (!p) this.pinyinCache.set(name, (p = namePinyin(name)))
    return p
  }

  /** Term events of a stay: now and then an approved extension, rarely an escape (closed: the person came back). */
  private termEvents(personId: string, admissionDate: string, until: string, by: string): TermEventRecord[] {
    const { r } = this.c
    const events: TermEventRecord[] = []
    const held = daysBetween(admissionDate, until)
    if (held > 330 && r.chance(0.05)) {
      const approvalDate = addDays(admissionDate, r.int(240, held - 60))
      events.push({
        id: r.uuid(), personId, kind: 'extension', months: r.int(1, 6), fromDate: null, toDate: null,
        docNo: `戒延字〔${approvalDate.slice(0, 4)}〕${r.int(10, 999)}号`, approvalDate, note: '戒毒期间违反所规，经诊断评估延长期限',
        recordedAt: stamp(approvalDate, 3), recordedBy: by, voidedAt: null, voidedBy: null, voidReason: null,
      })
    }
    if (held > 120 && r.chance(0.01)) {
      const fromDate = addDays(admissionDate, r.int(30, held - 60))
      const toDate = addDays(fromDate, r.int(1, 20))
      events.push({
        id: r.uuid(), personId, kind: 'escape', months: null, fromDate, toDate, docNo: null, approvalDate: null, note: '外出就医期间脱逃，后被抓获送回',
        recordedAt: stamp(toDate, 4), recordedBy: by, voidedAt: null, voidedBy: null, voidReason: null,
      })
    }
    return events
  }

  /**
   * Period moves through the template (detox → education → rehabilitation → return) up to `until`, as the demo's
   * advancePeriods does: education after 18–35 days, rehabilitation some 75 days later, return for the last 45–90 days.
   * Returns the period reached and a writer for the moves (written after the person row they point to).
   */
  private periodMoves(admission: string, returnStart: string, until: string, by: string, reachReturn: boolean) {
    const { r } = this.c
    const detoxDays = r.int(18, 35)
    const starts: Array<[Period, string]> = [
      ['education', addDays(admission, detoxDays)],
      ['rehabilitation', addDays(admission, detoxDays + r.int(70, 85))],
      ['return', returnStart],
    ]
    const moves: Array<{ from: Period | null; to: Period; on: string; id: string }> = [{ from: null, to: 'detox', on: admission, id: r.uuid() }]
    for (const [period, start] of starts) {
      const since = moves[moves.length - 1]!
      if (start > until || start <= since.on) break
      moves.push({ from: since.to, to: period, on: start, id: r.uuid() })
    }
    // A released file went through every period: a short stay (an early release) moves on halfway to the release.
    for (let last = moves[moves.length - 1]!; reachReturn && last.to !== 'return' && daysBetween(last.on, until) >= 2; last = moves[moves.length - 1]!) {
      const to = starts[starts.findIndex(([period]) => period === last.to) + 1]![0]
      moves.push({ from: last.to, to, on: addDays(last.on, Math.floor(daysBetween(last.on, until) / 2)), id: r.uuid() })
    }
    const write = (id: string) => {
      for (const m of moves) {
        insertPeriodMove(this.c.db, {
          id: m.id, personId: id, fromPeriod: m.from, toPeriod: m.to, effectiveDate: m.on, recordedAt: stamp(m.on, 3), recordedBy: by,
          note: m.from ? '阶段评估合格' : null, correction: false, periodTemplateVersion: this.templateVersion,
        })
      }
    }
    return { ...moves[moves.length - 1]!, write }
  }

  /** Writes one file: person row (final state), revision 1, ward assignments, period moves, term events. */
  private writeFile(a: {
    sex: Sex
    decisionDate: string
    admissionDate: string
    /** Until when events may fall: today for residents, the base last day for past files. */
    until: string
    /** The release day and the start of the return period, once the term is known (releaseDate null: still held). */
    release: (term: { lastDay: string; earliestEarlyRelease: string; noEvents: boolean }) => { releaseDate: string | null; returnStart: string }
    /** Ward indexes in order: one, or the first and the one transferred to. */
    wardIndexes: readonly number[]
  }): Stay {
    const { db, r, today, wardIds, officerOf } = this.c
    const personId = r.uuid()
    const by = officerOf[a.wardIndexes[0]!]!
    const identity = this.identity(a.sex, a.decisionDate, a.admissionDate)
    const events = this.termEvents(personId, a.admissionDate, a.until, by)
    const term = personTerm(a.decisionDate, null, events, today)
    if (!term.result) throw new Error(`benchmark facility: inconsistent term for ${identity.name}`)
    const { releaseDate, returnStart } = a.release({ ...term.result, noEvents: events.length === 0 })
    const until = releaseDate ?? today
    const createdAt = stamp(a.admissionDate, 1)
    const last = this.periodMoves(a.admissionDate, returnStart, until, by, releaseDate !== null)

    const span = daysBetween(a.admissionDate, until)
    const transferOn = a.wardIndexes.length > 1 && span > 40 ? addDays(a.admissionDate, r.int(20, span - 20)) : null
    const wardPath = transferOn ? a.wardIndexes : [a.wardIndexes[a.wardIndexes.length - 1]!]
    const wards: Stay['wards'] = wardPath.map((w, i) => ({
      wardId: wardIds[w]!,
      start: i === 0 ? a.admissionDate : transferOn!,
      end: i < wardPath.length - 1 ? transferOn : releaseDate,
    }))

    const { full, initials } = this.pinyin(identity.name)
    // The row as the services leave it: current ward and period, or (released) neither; last day from the term.
    const row: PersonRecord = {
      ...identity,
      namePinyin: full,
      nameInitials: initials,
      id: personId,
      wardId: releaseDate ? null : wards[wards.length - 1]!.wardId,
      period: releaseDate ? null : last.to,
      periodSince: releaseDate ? null : last.on,
      lastDay: term.storedLastDay,
      earlyReleaseBar: null,
      revision: 1,
      createdAt,
      createdBy: by,
      updatedAt: stamp(releaseDate ?? last.on, 4),
      updatedBy: by,
      voidedAt: null,
      voidedBy: null,
      voidReason: null,
    }
    insertPersonRow(db, row)
    insertRevision(db, {
      id: r.uuid(), personId, revision: 1, data: JSON.stringify(Object.fromEntries(IDENTITY_FIELDS.map((f) => [f, row[f]]))),
      changedAt: createdAt, changedBy: by, changeNote: null,
    })
    for (const e of events) insertTermEvent(db, e)
    last.write(personId)
    wards.forEach((w, i) => {
      const id = r.uuid()
      insertWardAssignment(db, { id, personId, wardId: w.wardId, startDate: w.start, recordedAt: stamp(w.start, 2), recordedBy: by, note: i === 0 ? null : '调整大队' })
      if (w.end) endWardAssignment(db, id, w.end)
    })
    return { personId, current: releaseDate === null, admissionDate: a.admissionDate, releaseDate, wards }
  }

  /** A resident of ward `wardIndex`: decided 95–715 days ago (so every period is represented), still held today. */
  current(wardIndex: number): Stay {
    const { r, today, wardIds } = this.c
    const daysSinceDecision = r.int(95, 715)
    const decisionDate = addDays(today, -daysSinceDecision)
    // 3–6 months in the public-security facility before transfer (戒毒条例 §27), never later than today.
    const admissionDate = addDays(decisionDate, Math.min(r.int(90, 180), daysSinceDecision - 1))
    const transferredFrom = r.chance(0.08) ? [(wardIndex + r.int(1, wardIds.length - 1)) % wardIds.length] : []
    return this.writeFile({
      sex: r.chance(0.86) ? 'M' : 'F',
      decisionDate,
      admissionDate,
      until: today,
      release: ({ lastDay }) => ({ releaseDate: null, returnStart: addDays(lastDay, -r.int(60, 90)) }),
      wardIndexes: [...transferredFrom, wardIndex],
    })
  }

  /** A file whose stay ended between 2010 and 2025: released on the last day, or early (after 12 months) for some. */
  past(): Stay {
    const { r, wardIds } = this.c
    const endYear = pickEndYear(r)
    const decisionDate = addDays(`${endYear - 2}-01-01`, r.int(0, 364))
    const admissionDate = addDays(decisionDate, r.int(90, 180))
    const wardIndex = r.int(0, wardIds.length - 1)
    const early = r.chance(0.15)
    return this.writeFile({
      sex: r.chance(0.86) ? 'M' : 'F',
      decisionDate,
      admissionDate,
      until: addDays(addMonths(decisionDate, 24), -1),
      release: ({ lastDay, earliestEarlyRelease, noEvents }) => {
        // Early release (提前解除) only for a clean stay: no extension, no escape.
        const releaseDate = early && noEvents ? addDays(earliestEarlyRelease, r.int(0, daysBetween(earliestEarlyRelease, lastDay))) : lastDay
        return { releaseDate, returnStart: addDays(releaseDate, -r.int(45, 90)) }
      },
      wardIndexes: r.chance(0.2) ? [wardIndex, (wardIndex + r.int(1, wardIds.length - 1)) % wardIds.length] : [wardIndex],
    })
  }
}
