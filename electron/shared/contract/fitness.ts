/**
 * Fitness tests (康复训练中心, issue 11): the standards, a ward's test day (roster, dry-run check, all-or-nothing save,
 * drafts), one test's edit, void and re-grade, a person's history, the ward summary, contraindications and settings.
 * Raw measurements are stored apart from points; every grading comes from the one engine (shared/domain/fitness).
 * Every method that acts on a person or a ward declares its `scope` (ward scoping, 包队责任制).
 */
import { z } from 'zod'
import { FITNESS_ITEMS, FITNESS_MEASURES, type FitnessItem, type FitnessMeasure, type FitnessStandard } from '../domain/fitness'
import { id, intAtLeast, intRange, isoDate, optionalIsoDate, optionalText, reason, text, tooLong, tooMany } from './common'
import { method, noAudit } from './define'

export type FitnessGrade = 'excellent' | 'good' | 'pass' | 'fail'
/** Why a test has no composite grade: an item missing, scoring 0 (无分) or exempt; or the person outside the standard. */
export type GradeWithheld = 'missing' | 'zero' | 'exempt' | 'age_outside' | 'sex_outside'

/** One grading of a test's measurements under one standard, as stored. */
export interface FitnessGradingView {
  id: string
  standardId: string
  standardVersion: string
  /** false: the person's age or sex is outside the standard ("not covered by this standard", never a wrong grade). */
  covered: boolean
  ageBand: string | null
  ageGroup: string | null
  /** Points (0–5) of each scored item. */
  items: Partial<Record<FitnessItem, number>>
  total: number | null
  grade: FitnessGrade | null
  gradeWithheld: GradeWithheld | null
  applicable: FitnessItem[]
  notApplicable: FitnessItem[]
  missing: FitnessItem[]
  exempt: FitnessItem[]
  zero: FitnessItem[]
  /** Items measured but without a norm row in the standard (e.g. a height outside the height-weight table): no grade. */
  noNorm: FitnessItem[]
  /** 'original': the grading made when the test was saved (or last edited); 'regrade': under another standard, kept beside it. */
  kind: 'original' | 'regrade'
  gradedAt: string
  gradedBy: string
  note: string | null
}

export interface FitnessTestView {
  id: string
  personId: string
  wardId: string
  wardName: string
  date: string
  sex: 'M' | 'F'
  /** Whole years on the test date. */
  age: number
  standardId: string
  measurements: Partial<Record<FitnessMeasure, number>>
  /** Items excluded by a contraindication active on the test date (exempt, not missing). */
  exemptItems: FitnessItem[]
  grading: FitnessGradingView
  /** Re-gradings under other standards, newest first, kept beside the original. */
  regrades: FitnessGradingView[]
  /** The revision an edit must name (1 = as first saved). */
  revision: number
  recordedAt: string
  recordedBy: string
  voided: { at: string; by: string; reason: string } | null
}

export const CONTRAINDICATION_KINDS = ['cardiovascular', 'injury', 'illness', 'other'] as const
export type ContraindicationKind = (typeof CONTRAINDICATION_KINDS)[number]

export interface ContraindicationView {
  id: string
  personId: string
  kind: ContraindicationKind
  /** The items the person must not take (e.g. the step test); shown as exempt, never as missing. */
  items: FitnessItem[]
  reason: string
  from: string
  /** Last day it applies; null while open-ended. */
  until: string | null
  recordedAt: string
  recordedBy: string
  revision: number
  voided: { at: string; by: string; reason: string } | null
}

/** One person of a ward's test day. */
export interface TestDayPerson {
  personId: string
  name: string
  /** Masked for every role (6 + 8 × * + 4): enough to tell two people of one name apart on a sheet. */
  idNumberMasked: string
  sex: 'M' | 'F'
  age: number
  /** Age and sex inside the chosen standard; false: not covered, no items apply. */
  covered: boolean
  applicable: FitnessItem[]
  notApplicable: FitnessItem[]
  /** Items excluded by a contraindication active on the date. */
  exempt: FitnessItem[]
  contraindications: ContraindicationView[]
  /** The test already saved for this person that day (edit it with fitness:updateTest), if any. */
  saved: FitnessTestView | null
}

export interface FitnessDraftView {
  id: string
  wardId: string
  date: string
  standardId: string
  rows: DraftRow[]
  revision: number
  updatedAt: string
  updatedBy: string
}

export interface TestDay {
  wardId: string
  wardName: string
  date: string
  standardId: string
  /** Everyone in the ward on that date (ward history), by pinyin. */
  people: TestDayPerson[]
  draft: FitnessDraftView | null
}

export const TEST_DAY_ERROR_CODES = [
  'unknown_person',
  'not_in_ward',
  'implausible',
  'decimals',
  'duplicate_person',
  'age_not_covered',
  'sex_not_covered',
  'before_admission',
  'future_date',
  'already_saved',
  'no_measurements',
  'not_applicable',
  'exempt_item',
] as const
export type TestDayErrorCode = (typeof TEST_DAY_ERROR_CODES)[number]

/**
 * A row-level problem of a test day: `field` is a path such as `rows.3.vital_capacity_ml` or `rows.3.personId` (rows
 * counted from 0, as in the input). A problem of the whole day (a date in the future) has `row` and `personId` null
 * and `field` 'date'.
 */
export interface TestDayRowError {
  row: number | null
  personId: string | null
  field: string
  code: TestDayErrorCode
  /** The message key with its parameters (`fitness.implausible|{"min":1000,"max":9000}`), translated by either side. */
  message: string
  params: Record<string, string | number>
}

export interface TestDayCheck {
  ok: boolean
  errors: TestDayRowError[]
  /** The grading of each row (null for a row that cannot be graded: unknown person, not in the ward). */
  rows: Array<{ personId: string; grading: FitnessGradingPreview | null }>
}

/** What the engine says for a row before it is saved (no id, nobody graded it yet). */
export type FitnessGradingPreview = Omit<FitnessGradingView, 'id' | 'kind' | 'gradedAt' | 'gradedBy' | 'note'>

export interface PersonFitnessHistory {
  personId: string
  name: string
  sex: 'M' | 'F'
  admissionDate: string
  /** Every test of the stay, oldest first; voided tests stay listed, marked. */
  tests: FitnessTestView[]
  /** The newest and the one before it among live tests, for the comparison chart. */
  latestId: string | null
  previousId: string | null
  contraindications: ContraindicationView[]
}

export interface FitnessWardSummary {
  wardId: string
  wardName: string
  today: string
  /** The ward's latest test date with a live test (ward at the time of the test), null when none. */
  latestTestDate: string | null
  distribution: Record<FitnessGrade | 'none', number>
  /** Mean change in points per item, first test since admission → latest, over people with both. */
  changes: Array<{ item: FitnessItem; people: number; meanChange: number }>
  retestIntervalDays: number
  /** People now in the ward whose retest is due (never tested, or last test ≥ interval days ago), most overdue first. */
  due: Array<{ personId: string; name: string; lastTestDate: string | null; dueDate: string | null }>
}

export interface FitnessSettings {
  /** Days between tests after which a retest is due: a facility choice (no national figure is verified). */
  retestIntervalDays: number
  defaultStandardId: string
}

const measurementValue = z.number({ error: 'v.number' }).refine(Number.isFinite, { message: 'v.number' })
/** Raw measurements by name; a measure left out (or null) was not taken. Ranges are checked against the standard. */
export const measurementsInput = z
  .object(Object.fromEntries(FITNESS_MEASURES.map((m) => [m, measurementValue.nullish()])) as Record<FitnessMeasure, z.ZodOptional<z.ZodNullable<typeof measurementValue>>>)
  .strict()
  .transform((m) => Object.fromEntries(Object.entries(m).filter(([, v]) => v !== null && v !== undefined)) as Partial<Record<FitnessMeasure, number>>)

const fitnessItem = z.enum(FITNESS_ITEMS)
const standardId = z.string({ error: 'v.required' }).trim().min(1, 'v.required').max(60, tooLong(60))
const MAX_ROWS = 500
const testDayRow = z.object({ personId: id, measurements: measurementsInput })
export type DraftRow = { personId: string; measurements: Partial<Record<FitnessMeasure, number>> }

const testDayInput = {
  wardId: id,
  date: isoDate,
  /** Omitted: the facility's default standard (setting fitness.defaultStandard). */
  standardId: standardId.optional(),
  rows: z.array(testDayRow).min(1, 'v.required').max(MAX_ROWS, tooMany(MAX_ROWS)),
}

/**
 * Defaults: a retest about every three months is the facility's choice (domain-reference §5 gives no interval), the
 * 2003 adult standard (国民体质测定标准 成年人部分) until the facility picks another.
 */
export const DEFAULT_FITNESS_SETTINGS: FitnessSettings = { retestIntervalDays: 90, defaultStandardId: 'GTY-2003-adult' }

export const fitnessSettingsSchema = z.object({
  retestIntervalDays: intRange(7, 730, 'v.range_days'),
  defaultStandardId: standardId,
})

const byWard = { ward: (i: { wardId: string }) => i.wardId }
const byPerson = { person: (i: { personId: string }) => i.personId }
const testRecord = (i: { id: string }) => i.id

export const fitnessContract = {
  /** Every standard shipped or added as a norms file (the renderer grades live with the same engine), and the default. */
  /** The standards in use; `refusedFiles`: the facility's own standard files that failed their check at start-up. */
  'fitness:standards': method<{ defaultStandardId: string; standards: FitnessStandard[]; refusedFiles: Array<{ file: string; message: string }> }>()({
    input: z.object({}),
    access: 'fitness.read',
    scope: 'facility',
    audit: noAudit,
  }),
  'fitness:testDay': method<TestDay>()({
    input: z.object({ wardId: id, date: isoDate, standardId: standardId.optional() }),
    access: 'fitness.read',
    scope: byWard,
    audit: { kind: 'read', recordType: 'ward', record: (i) => i.wardId },
  }),
  /** A dry run of fitness:saveTestDay: every row-level problem and each row's grading; nothing is saved. */
  'fitness:checkTestDay': method<TestDayCheck>()({ input: z.object(testDayInput), access: 'fitness.record', scope: byWard, audit: noAudit }),
  /**
   * Saves the day as one batch, all or nothing: any row error refuses the whole batch (invalid_input with fields keyed
   * `rows.N.<measure>` / `rows.N.personId`) and nothing is saved. A draft named by id is closed by the save.
   */
  'fitness:saveTestDay': method<{ testIds: string[] }>()({
    input: z.object({ ...testDayInput, draftId: id.optional(), draftRevision: intAtLeast(1).optional() }),
    access: 'fitness.record',
    scope: byWard,
    audit: { kind: 'write', recordType: 'ward', record: (i) => i.wardId },
  }),
  /** Keeps a half-finished day (one live draft per ward and date); an update names the revision it read. */
  'fitness:saveDraft': method<{ id: string; revision: number }>()({
    input: z.object({
      wardId: id,
      date: isoDate,
      standardId,
      rows: z.array(z.object({ personId: id, measurements: measurementsInput })).max(MAX_ROWS, tooMany(MAX_ROWS)),
      /** Absent for a new draft; the draft's revision when updating it. */
      revision: intAtLeast(1).optional(),
    }),
    access: 'fitness.record',
    scope: byWard,
    audit: { kind: 'write', recordType: 'fitness_draft', record: (_i, o) => o.id },
  }),
  'fitness:discardDraft': method<null>()({
    input: z.object({ wardId: id, id, revision: intAtLeast(1) }),
    access: 'fitness.record',
    scope: byWard,
    audit: { kind: 'write', recordType: 'fitness_draft', record: testRecord },
  }),
  /** Changes one saved test's measurements (naming the revision read) and grades it again; every revision is kept. */
  'fitness:updateTest': method<{ revision: number; grading: FitnessGradingView }>()({
    input: z.object({ personId: id, id, revision: intAtLeast(1), measurements: measurementsInput, changeNote: optionalText(200) }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_test', record: testRecord },
  }),
  'fitness:voidTest': method<null>()({
    input: z.object({ personId: id, id, reason }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_test', record: testRecord },
  }),
  /** Grades a test under another standard; the result is kept beside the original, which stays the test's grade. */
  'fitness:regrade': method<{ grading: FitnessGradingView }>()({
    input: z.object({ personId: id, id, standardId, note: optionalText(300) }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_test', record: testRecord },
  }),
  /** Every test of the person's stay with points and grades (health data: an audited read). */
  'fitness:personHistory': method<PersonFitnessHistory>()({
    input: z.object({ personId: id }),
    access: 'fitness.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'fitness:wardSummary': method<FitnessWardSummary>()({
    input: z.object({ wardId: id }),
    access: 'fitness.read',
    scope: byWard,
    audit: noAudit,
  }),
  'fitness:contraindications': method<ContraindicationView[]>()({
    input: z.object({ personId: id }),
    access: 'fitness.read',
    scope: byPerson,
    audit: { kind: 'read', recordType: 'person', record: (i) => i.personId },
  }),
  'fitness:recordContraindication': method<{ id: string }>()({
    input: z.object({
      personId: id,
      kind: z.enum(CONTRAINDICATION_KINDS, { error: 'v.required' }),
      items: z.array(fitnessItem).min(1, 'v.required').max(FITNESS_ITEMS.length, tooMany(FITNESS_ITEMS.length)),
      reason: text(300),
      from: isoDate,
      until: optionalIsoDate,
    }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_contraindication', record: (_i, o) => o.id },
  }),
  /** Sets the last day it applies (the revision read names the version). */
  'fitness:endContraindication': method<{ revision: number }>()({
    input: z.object({ personId: id, id, until: isoDate, revision: intAtLeast(1) }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_contraindication', record: testRecord },
  }),
  'fitness:voidContraindication': method<null>()({
    input: z.object({ personId: id, id, reason }),
    access: 'fitness.record',
    scope: byPerson,
    audit: { kind: 'write', recordType: 'fitness_contraindication', record: testRecord },
  }),
  /** The settings and their version, which a save must name (fitness:updateSettings). */
  'fitness:settings': method<FitnessSettings & { version: string }>()({ input: z.object({}), access: 'fitness.read', scope: 'facility', audit: noAudit }),
  'fitness:updateSettings': method<null>()({
    input: z.object({ settings: fitnessSettingsSchema, version: z.string().min(1, 'v.required').max(64, tooLong(64)) }),
    access: 'facility.manage',
    scope: 'facility',
    audit: { kind: 'write', recordType: 'facility', record: () => 'fitness.settings' },
  }),
}
