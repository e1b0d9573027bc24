import { formatInstant } from '../../lib/format'

/** A translation function as the detail renderer needs it (keys are looked up at run time, so they are strings). */
export type Translate = (key: string, params?: Record<string, string | number>) => string
/** Whether a text key exists (the i18n `exists`). */
export type HasKey = (key: string) => boolean

type Detail = Record<string, unknown>

/** The names a detail may mention (the `names` of an audit page; declared here so the renderer is testable alone). */
export interface DetailNames {
  people: Record<string, { name: string }>
  wards: Record<string, string>
}

interface Helpers {
  t: Translate
  /** A value's label under `prefix` (`period.detox` → 生理脱毒期), or the value itself when there is no text for it. */
  label: (prefix: string, value: unknown) => string
  person: (id: unknown) => string
  ward: (id: unknown) => string
  str: (value: unknown) => string
}

const EMPTY = '—'

/** A staff member's wards in a staff:update detail: `wardIds` (a list), or the single `wardId` of older rows. */
function wardList(d: Detail, h: Helpers): string {
  const ids = Array.isArray(d.wardIds) ? d.wardIds : d.wardId ? [d.wardId] : []
  return ids.length > 0 ? ids.map((id) => h.ward(id)).join(h.t('audit.describe.listSeparator')) : EMPTY
}

/**
 * One renderer per method: the stored JSON detail (written by the service, see `ctx.auditDetail`) as a sentence in the
 * current language. Ids become names; a method without a renderer, or a detail that does not parse, says only that
 * there is more data (administrators can open it raw). Never shows raw JSON or a UUID.
 */
const RENDERERS: Record<string, (d: Detail, h: Helpers) => string> = {
  'people:update': (d, h) =>
    h.t('audit.describe.changed', { fields: (Array.isArray(d.changed) ? d.changed : []).map((f) => h.label('field', f)).join(h.t('audit.describe.listSeparator')) || EMPTY }),
  'people:assignWard': (d, h) => h.t('audit.describe.fromTo', { from: h.ward(d.from), to: h.ward(d.to), date: h.str(d.effectiveDate) }),
  'people:movePeriod': (d, h) => h.t('audit.describe.fromTo', { from: h.label('period', d.from), to: h.label('period', d.to), date: h.str(d.effectiveDate) }),
  'people:correctPeriod': (d, h) =>
    h.t('audit.describe.periodCorrected', { from: h.label('period', d.from), to: h.label('period', d.to), date: h.str(d.effectiveDate) }),
  'people:addTermEvent': (d, h) => h.t('audit.describe.termEvent', { kind: h.label('audit.describe.termKind', d.kind) }),
  'people:closeEscape': (d, h) => h.t('audit.describe.returnedOn', { date: h.str(d.toDate) }),
  'people:voidTermEvent': (d, h) => h.t('audit.describe.reason', { reason: h.str(d.reason) }),
  'people:void': (d, h) => h.t('audit.describe.reason', { reason: h.str(d.reason) }),
  'people:revealIdNumber': (d, h) => h.t('audit.describe.reason', { reason: h.str(d.reason) }),
  'people:setEarlyReleaseBar': (d, h) =>
    d.earlyReleaseBar ? h.t('audit.describe.bar', { reason: h.str(d.earlyReleaseBar) }) : h.t('audit.describe.barLifted'),
  'staff:update': (d, h) =>
    h.t('audit.describe.staff', {
      role: h.label('role', d.role),
      // Rows written before staff could cover several wards (migration 009) carry one wardId.
      ward: wardList(d, h),
      active: h.t(d.active ? 'audit.describe.enabled' : 'audit.describe.disabled'),
    }),
  'staff:unlock': (d, h) => (d.lockedUntil ? h.t('audit.describe.unlocked', { until: formatInstant(String(d.lockedUntil)) }) : h.t('audit.describe.notLocked')),
  'wards:update': (d, h) =>
    h.t('audit.describe.ward', { name: h.str(d.name), capacity: h.str(d.capacity), active: h.t(d.active ? 'audit.describe.enabled' : 'audit.describe.disabled') }),
  'psych:submitAssessment': (d, h) => {
    const flags = Array.isArray(d.flags) ? d.flags.map(String) : []
    const text = h.t('audit.describe.assessment', { person: h.person(d.personId), instrument: h.str(d.instrumentId), band: d.band ? h.str(d.band) : EMPTY })
    return flags.length ? `${text}${h.t('audit.describe.flags', { flags: flags.join(h.t('audit.describe.listSeparator')) })}` : text
  },
  'psych:rescore': (d, h) => h.t('audit.describe.rescore', { band: d.band ? h.str(d.band) : EMPTY }),
  'psych:raiseCrisis': (d, h) => h.t('audit.describe.crisis', { person: h.person(d.personId), risk: h.label('psych.risk', d.riskLevel) }),
  'psych:addCrisisEvent': (d, h) => h.t('audit.describe.crisisEvent', { kind: h.label('psych.crisis.kind', d.kind), on: h.str(d.on) }),
  'psych:createSession': (d, h) => h.t('audit.describe.session', { kind: h.label('psych.session.kinds', d.kind), count: h.str(d.participants) }),
  'psych:handleTask': (d, h) => h.t('audit.describe.task', { outcome: h.label('psych.task', d.outcome) }),
  'psych:updateSettings': (_d, h) => h.t('audit.describe.settingsSaved'),
  'facility:setPeriodTemplate': (_d, h) => h.t('audit.describe.templateSaved'),
  'cli:demo': (d, h) => h.t('audit.describe.demo', { people: h.str(d.people) }),
  'audit:export': (d, h) => h.t('audit.describe.exported', { rows: h.str(d.rows) }),
}

function parse(detail: string): Detail | null {
  try {
    const value: unknown = JSON.parse(detail)
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Detail) : null
  } catch {
    return null
  }
}

/** The readable detail of a row, or null when it has none. */
export function describeDetail(row: { method: string; detail: string | null }, names: DetailNames, t: Translate, hasKey: HasKey): string | null {
  if (!row.detail) return null
  const render = RENDERERS[row.method]
  const detail = parse(row.detail)
  if (!render || !detail) return t('audit.describe.more')
  const str = (value: unknown) => (value === null || value === undefined || value === '' ? EMPTY : String(value))
  const helpers: Helpers = {
    t,
    str,
    label: (prefix, value) => {
      const key = `${prefix}.${String(value)}`
      return value !== null && value !== undefined && hasKey(key) ? t(key) : str(value)
    },
    person: (id) => (typeof id === 'string' ? (names.people[id]?.name ?? t('audit.unknownPerson')) : EMPTY),
    ward: (id) => (typeof id === 'string' ? (names.wards[id] ?? t('audit.unknownWard')) : t('audit.describe.noWard')),
  }
  return render(detail, helpers)
}
