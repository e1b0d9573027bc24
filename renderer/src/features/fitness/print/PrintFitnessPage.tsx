import { Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { FitnessTestView, PersonFile, PersonFitnessHistory } from '@shared/contract'
import { FITNESS_ITEMS, stepIndex, type FitnessItem, type FitnessMeasure, type FitnessStandard } from '@shared/domain/fitness'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { formatInstant } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { measuresOf } from '../day/useDayGrid'
import { useStandardLabel, useViewNote } from '../fitnessUi'
import { useStandards } from '../fitnessQueries'
import '../../../components/printLayout.css'
import './fitnessReport.css'

/** /print/fitness/:personId/:testId — one test as an A4 report: the person, each item's value and points, the grade, signatures. */
export function PrintFitnessPage() {
  const { personId = '', testId = '' } = useParams()
  if (!isValidUuid(personId) || !isValidUuid(testId)) return <NotFound />
  return <PrintView personId={personId} testId={testId} />
}

function PrintView({ personId, testId }: { personId: string; testId: string }) {
  const { t } = useTranslation()
  const history = useApiQuery('fitness:personHistory', { personId })
  const person = useApiQuery('people:get', { id: personId })
  const standards = useStandards()
  const standardName = useStandardLabel()
  const facility = useFacility()
  const error = history.error ?? person.error ?? standards.error ?? facility.error
  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  const test = history.data?.tests.find((x) => x.id === testId)
  if (history.data && !test) return <NotFound />
  const standard = standards.data?.standards.find((s) => s.id === test?.standardId)
  const ready = test && history.data && person.data && standards.data && facility.data
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/people/${personId}?tab=fitness`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('fitness.report.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!ready} data-testid="fitness-print">
          {t('fitness.report.print')}
        </Button>
      </Group>
      {ready ? (
        <Report test={test} history={history.data} person={person.data} standard={standard ?? null} standardName={standard ? standardName(standard) : test.standardId} facilityName={facility.data.name} />
      ) : (
        <div className="a4-sheet fit-report" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}

const fmt = (value: number | undefined) => (value === undefined ? '' : String(value))

function Report({ test, history, person, standard, standardName, facilityName }: { test: FitnessTestView; history: PersonFitnessHistory; person: PersonFile; standard: FitnessStandard | null; standardName: string; facilityName: string }) {
  const { t } = useTranslation()
  const viewNote = useViewNote()
  const g = test.grading
  const items = FITNESS_ITEMS.filter((i) => g.applicable.includes(i) || test.exemptItems.includes(i))
  const unit = (m: FitnessMeasure) => t(`fitness.units.${m}`)
  const value = (m: FitnessMeasure) => (test.measurements[m] === undefined ? null : `${fmt(test.measurements[m])}${unit(m) ? ` ${unit(m)}` : ''}`)

  const measurementText = (item: FitnessItem): string => {
    if (test.exemptItems.includes(item)) {
      const reason = history.contraindications.find((c) => !c.voided && c.items.includes(item) && c.from <= test.date && (c.until === null || c.until >= test.date))?.reason
      return reason ? `${t('fitness.exempt')}（${reason}）` : t('fitness.exempt')
    }
    if (item === 'step_index') {
      const m = test.measurements
      if (m.step_duration_s !== undefined && m.step_pulse_1 !== undefined && m.step_pulse_2 !== undefined && m.step_pulse_3 !== undefined) {
        const computed = m.step_index ?? stepIndex(m.step_duration_s, [m.step_pulse_1, m.step_pulse_2, m.step_pulse_3])
        const index = t('fitness.report.stepIndexOf', { index: computed })
        return `${t('fitness.report.stepOf', { duration: m.step_duration_s, pulses: [m.step_pulse_1, m.step_pulse_2, m.step_pulse_3].map(fmt).join(' / ') })}${index}`
      }
    }
    const parts = measuresOf(item)
      .filter((m) => item !== 'step_index' || m === 'step_index')
      .map((m) => (measuresOf(item).length > 1 && item !== 'step_index' ? (value(m) ? `${t(`fitness.measures.${m}`)} ${value(m)}` : null) : value(m)))
      .filter((x): x is string => x !== null)
    return parts.length > 0 ? parts.join('，') : t('fitness.report.notTaken')
  }
  const cuts = standard?.ageGroups.find((group) => group.ages.id === g.ageGroup)?.grades
  const measured = (item: FitnessItem) => measuresOf(item).some((m) => test.measurements[m] !== undefined)
  // Measured but not scored: the norms have no row for it (height-weight outside the keyed heights and ages).
  const pointsText = (item: FitnessItem) =>
    test.exemptItems.includes(item) ? '—' : g.items[item] !== undefined ? t('fitness.points', { points: g.items[item] }) : measured(item) ? t('fitness.noNormShort') : '—'
  const earlier = history.tests.filter((x) => !x.voided && x.date <= test.date).slice(-6)

  return (
    <div className="a4-sheet fit-report" data-testid="fitness-report">
      <div className="fit-report-facility">{facilityName}</div>
      <h1>{t('fitness.report.title')}</h1>
      <div className="fit-report-sub">{standardName}</div>

      <div className="fit-report-grid">
        <Field label={t('fitness.report.person')} value={person.identity.name} />
        <Field label={t('fitness.report.sex')} value={t(`fitness.sex.${test.sex}`)} />
        <Field label={t('fitness.report.age')} value={`${test.age} ${t('fitness.report.years')}${g.ageBand ? `（${g.ageBand}）` : ''}`} />
        <Field label={t('fitness.report.idNumber')} value={person.idNumberMasked} />
        <Field label={t('fitness.report.ward')} value={test.wardName} />
        <Field label={t('fitness.date')} value={test.date} />
      </div>

      <table className="fit-report-table">
        <thead>
          <tr>
            <th style={{ width: '26%' }}>{t('fitness.report.item')}</th>
            <th>{t('fitness.report.measurement')}</th>
            <th style={{ width: '12%' }} className="num">
              {t('fitness.report.points')}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item} data-testid="fitness-report-item">
              <td>{t(`fitness.items.${item}`)}</td>
              <td>{measurementText(item)}</td>
              <td className="num">{pointsText(item)}</td>
            </tr>
          ))}
          <tr className="fit-report-total">
            <td>{t('fitness.report.totalRow')}</td>
            <td />
            <td className="num">{g.covered && g.total !== null ? t('fitness.totalPoints', { total: g.total }) : '—'}</td>
          </tr>
        </tbody>
      </table>

      <div className="fit-report-grade" data-testid="fitness-report-grade">
        <span className="label">{t('fitness.report.composite')}</span>
        <span className="grade">{g.grade ? t(`fitness.grades.${g.grade}`) : t('fitness.grades.none')}</span>
        {!g.grade && <span className="note">{viewNote(g)}</span>}
        {g.ageGroup && <span className="note">{t('fitness.report.ageGroup', { group: g.ageGroup })}</span>}
      </div>
      {cuts && (
        <div className="fit-report-cuts" data-testid="fitness-report-cuts">
          {t('fitness.report.cuts', { group: g.ageGroup ?? '', excellent: cuts.excellent, good: cuts.good, pass: cuts.pass })}
        </div>
      )}

      {earlier.length >= 2 && (
        <>
          <h2>{t('fitness.report.history')}</h2>
          <table className="fit-report-table compact">
            <thead>
              <tr>
                <th>{t('fitness.date')}</th>
                <th className="num">{t('fitness.total')}</th>
                <th>{t('fitness.grade')}</th>
              </tr>
            </thead>
            <tbody>
              {earlier.map((x) => (
                <tr key={x.id}>
                  <td>{x.date}</td>
                  <td className="num">{x.grading.total ?? '—'}</td>
                  <td>{x.grading.grade ? t(`fitness.grades.${x.grading.grade}`) : viewNote(x.grading)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}

      <div className="fit-report-signatures">
        <span>{t('fitness.report.signTester')}</span>
        <span>{t('fitness.report.signReviewer')}</span>
        <span>{t('fitness.report.signPerson')}</span>
        <span>{t('fitness.report.signDate')}</span>
      </div>
      <div className="fit-report-footer">
        {t('fitness.report.confidential')} · {t('fitness.report.printedAt', { at: formatInstant(new Date().toISOString()) })} · {t('fitness.person.versionNote', { version: test.revision })}
      </div>
    </div>
  )
}

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <span className="label">{label}：</span>
      <span>{value}</span>
    </div>
  )
}
