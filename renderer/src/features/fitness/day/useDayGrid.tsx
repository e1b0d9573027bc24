import { IconHeartbeat, IconLock } from '@tabler/icons-react'
import { useCallback, useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import {
  FITNESS_MEASURES,
  gradeFitness,
  MEASURE_ITEM,
  stepIndex,
  type FitnessGrading,
  type FitnessItem,
  type FitnessMeasure,
  type FitnessStandard,
} from '@shared/domain/fitness'
import type { CellState, GridColumn, GridRowSpec, RowView } from '../grid/FitnessGrid'
import { GradeBadge, useGradingNote } from '../fitnessUi'
import { measurementsOf } from './measureCheck'
import type { MeasureFault } from './measureText'

/** One person on the test day, as the grid needs them: age on the test date, sex, what applies, any exempt items. */
export interface DayPerson {
  personId: string
  name: string
  /** Last four ID characters ('' for someone no longer on the ward's roster). */
  idTail: string
  idMasked: string
  sex: 'M' | 'F'
  age: number
  covered: boolean
  applicable: readonly FitnessItem[]
  exempt: readonly FitnessItem[]
  /** The contraindication behind the exemption, shown on the 免测 cells. */
  exemptReason: string | null
  /** A test already saved that day: its row shows the saved values, locked. */
  saved: boolean
}

const WIDTH: Record<FitnessMeasure, number> = {
  height_cm: 66,
  weight_kg: 66,
  vital_capacity_ml: 78,
  step_duration_s: 66,
  step_pulse_1: 58,
  step_pulse_2: 58,
  step_pulse_3: 58,
  step_index: 72,
  grip_kg: 70,
  push_ups: 72,
  sit_ups: 96,
  vertical_jump_cm: 66,
  sit_and_reach_cm: 80,
  choice_reaction_s: 80,
  single_leg_stand_s: 100,
}

/** The column that shows an item's points: the last of its measures (weight for height-weight, the index for the step test). */
export const POINTS_MEASURE: Record<FitnessItem, FitnessMeasure> = Object.fromEntries(
  FITNESS_MEASURES.map((m) => [MEASURE_ITEM[m], m] as const),
) as Record<FitnessItem, FitnessMeasure>

export const measuresOf = (item: FitnessItem) => FITNESS_MEASURES.filter((m) => MEASURE_ITEM[m] === item)

/** What a person's cell of a measure is: an input, grey (not applicable), 免测 (exempt), or locked (already saved). */
export function cellKind(person: Pick<DayPerson, 'covered' | 'applicable' | 'exempt' | 'saved'>, measure: FitnessMeasure): 'input' | 'na' | 'exempt' | 'locked' {
  const item = MEASURE_ITEM[measure]
  if (!person.covered) return 'na'
  if (person.exempt.includes(item)) return 'exempt'
  if (!person.applicable.includes(item)) return 'na'
  return person.saved ? 'locked' : 'input'
}

export type ProblemText = (measure: FitnessMeasure, check: MeasureFault) => string

export function useProblemText(): ProblemText {
  const { t } = useTranslation()
  return useCallback((measure, check) => {
    const name = t(`fitness.measures.${measure}`)
    if (check.kind === 'not_number') return t('fitness.problem.notNumber', { measure: name })
    if (check.kind === 'decimals') return t('fitness.problem.decimals', { measure: name, decimals: check.decimals })
    return t('fitness.problem.implausible', { measure: name, value: check.value, min: check.min, max: check.max, unit: t(`fitness.units.${measure}`) })
  }, [t])
}

interface Options {
  standard: FitnessStandard
  people: readonly DayPerson[]
  /** Row-level and cell-level refusals from the server's last save, by person. */
  serverErrors: ReadonlyMap<string, { row?: string; cells: Partial<Record<FitnessMeasure, string>> }>
}

/**
 * The grid's columns (every measure of an item that applies to anyone in the ward), each person's row (grey where the
 * item does not apply, 免测 where a contraindication exempts them) and the live view of a row: messages for bad values,
 * the points per item, total and grade from the one grading engine, exactly as the server will grade the saved values.
 */
export function useDayGrid({ standard, people, serverErrors }: Options) {
  const { t } = useTranslation()
  const problemText = useProblemText()
  const gradingNote = useGradingNote()

  const byId = useMemo(() => new Map(people.map((p) => [p.personId, p])), [people])

  const columns: GridColumn[] = useMemo(() => {
    const used = new Set<FitnessItem>()
    for (const p of people) if (p.covered) for (const item of [...p.applicable, ...p.exempt]) used.add(item)
    return FITNESS_MEASURES.filter((m) => used.has(MEASURE_ITEM[m])).map((m) => {
      const item = MEASURE_ITEM[m]
      const single = measuresOf(item).length === 1
      return {
        key: m,
        name: t(`fitness.measures.${m}`),
        label: single ? '' : t(`fitness.measures.${m}`),
        unit: t(`fitness.units.${m}`),
        group: item,
        // Short item names fit the narrow columns (仰卧起坐, not 1分钟仰卧起坐); the full name is the heading's title.
        groupLabel: t(`fitness.itemsShort.${item}`),
        groupTitle: t(`fitness.items.${item}`),
        width: WIDTH[m],
      }
    })
  }, [people, t])

  const rows: GridRowSpec[] = useMemo(
    () =>
      people.map((person) => {
        const cell = (column: string): CellState => {
          const kind = cellKind(person, column as FitnessMeasure)
          if (kind === 'exempt') return { kind, label: t('fitness.exempt'), title: t('fitness.day.exemptTitle', { reason: person.exemptReason ?? '' }) }
          if (kind === 'na') return { kind, title: person.covered ? t('fitness.day.notApplicableTitle') : t('fitness.day.notCoveredTitle') }
          if (kind === 'locked') return { kind, title: t('fitness.day.alreadyRecorded') }
          return { kind }
        }
        return {
          key: person.personId,
          name: person.name,
          cell,
          head: (
            <div className="fit-person-head">
              <span className="fit-person-name">
                {person.name}
                {person.exemptReason && (
                  <span className="fit-contra" title={t('fitness.day.exemptTitle', { reason: person.exemptReason })} aria-label={t('fitness.day.exemptTitle', { reason: person.exemptReason })}>
                    <IconHeartbeat size={13} />
                  </span>
                )}
              </span>
              <span className="fit-person-meta tabular">
                {t('fitness.sexAge', { sex: t(`fitness.sex.${person.sex}`), age: person.age })} · {person.idTail}
              </span>
            </div>
          ),
        }
      }),
    [people, t],
  )

  const describeRow = useCallback(
    (personId: string, texts: Readonly<Record<string, string>>): RowView => {
      const person = byId.get(personId)
      const server = serverErrors.get(personId)
      if (!person) return { problems: {}, hints: {}, tail: null }
      const allowed = new Set(FITNESS_MEASURES.filter((m) => cellKind(person, m) === 'input' || cellKind(person, m) === 'locked'))
      const { measurements, problems } = measurementsOf(standard, texts, allowed)
      const messages: Record<string, string> = {}
      for (const [measure, check] of Object.entries(problems) as Array<[FitnessMeasure, NonNullable<(typeof problems)[FitnessMeasure]>]>) {
        messages[measure] = problemText(measure, check)
      }
      for (const [measure, message] of Object.entries(server?.cells ?? {})) if (message && !messages[measure]) messages[measure] = message
      const grading = gradeFitness(standard, { sex: person.sex, age: person.age }, measurements, { exempt: [...person.exempt] })
      const hints: Record<string, { points?: string; placeholder?: string }> = {}
      if (grading.covered) {
        for (const [item, points] of Object.entries(grading.items) as Array<[FitnessItem, number]>) {
          hints[POINTS_MEASURE[item]] = { points: t('fitness.points', { points }) }
        }
        for (const item of grading.noNorm) hints[POINTS_MEASURE[item]] = { points: t('fitness.noNormShort') }
      }
      const { step_duration_s: duration, step_pulse_1: p1, step_pulse_2: p2, step_pulse_3: p3 } = measurements
      if (measurements.step_index === undefined && duration !== undefined && p1 !== undefined && p2 !== undefined && p3 !== undefined && p1 + p2 + p3 > 0) {
        hints.step_index = { ...hints.step_index, placeholder: String(stepIndex(duration, [p1, p2, p3])) }
      }
      const entered = Object.keys(measurements).length > 0
      return { problems: messages, hints, tail: <RowTail grading={grading} entered={entered} saved={person.saved} note={gradingNote(grading)} />, rowError: server?.row }
    },
    [byId, serverErrors, standard, problemText, gradingNote, t],
  )

  return { columns, rows, describeRow }
}

function RowTail({ grading, entered, saved, note }: { grading: FitnessGrading; entered: boolean; saved: boolean; note: string | null }) {
  const { t } = useTranslation()
  if (!grading.covered) return <span className="fit-note">{note}</span>
  if (!entered) return <span className="fit-note">—</span>
  return (
    <div className="fit-tail" data-testid="fg-grade" data-grade={grading.grade ?? 'none'} data-saved={saved || undefined}>
      {saved && <IconLock size={14} color="var(--mantine-color-gray-6)" aria-label={t('fitness.day.alreadyRecorded')} />}
      <span className="fit-total tabular" data-testid="fg-total">
        {t('fitness.totalPoints', { total: grading.total })}
      </span>
      {grading.grade ? (
        <GradeBadge grade={grading.grade} size="sm" />
      ) : (
        <span className="fit-note fit-note-line" title={grading.noNorm.length > 0 ? t('fitness.withheld.noNormLong', { items: grading.noNorm.map((i) => t(`fitness.items.${i}`)).join('、') }) : (note ?? undefined)}>
          {note}
        </span>
      )}
    </div>
  )
}
