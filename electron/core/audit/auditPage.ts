import { AUDIT_EXPORT_MAX, AUDIT_READ_COLLAPSE_MINUTES, contract, isMethodName } from '../../shared/contract'
import type { AuditCursor, AuditFilter, AuditLogRow, AuditNames, AuditPage } from '../../shared/contract'
import { addDays } from '../../shared/domain/dates'
import { staffNamesByIds } from '../auth/staffRepo'
import type { Db } from '../db/open'
import { personRefsByIds } from '../people/peopleQueries'
import { wardsInOrder } from '../wards/wardsRepo'
import { auditRowsAfter, readGroup, type AuditInstantFilter, type AuditRecord } from './auditQueries'

const WINDOW_MS = AUDIT_READ_COLLAPSE_MINUTES * 60_000
/** Rows read per query while filling a page (collapsed reads are skipped, so a page may need more than it shows). */
const CHUNK = 200

/** The start of a Beijing calendar date as a UTC instant (China keeps UTC+8 all year). */
const beijingDayStart = (date: string) => new Date(`${date}T00:00:00+08:00`).toISOString()

function instantFilter(f: AuditFilter): AuditInstantFilter {
  return {
    method: f.method,
    personId: f.personId,
    actorId: f.actorId,
    fromAt: f.from ? beijingDayStart(f.from) : undefined,
    toAt: f.to ? beijingDayStart(addDays(f.to, 1)) : undefined,
  }
}

const isRead = (method: string) => isMethodName(method) && contract[method].audit.kind === 'read'

/**
 * A row as the page shows it, or null when it is an older read of a group shown by its newest row. Whether a read is
 * shown depends only on the reads in its own fixed window, never on where a page starts: the count is right across
 * page boundaries, and no read is shown twice or lost.
 */
function shownRow(db: Db, r: AuditRecord): AuditLogRow | null {
  // Only views of one record collapse (an export, a read of no single record, stays its own row).
  if (!isRead(r.method) || !r.actorId || !r.recordId) return { ...r, count: 1, firstAt: r.at }
  const start = Math.floor(Date.parse(r.at) / WINDOW_MS) * WINDOW_MS
  const group = readGroup(db, {
    actorId: r.actorId,
    method: r.method,
    recordType: r.recordType,
    recordId: r.recordId,
    windowStart: new Date(start).toISOString(),
    windowEnd: new Date(start + WINDOW_MS).toISOString(),
  })
  return group.newestSeq === r.seq ? { ...r, count: group.count, firstAt: group.firstAt } : null
}

/** Up to `max` shown rows after `after`, and whether more follow. */
function collect(db: Db, filter: AuditInstantFilter, after: AuditCursor | undefined, max: number): { rows: AuditLogRow[]; more: boolean } {
  const rows: AuditLogRow[] = []
  let cursor = after
  for (;;) {
    const chunk = auditRowsAfter(db, filter, cursor, CHUNK)
    for (const r of chunk) {
      const shown = shownRow(db, r)
      if (!shown) continue
      if (rows.length === max) return { rows, more: true }
      rows.push(shown)
    }
    if (chunk.length < CHUNK) return { rows, more: false }
    const last = chunk[chunk.length - 1]!
    cursor = { at: last.at, seq: last.seq }
  }
}

const DETAIL_PERSON_KEYS = ['personId']
const DETAIL_WARD_KEYS = ['wardId', 'from', 'to']
/** Keys whose value is a list of ward ids (a staff member's wards, before and after an edit). */
const DETAIL_WARD_LIST_KEYS = ['wardIds', 'wardsBefore']

/** Ids inside a stored detail that name a person or a ward (by the keys the services write). */
function detailIds(detail: string | null): { people: string[]; wards: string[] } {
  if (!detail) return { people: [], wards: [] }
  try {
    const parsed: unknown = JSON.parse(detail)
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return { people: [], wards: [] }
    const all = Object.entries(parsed as Record<string, unknown>)
    const entries = all.filter((e): e is [string, string] => typeof e[1] === 'string')
    const listed = all.filter(([k, v]) => DETAIL_WARD_LIST_KEYS.includes(k) && Array.isArray(v)).flatMap(([, v]) => (v as unknown[]).filter((x): x is string => typeof x === 'string'))
    return {
      people: entries.filter(([k]) => DETAIL_PERSON_KEYS.includes(k)).map(([, v]) => v),
      wards: [...entries.filter(([k]) => DETAIL_WARD_KEYS.includes(k)).map(([, v]) => v), ...listed],
    }
  } catch {
    return { people: [], wards: [] }
  }
}

/** The names of every person, staff member and ward a page's rows mention, in one lookup per domain. */
export function namesFor(db: Db, rows: readonly AuditLogRow[]): AuditNames {
  const personIds = new Set<string>()
  const staffIds = new Set<string>()
  const wardIds = new Set<string>()
  for (const r of rows) {
    if (r.actorId) staffIds.add(r.actorId)
    if (r.recordId && r.recordType === 'person') personIds.add(r.recordId)
    if (r.recordId && r.recordType === 'staff') staffIds.add(r.recordId)
    if (r.recordId && r.recordType === 'ward') wardIds.add(r.recordId)
    const ids = detailIds(r.detail)
    ids.people.forEach((id) => personIds.add(id))
    ids.wards.forEach((id) => wardIds.add(id))
  }
  const people: AuditNames['people'] = {}
  for (const [id, ref] of personRefsByIds(db, [...personIds])) people[id] = { name: ref.name, voided: ref.voided }
  const wards: AuditNames['wards'] = {}
  // Wards are few (tens): their names come from the one ward list rather than a lookup per id.
  if (wardIds.size > 0) for (const w of wardsInOrder(db)) if (wardIds.has(w.id)) wards[w.id] = w.name
  return { people, staff: Object.fromEntries(staffNamesByIds(db, [...staffIds])), wards }
}

export function auditPage(db: Db, input: AuditFilter & { after?: AuditCursor | undefined; limit: number }): AuditPage {
  const { rows, more } = collect(db, instantFilter(input), input.after, input.limit)
  const last = rows[rows.length - 1]
  return { rows, names: namesFor(db, rows), next: more && last ? { at: last.at, seq: last.seq } : null }
}

export function auditExport(db: Db, filter: AuditFilter): { rows: AuditLogRow[]; names: AuditNames; truncated: boolean } {
  const { rows, more } = collect(db, instantFilter(filter), undefined, AUDIT_EXPORT_MAX)
  return { rows, names: namesFor(db, rows), truncated: more }
}
