/**
 * The handover sheet (移交单) and the contact card (联系卡). The sheet's content is gathered through the other domains'
 * exported queries, only for the sections chosen; it prints only after a privacy review of its current revision
 * (domain-reference §7: only what the receiver needs, the ID number masked), and each print is audited and counted.
 */
import { randomUUID } from 'node:crypto'
import { HANDOVER_SECTIONS, type HandoverContent, type HandoverSection, type HandoverSheetView, type HandoverView, type releaseContract } from '../../shared/contract/release'
import { maskIdNumber } from '../../shared/domain/idNumber'
import { personAssessmentRows } from '../assessment/assessmentQueries'
import { personCertificates } from '../certificates/certificatesQueries'
import { actorOf, nowIso } from '../context'
import { personEnrolments } from '../courses/personQueries'
import type { Db } from '../db/open'
import { readSetting } from '../db/settingsRepo'
import { personReferrals } from '../employment/employmentQueries'
import { AppError, notFound, ruleViolation } from '../errors'
import { personTests } from '../fitness/fitnessQueries'
import type { HandlersFor } from '../handlerTypes'
import { personById } from '../people/peopleRepo'
import { handoverById, handoverOfPerson, insertHandover, markPrinted, markReviewed, updateHandover, type HandoverRow } from './handoverRepo'
import { releaseOfPerson, stationById, staffNames } from './releaseQueries'

type HandoverMethods = Pick<typeof releaseContract, 'release:handover' | 'release:saveHandover' | 'release:reviewHandover' | 'release:printHandover' | 'release:contactCard'>

/** Before a counsellor chooses: everything but the risk notes (which are theirs to write). */
const DEFAULT_SECTIONS: readonly HandoverSection[] = HANDOVER_SECTIONS.filter((s) => s !== 'risk')

function sheetView(db: Db, r: HandoverRow): HandoverSheetView {
  const names = staffNames(db, [r.preparedBy, r.reviewedBy])
  const reviewed = r.reviewedRevision === r.revision
  return {
    id: r.id,
    personId: r.personId,
    releaseId: r.releaseId,
    sections: JSON.parse(r.sections) as HandoverSection[],
    recipient: r.recipient,
    riskNotes: r.riskNotes,
    revision: r.revision,
    preparedAt: r.preparedAt,
    preparedByName: names.get(r.preparedBy) ?? r.preparedBy,
    reviewedAt: reviewed ? r.reviewedAt : null,
    reviewedByName: reviewed && r.reviewedBy ? (names.get(r.reviewedBy) ?? r.reviewedBy) : null,
    reviewNote: reviewed ? r.reviewNote : null,
    printCount: r.printCount,
    lastPrintedAt: r.lastPrintedAt,
  }
}

export function handoverContent(db: Db, personId: string, sections: readonly HandoverSection[], riskNotes: string | null): HandoverContent {
  const p = personById(db, personId)
  if (!p) throw notFound()
  const chosen = new Set(sections)
  const release = releaseOfPerson(db, personId)
  const station = release?.stationId ? stationById(db, release.stationId) : undefined
  const fitnessTests = chosen.has('fitness') ? personTests(db, personId).filter((t) => !t.voided) : []
  const latest = fitnessTests.at(-1)
  return {
    facilityName: readSetting(db, 'facility.name') ?? '',
    person: { name: p.name, sex: p.sex, birthDate: p.birthDate, idNumberMasked: maskIdNumber(p.idNumber), householdAddress: p.householdAddress, admissionDate: p.admissionDate },
    release: release
      ? { kind: release.kind, status: release.status, releaseDate: release.releaseDate, receiver: station?.name ?? release.receivingCommunity, communityRehabMonths: release.communityRehabMonths }
      : null,
    assessment: chosen.has('assessment')
      ? personAssessmentRows(db, personId)
          .filter((a) => a.status === 'final' && !a.voided)
          .map((a) => ({ assessedOn: a.assessedOn, point: a.point, overallPass: a.overallPass, recommendation: a.recommendation }))
      : null,
    fitness: chosen.has('fitness')
      ? { tests: fitnessTests.length, latest: latest ? { date: latest.date, grade: latest.grading.grade, total: latest.grading.total } : null }
      : null,
    training: chosen.has('training')
      ? personEnrolments(db, personId).map((e) => ({
          courseName: e.courseName, tradeName: e.tradeName, level: e.level, status: e.status, attendanceRate: e.attendanceRate, hours: e.hours, finalResult: e.finalResult,
        }))
      : null,
    certificates: chosen.has('certificates')
      ? personCertificates(db, personId)
          .filter((c) => !c.voided)
          .map((c) => ({ occupation: c.occupation, level: c.level, number: c.number, evaluationBody: c.evaluationBody, issuedOn: c.issuedOn }))
      : null,
    employment: chosen.has('employment')
      ? personReferrals(db, personId)
          .filter((r) => !r.voided)
          .map((r) => ({ employer: r.employer, position: r.position, referredOn: r.referredOn, agreementSignedOn: r.agreementSignedOn }))
      : null,
    riskNotes: chosen.has('risk') ? riskNotes : null,
  }
}

function viewOf(db: Db, personId: string, row: HandoverRow | undefined): HandoverView {
  if (!row) return { sheet: null, content: handoverContent(db, personId, DEFAULT_SECTIONS, null) }
  const sheet = sheetView(db, row)
  return { sheet, content: handoverContent(db, personId, sheet.sections, sheet.riskNotes) }
}

function liveSheet(db: Db, id: string, revision: number): HandoverRow {
  const row = handoverById(db, id)
  if (!row) throw notFound()
  if (row.revision !== revision) throw new AppError('conflict', 'release.handover_stale')
  return row
}

export const handoverHandlers = {
  'release:handover'(input, ctx) {
    if (!personById(ctx.db, input.personId)) throw notFound()
    return viewOf(ctx.db, input.personId, handoverOfPerson(ctx.db, input.personId))
  },

  'release:saveHandover'(input, ctx) {
    const { db } = ctx
    const p = personById(db, input.personId)
    if (!p || p.voidedAt) throw notFound()
    const at = nowIso(ctx)
    const by = actorOf(ctx).id
    // The sections in their fixed order, each once: the sheet prints them in that order whatever the click order was.
    const sections = HANDOVER_SECTIONS.filter((s) => input.sections.includes(s))
    const fields = { releaseId: releaseOfPerson(db, p.id)?.id ?? null, sections, recipient: input.recipient, riskNotes: input.riskNotes, at, by }
    const existing = handoverOfPerson(db, p.id)
    ctx.auditDetail = JSON.stringify({ personId: p.id, sections })
    if (!existing) {
      if (input.id) throw notFound()
      const id = randomUUID()
      insertHandover(db, { id, personId: p.id, ...fields })
      return { id, revision: 1 }
    }
    if (input.id !== existing.id || input.revision !== existing.revision) throw new AppError('conflict', 'release.handover_stale')
    const revision = existing.revision + 1
    updateHandover(db, existing.id, { ...fields, revision })
    return { id: existing.id, revision }
  },

  'release:reviewHandover'(input, ctx) {
    const row = liveSheet(ctx.db, input.id, input.revision)
    if (row.reviewedRevision === row.revision) throw ruleViolation('release.handover_already_reviewed')
    markReviewed(ctx.db, row.id, { revision: row.revision, at: nowIso(ctx), by: actorOf(ctx).id, note: input.note })
    ctx.auditDetail = JSON.stringify({ revision: row.revision })
    return { revision: row.revision }
  },

  'release:printHandover'(input, ctx) {
    const row = liveSheet(ctx.db, input.id, input.revision)
    if (row.reviewedRevision !== row.revision) throw ruleViolation('release.handover_not_reviewed')
    markPrinted(ctx.db, row.id, nowIso(ctx))
    ctx.auditDetail = JSON.stringify({ revision: row.revision, sections: JSON.parse(row.sections) as unknown })
    return viewOf(ctx.db, row.personId, handoverById(ctx.db, row.id))
  },

  'release:contactCard'(input, ctx) {
    const { db } = ctx
    const p = personById(db, input.personId)
    if (!p) throw notFound()
    const release = releaseOfPerson(db, p.id)
    const station = release?.stationId ? stationById(db, release.stationId) : undefined
    return {
      card: readSetting(db, 'release.contactCard'),
      facilityName: readSetting(db, 'facility.name') ?? '',
      personName: p.name,
      station: station ? { id: station.id, name: station.name, kind: station.kind, region: station.region, contactName: station.contactName, contactPhone: station.contactPhone } : null,
      receivingCommunity: release?.receivingCommunity ?? null,
      releaseDate: release?.releaseDate ?? null,
    }
  },
} satisfies HandlersFor<HandoverMethods>
