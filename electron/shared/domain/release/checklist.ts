/**
 * The release checklist (出所清单): what each kind needs before its release can be confirmed, computed from the record
 * alone so the person's tab, the 出所管理 list and the confirmation agree. An item is `done`, `missing` (empty) or
 * `wrong` (filled, but breaking a rule: the organ notified too late, a release date still ahead); only `required` items
 * block a confirmation, each refused on its own field with its message.
 */
import { addDays } from '../dates'
import { DEATH_REPORTS, detailText, type ReleaseDetails, type ReleaseKind } from './kinds'
import type { ReleaseRules } from './settings'

export const CHECKLIST_KEYS = [
  'release_date',
  'organ_notice',
  'certificate',
  'family_notified',
  'collected_by',
  'receiver',
  'community_rehab_months',
  'community_rehab_doc',
  'file_handover_date',
  'file_handed_to',
  'decision',
  'conversion_reason',
  'to_facility',
  'transfer_doc',
  'hospital',
  'medical_reason',
  'death_cause',
  'death_place',
  'report_supervising_organ',
  'report_family',
  'report_deciding_organ',
  'report_procuratorate',
] as const
export type ChecklistKey = (typeof CHECKLIST_KEYS)[number]

export interface ChecklistItem {
  key: ChecklistKey
  /** The form field (dot path) the item is filled in, where a refusal is shown. */
  field: string
  required: boolean
  state: 'done' | 'missing' | 'wrong'
  /** Why it is missing or wrong (a message key), null when done. */
  messageKey: string | null
  params?: Record<string, string | number>
}

/** What the checklist reads of a release (a planned or confirmed record, or the form being filled). */
export interface ChecklistSubject {
  kind: ReleaseKind
  releaseDate: string
  organNotifiedOn: string | null
  certificateNo: string | null
  familyNotifiedOn: string | null
  collectedBy: string | null
  communityRehab: boolean
  communityRehabMonths: number | null
  communityRehabDocNo: string | null
  stationId: string | null
  receivingCommunity: string | null
  fileHandedOverOn: string | null
  fileHandedTo: string | null
  details: ReleaseDetails
}

/** What the checklist reads of the person: the early release the assessment domain recorded as approved, if any. */
export interface ChecklistPerson {
  earlyReleaseOn: string | null
}

/** Kinds for which [L2 §34] applies: a release from the isolation itself (notice, certificate, family to collect). */
const RELEASED_FROM_ISOLATION: ReadonlySet<ReleaseKind> = new Set(['on_time', 'early', 'community_conversion'])
const FAMILY_NOTIFIED: ReadonlySet<ReleaseKind> = new Set(['on_time', 'early', 'community_conversion', 'transfer', 'medical'])
const COLLECTED: ReadonlySet<ReleaseKind> = new Set(['on_time', 'early'])
const FILE_HANDED_OVER: ReadonlySet<ReleaseKind> = new Set(['on_time', 'early', 'community_conversion', 'transfer'])

/** The checklist fields a kind uses (the form shows the others only when they already hold a value). */
export function checklistFieldsOf(kind: ReleaseKind): ReadonlySet<'organNotifiedOn' | 'certificateNo' | 'familyNotifiedOn' | 'collectedBy' | 'fileHandedOverOn' | 'fileHandedTo'> {
  const fields = new Set<'organNotifiedOn' | 'certificateNo' | 'familyNotifiedOn' | 'collectedBy' | 'fileHandedOverOn' | 'fileHandedTo'>()
  if (RELEASED_FROM_ISOLATION.has(kind)) fields.add('organNotifiedOn').add('certificateNo')
  if (FAMILY_NOTIFIED.has(kind)) fields.add('familyNotifiedOn')
  if (COLLECTED.has(kind)) fields.add('collectedBy')
  if (FILE_HANDED_OVER.has(kind)) fields.add('fileHandedOverOn').add('fileHandedTo')
  return fields
}

/** The last day the deciding organ may be notified: N days before the release date. */
export const organNoticeDeadline = (releaseDate: string, rules: Pick<ReleaseRules, 'organNoticeDays'>) => addDays(releaseDate, -rules.organNoticeDays)

export function releaseChecklist(r: ChecklistSubject, person: ChecklistPerson, rules: ReleaseRules, today: string): ChecklistItem[] {
  const items: ChecklistItem[] = []
  const filled = (key: ChecklistKey, field: string, value: unknown, required: boolean) =>
    items.push({ key, field, required, state: value === null || value === undefined || value === '' ? 'missing' : 'done', messageKey: value ? null : 'release.item_missing' })

  items.push(
    r.releaseDate > today
      ? { key: 'release_date', field: 'releaseDate', required: true, state: 'wrong', messageKey: 'release.date_in_future', params: { today } }
      : { key: 'release_date', field: 'releaseDate', required: true, state: 'done', messageKey: null },
  )
  if (RELEASED_FROM_ISOLATION.has(r.kind)) {
    const latest = organNoticeDeadline(r.releaseDate, rules)
    if (!r.organNotifiedOn) items.push({ key: 'organ_notice', field: 'organNotifiedOn', required: true, state: 'missing', messageKey: 'release.organ_notice_missing', params: { days: rules.organNoticeDays, latest } })
    else if (r.organNotifiedOn > latest) items.push({ key: 'organ_notice', field: 'organNotifiedOn', required: true, state: 'wrong', messageKey: 'release.organ_notice_late', params: { days: rules.organNoticeDays, latest } })
    else items.push({ key: 'organ_notice', field: 'organNotifiedOn', required: true, state: 'done', messageKey: null })
    filled('certificate', 'certificateNo', r.certificateNo, true)
  }
  if (FAMILY_NOTIFIED.has(r.kind)) filled('family_notified', 'familyNotifiedOn', r.familyNotifiedOn, true)
  if (COLLECTED.has(r.kind)) filled('collected_by', 'collectedBy', r.collectedBy, true)
  // Who receives the person: a community conversion always goes to a community; a community-rehab order ([L1 §48]) too.
  if (r.kind === 'community_conversion' || r.communityRehab) filled('receiver', 'stationId', r.stationId ?? r.receivingCommunity, true)
  if (r.communityRehab) {
    filled('community_rehab_months', 'communityRehabMonths', r.communityRehabMonths, true)
    filled('community_rehab_doc', 'communityRehabDocNo', r.communityRehabDocNo, false)
  }
  if (FILE_HANDED_OVER.has(r.kind)) {
    filled('file_handover_date', 'fileHandedOverOn', r.fileHandedOverOn, true)
    filled('file_handed_to', 'fileHandedTo', r.fileHandedTo, true)
  }
  const detail = (key: ChecklistKey, name: string, required = true) => filled(key, `details.${name}`, detailText(r.details, name), required)
  switch (r.kind) {
    case 'early':
      items.push(earlyDecision(r, person))
      break
    case 'community_conversion':
      detail('decision', 'decisionDocNo')
      detail('conversion_reason', 'reason')
      break
    case 'transfer':
      detail('to_facility', 'toFacility')
      detail('transfer_doc', 'docNo')
      break
    case 'medical':
      detail('hospital', 'hospital')
      detail('medical_reason', 'reason')
      break
    case 'death': {
      detail('death_cause', 'cause')
      detail('death_place', 'place')
      // The reports follow the death ([P12]); the file leaves the roster without waiting for them, the gaps stay listed.
      const reports = 'reports' in r.details ? r.details.reports : null
      const keys = { supervisingOrgan: 'report_supervising_organ', family: 'report_family', decidingOrgan: 'report_deciding_organ', procuratorate: 'report_procuratorate' } as const
      for (const report of DEATH_REPORTS) filled(keys[report], `details.reports.${report}`, reports?.[report] ?? null, false)
      break
    }
    case 'on_time':
      break
  }
  return items
}

/**
 * An early release is the deciding organ's decision ([L1 §47 ¶2]: the facility proposes, the organ approves and issues
 * 提前解除强制隔离戒毒决定书, [L2 §33]). So it is confirmed only on that decision: either the assessment domain recorded
 * the approval (people.early_release_on, written when the decision was entered), or its document number is given here.
 * An approved date is the earliest day the person may leave: a release dated before it is wrong.
 */
function earlyDecision(r: ChecklistSubject, person: ChecklistPerson): ChecklistItem {
  const base = { key: 'decision', field: 'details.decisionDocNo', required: true } as const
  if (person.earlyReleaseOn && r.releaseDate < person.earlyReleaseOn) return { ...base, field: 'releaseDate', state: 'wrong', messageKey: 'release.before_approved_early', params: { date: person.earlyReleaseOn } }
  if (person.earlyReleaseOn || detailText(r.details, 'decisionDocNo')) return { ...base, state: 'done', messageKey: null }
  return { ...base, state: 'missing', messageKey: 'release.early_not_approved' }
}

/** The items that stop a confirmation. */
export const checklistGaps = (items: readonly ChecklistItem[]) => items.filter((i) => i.required && i.state !== 'done')
