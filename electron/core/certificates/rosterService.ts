/**
 * The certificate roster (证书花名册 / 获证人员名单, §6.6) and its privacy rules (§6.6, §7.4): ID numbers are shown whole
 * only to callers who see full ID numbers (people.write) on an internal roster; otherwise the first 6 and last 4 are
 * kept. A public notice (公示) also leaves out the ward, the course place and the scores (PUBLIC_WITHHELD); the screen
 * leaves the facility's name out of its title.
 */
import type { certificatesContract, RosterRow } from '../../shared/contract/certificates'
import { levelWording, maskRosterIdNumber, tradeWording } from '../../shared/domain/certificates'
import { ageOn } from '../../shared/domain/dates'
import { readableWards } from '../auth/wardScope'
import { actorOf } from '../context'
import type { HandlersFor } from '../handlerTypes'
import { seesFullIdNumber } from '../people/peopleService'
import { rosterOptions, rosterPage, rosterTotals, type RosterQuery } from './certificatesQueries'

type RosterHandlers = Pick<HandlersFor<typeof certificatesContract>, 'certificates:roster' | 'certificates:rosterOptions'>

export const rosterHandlers = {
  'certificates:roster'(input, ctx) {
    const query: RosterQuery = {
      courseId: input.courseId,
      occupation: input.occupation,
      level: input.level,
      issuedFrom: input.issuedFrom,
      issuedTo: input.issuedTo,
      evaluationBody: input.evaluationBody,
      wards: readableWards(ctx),
    }
    const isPublic = input.privacy === 'public'
    const fullIdNumbers = !isPublic && seesFullIdNumber(actorOf(ctx).role)
    const rows = rosterPage(ctx.db, query, input.offset, input.limit).map(
      (r, i): RosterRow => ({
        seq: input.offset + i + 1,
        certificateId: r.certificateId,
        personId: r.personId,
        name: r.name,
        sex: r.sex,
        ageAtIssue: r.birthDate ? ageOn(r.birthDate, r.issuedOn) : null,
        idType: r.idType,
        idNumberShown: fullIdNumbers ? r.idNumber : maskRosterIdNumber(r.idNumber),
        occupation: r.occupation,
        direction: tradeWording(r.direction),
        level: r.level,
        levelWording: levelWording(r.level),
        number: r.number,
        issuedOn: r.issuedOn,
        evaluationBody: r.evaluationBody,
        courseName: r.courseName,
        courseStart: r.courseStart,
        courseEnd: r.courseEnd,
        ward: isPublic ? null : r.ward,
        coursePlace: isPublic ? null : r.coursePlace,
        theory: isPublic ? null : r.theory,
        practical: isPublic ? null : r.practical,
      }),
    )
    const totals = rosterTotals(ctx.db, query)
    return { rows, total: totals.certificates, totals, fullIdNumbers }
  },

  'certificates:rosterOptions': (_input, ctx) => rosterOptions(ctx.db),
} satisfies RosterHandlers
