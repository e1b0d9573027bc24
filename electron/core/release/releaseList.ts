import type { Paged } from '../../shared/contract/common'
import type { ReleaseListRow, UnplannedRow } from '../../shared/contract/release'
import { checklistGaps, organNoticeDeadline, parseDetails, releaseChecklist } from '../../shared/domain/release'
import { addDays, daysInMonth } from '../../shared/domain/dates'
import { assertReadable, readableWards } from '../auth/wardScope'
import { today, type Ctx } from '../context'
import type { ParsedInput } from '../../shared/contract'
import { releaseListRows, unplannedEndingRows } from './releaseQueries'
import { releaseRules } from './releaseSettings'

/** Kinds the deciding organ is notified of before the day ([L2 §34]); the list shows their deadline. */
const NOTICE_KINDS = new Set(['on_time', 'early', 'community_conversion'])

/** 出所管理: one page of planned or released releases in the caller's reach, planned ones with their checklist gaps. */
export function listReleases(ctx: Ctx, input: ParsedInput<'release:list'>): Paged<ReleaseListRow> & { unplanned: UnplannedRow[] } {
  assertReadable(ctx, { wardId: input.wardId })
  const readable = readableWards(ctx)
  const wardIds = input.wardId ? [input.wardId] : readable
  const range = input.month ? { from: `${input.month}-01`, to: `${input.month}-${String(daysInMonth(Number(input.month.slice(0, 4)), Number(input.month.slice(5, 7)))).padStart(2, '0')}` } : undefined
  const { rows, total } = releaseListRows(ctx.db, { view: input.view, wardIds, kind: input.kind, range, offset: input.offset, limit: input.limit })
  const rules = releaseRules(ctx.db)
  const todayDate = today(ctx)
  // The people whose term ends soon with nothing planned: only beside the first page of the planned list, unfiltered by kind or month.
  const unplanned = input.view === 'upcoming' && input.offset === 0 && !input.kind && !input.month ? unplannedEndingRows(ctx.db, { from: todayDate, to: addDays(todayDate, rules.upcomingDays) }, wardIds, 200) : []
  return {
    unplanned,
    total,
    rows: rows.map((r) => {
      const details = parseDetails(r.kind, JSON.parse(r.details))
      const gaps = r.status === 'planned' ? checklistGaps(releaseChecklist({ ...r, communityRehab: r.communityRehab === 1, details }, { earlyReleaseOn: r.earlyReleaseOn }, rules, todayDate)) : []
      return {
        id: r.id,
        personId: r.personId,
        name: r.name,
        wardId: r.wardId,
        wardName: r.wardName,
        kind: r.kind,
        status: r.status,
        releaseDate: r.releaseDate,
        noticeDeadline: NOTICE_KINDS.has(r.kind) ? organNoticeDeadline(r.releaseDate, rules) : null,
        organNotifiedOn: r.organNotifiedOn,
        // A release dated ahead is planned, not a gap: the list shows what is still to do before the day.
        gaps: gaps.filter((g) => g.key !== 'release_date'),
        revision: r.revision,
      }
    }),
  }
}
