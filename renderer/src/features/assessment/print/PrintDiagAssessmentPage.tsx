import { Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { DiagAssessmentView, PersonFile } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { useBilingual } from '../assessmentUi'
import '../../../components/printLayout.css'
import './assessmentPrint.css'

/** /print/diag-assessment/:id?doc=form|notice — the A4 诊断评估表 or 诊断评估结果通知书, with the template version the assessment used. */
export function PrintDiagAssessmentPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <PrintView id={id} />
}

function PrintView({ id }: { id: string }) {
  const { t } = useTranslation()
  const [search] = useSearchParams()
  const doc = search.get('doc') === 'notice' ? 'notice' : 'form'
  const view = useApiQuery('assessment:get', { id })
  const person = useApiQuery('people:get', { id: view.data?.personId ?? '' }, { enabled: view.data !== undefined })
  const facility = useFacility()
  const error = view.error ?? person.error ?? facility.error
  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  const ready = view.data && person.data && facility.data
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/assessments/${id}`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('assessment.print.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!ready} data-testid="diag-print">
          {doc === 'form' ? t('assessment.printForm') : t('assessment.printNotice')}
        </Button>
      </Group>
      {ready ? (
        doc === 'form' ? (
          <FormSheet a={view.data} person={person.data} facilityName={facility.data.name} />
        ) : (
          <NoticeSheet a={view.data} person={person.data} facilityName={facility.data.name} />
        )
      ) : (
        <div className="a4-sheet diag-sheet" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}

function Header({ a, person, facilityName, title }: { a: DiagAssessmentView; person: PersonFile; facilityName: string; title: string }) {
  const { t } = useTranslation()
  const text = useBilingual()
  return (
    <>
      <div className="diag-facility">{facilityName}</div>
      <h1>{title}</h1>
      <div className="diag-sub">
        {t(`assessment.points.${a.point}`)}
        {a.stagePeriod ? `（${t(`assessment.periods.${a.stagePeriod}`)}）` : ''} · {text(a.template.name)}（{a.template.version} · v{a.templateVersion}）
      </div>
      <div className="diag-grid">
        <div>
          <span className="label">{t('assessment.fields.person')}</span>
          {a.personName}
        </div>
        <div>
          <span className="label">{t('assessment.print.idNumber')}</span>
          {a.idNumberMasked}
        </div>
        <div>
          <span className="label">{t('assessment.print.ward')}</span>
          {a.wardName ?? '—'}
        </div>
        <div>
          <span className="label">{t('assessment.print.decision')}</span>
          {person.identity.decisionDate}
        </div>
        <div>
          <span className="label">{t('assessment.print.admission')}</span>
          {person.identity.admissionDate}
        </div>
        <div>
          <span className="label">{t('assessment.fields.assessedOn')}</span>
          {a.assessedOn}
        </div>
      </div>
    </>
  )
}

function FormSheet({ a, person, facilityName }: { a: DiagAssessmentView; person: PersonFile; facilityName: string }) {
  const { t } = useTranslation()
  const text = useBilingual()
  const items = new Map(a.items.map((i) => [`${i.component}.${i.itemId}`, i]))
  return (
    <div className="a4-sheet diag-sheet" data-testid="diag-form-sheet">
      <Header a={a} person={person} facilityName={facilityName} title={t('assessment.print.formTitle')} />
      <table className="diag-table">
        <thead>
          <tr>
            <th>{t('assessment.print.item')}</th>
            <th>{t('assessment.print.evidence')}</th>
            <th className="num">{t('assessment.print.score')}</th>
            <th>{t('assessment.fields.itemNote')}</th>
          </tr>
        </thead>
        <tbody>
          {a.template.components.map((c) => {
            const scored = a.components.find((x) => x.id === c.id)
            if (!scored?.applies) return null
            return [
              <tr key={c.id} className="diag-component">
                <td colSpan={2}>
                  {t(`assessment.components.${c.id}`)}
                  {c.unverified ? '（UNVERIFIED）' : ''}
                </td>
                <td className="num">{t('assessment.pointsOf', { points: scored.points, max: scored.maxPoints })}</td>
                <td>
                  {t('assessment.print.componentResult')}：{t(`assessment.results.${scored.result ?? 'open'}`)}
                </td>
              </tr>,
              ...c.items.map((item) => {
                const r = items.get(`${c.id}.${item.id}`)
                const ev = r?.evidence
                return (
                  <tr key={`${c.id}.${item.id}`}>
                    <td>{text(item.label)}</td>
                    <td>{ev ? `${t(`assessment.evidenceKinds.${ev.kind}`)}${ev.summary ? `：${ev.summary}` : ''}${ev.on ? `（${ev.on}）` : ''}` : t('assessment.evidenceKinds.manual')}</td>
                    <td className="num">{r?.points ?? '—'}</td>
                    <td>{r?.note ?? ''}</td>
                  </tr>
                )
              }),
            ]
          })}
        </tbody>
      </table>
      <div>
        <strong>{t('assessment.fields.overall')}：</strong>
        {t(`assessment.overall.${a.overallPass === null ? 'open' : a.overallPass ? 'pass' : 'fail'}`)}
        {a.social ? ` · ${t('assessment.components.social')}：${t(`assessment.results.${a.social}`)}` : ''}
      </div>
      <div>
        <strong>{t('assessment.fields.recommendation')}：</strong>
        {t(`assessment.recommendations.${a.recommendation}`)}
      </div>
      {a.note && (
        <div>
          <strong>{t('assessment.fields.note')}：</strong>
          {a.note}
        </div>
      )}
      <div className="diag-signatures">
        <div>
          {t('assessment.print.assessors')}：{a.assessors}
        </div>
        <div>{t('assessment.print.reviewer')}：</div>
        <div>{t('assessment.print.date')}：</div>
        <div>{t('assessment.print.date')}：</div>
      </div>
      <div className="diag-seal">{t('assessment.print.seal')}</div>
    </div>
  )
}

function NoticeSheet({ a, person, facilityName }: { a: DiagAssessmentView; person: PersonFile; facilityName: string }) {
  const { t } = useTranslation()
  const result = t(`assessment.overall.${a.overallPass === null ? 'open' : a.overallPass ? 'pass' : 'fail'}`)
  return (
    <div className="a4-sheet diag-sheet diag-notice" data-testid="diag-notice-sheet">
      <Header a={a} person={person} facilityName={facilityName} title={t('assessment.print.noticeTitle')} />
      <p>{t('assessment.print.noticeBody', { name: a.personName, point: t(`assessment.points.${a.point}`), date: a.assessedOn })}</p>
      <table className="diag-table">
        <tbody>
          {a.components
            .filter((c) => c.applies)
            .map((c) => (
              <tr key={c.id}>
                <td>{t(`assessment.components.${c.id}`)}</td>
                <td className="num">{t('assessment.pointsOf', { points: c.points, max: c.maxPoints })}</td>
                <td className="num">{t(`assessment.results.${c.result ?? 'open'}`)}</td>
              </tr>
            ))}
        </tbody>
      </table>
      <p>{t('assessment.print.noticeResult', { result, rec: t(`assessment.recommendations.${a.recommendation}`) })}</p>
      <p>{t('assessment.print.noticeFooter')}</p>
      <div className="diag-seal">
        {facilityName}
        <br />
        {t('assessment.print.seal')}
        <br />
        {a.assessedOn}
      </div>
      <div className="diag-signatures">
        <div>
          {t('assessment.print.received')}（{person.identity.name}）：
        </div>
        <div>{t('assessment.print.date')}：</div>
      </div>
    </div>
  )
}
