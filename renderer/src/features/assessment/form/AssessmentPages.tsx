import { Paper } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import { ASSESSMENT_POINTS, type AssessmentPoint } from '@shared/domain/assessment'
import { PERIODS, type Period } from '@shared/domain/periods'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { PageHeader } from '../../../components/PageHeader'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { AssessmentEditor, type EditorSource } from './AssessmentEditor'
import { itemKey } from './useAssessmentForm'

const Loading = () => (
  <Paper p="lg">
    <TableSkeleton rows={8} />
  </Paper>
)

/** /people/:personId/assessment/new?point=…&period=… — a new assessment of that point, with the evidence on file. */
export function NewAssessmentPage() {
  const { personId = '' } = useParams()
  if (!isValidUuid(personId)) return <NotFound />
  return <NewAssessment personId={personId} />
}

function NewAssessment({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const pointParam = search.get('point')
  const point: AssessmentPoint = ASSESSMENT_POINTS.includes(pointParam as AssessmentPoint) ? (pointParam as AssessmentPoint) : 'admission'
  const periodParam = search.get('period')
  const period = PERIODS.includes(periodParam as Period) ? (periodParam as Period) : null
  const prep = useApiQuery('assessment:prepare', { personId, point })
  const file = useApiQuery('people:get', { id: personId })
  const back = { to: `/people/${personId}?tab=assessment`, label: t('assessment.tab') }
  if (prep.error || file.error) return <ErrorAlert error={prep.error ?? file.error} />
  if (!prep.data || !file.data) return <Loading />
  const p = prep.data
  const source: EditorSource = {
    personId,
    personName: p.personName,
    idNumberMasked: p.idNumberMasked,
    wardName: p.wardName,
    template: p.template.template,
    templateVersion: p.template.version,
    evidence: new Map(p.items.map((i) => [itemKey(i.component, i.itemId), { evidence: i.evidence, suggested: i.suggested }])),
    term: p.term,
    approvedExtensionMonths: p.approvedExtensionMonths,
    existing: null,
    initial: {
      point,
      stagePeriod: point === 'stage' ? (period ?? p.period) : null,
      assessedOn: todayIso(),
      assessors: '',
      note: '',
      recommendation: 'none',
      // Each item starts from what its evidence suggests; manual items are left for the assessor.
      items: Object.fromEntries(p.items.map((i) => [itemKey(i.component, i.itemId), { points: i.suggested, note: '' }])),
    },
    canWrite: can('assessment.record') && canWriteIn(file.data.wardId),
  }
  return (
    <>
      <PageHeader title={`${t('assessment.newTitle')} · ${t(`assessment.points.${point}`)}`} back={back} />
      <AssessmentEditor key={point} source={source} />
    </>
  )
}

/** /assessments/:id — one assessment, always shown with the template version it used. */
export function AssessmentPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <ExistingAssessment id={id} />
}

function ExistingAssessment({ id }: { id: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const view = useApiQuery('assessment:get', { id })
  if (view.error) return <ErrorAlert error={view.error} />
  if (!view.data) return <Loading />
  const a = view.data
  const source: EditorSource = {
    personId: a.personId,
    personName: a.personName,
    idNumberMasked: a.idNumberMasked,
    wardName: a.wardName,
    template: a.template,
    templateVersion: a.templateVersion,
    evidence: new Map(a.items.map((i) => [itemKey(i.component, i.itemId), { evidence: i.evidence, suggested: i.suggested }])),
    term: a.term,
    approvedExtensionMonths: a.approvedExtensionMonths,
    existing: { id: a.id, revision: a.revision, status: a.status, voided: a.voided !== null },
    initial: {
      point: a.point,
      stagePeriod: a.stagePeriod,
      assessedOn: a.assessedOn,
      assessors: a.assessors,
      note: a.note ?? '',
      recommendation: a.recommendation,
      items: Object.fromEntries(a.items.map((i) => [itemKey(i.component, i.itemId), { points: i.points, note: i.note ?? '' }])),
    },
    canWrite: can('assessment.record') && canWriteIn(a.wardId),
  }
  return (
    <>
      <PageHeader
        title={`${t('assessment.title')} · ${t(`assessment.points.${a.point}`)}`}
        subtitle={t('assessment.revision', { revision: a.revision })}
        back={{ to: `/people/${a.personId}?tab=assessment`, label: t('assessment.tab') }}
      />
      {/* Keyed by revision: a save reloads the form from what was stored. */}
      <AssessmentEditor key={`${a.id}@${a.revision}`} source={source} />
    </>
  )
}
