import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { AssessmentDetail, InstrumentView, PersonFile } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { formatInstant } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { TrendChart } from '../charts/TrendChart'
import { trendPoints } from '../charts/trend'
import { formatScore, instrumentTitle, orderedScoreKeys, useBi, useInstruments, useItemText, usePsychSettings, useScoreLabel } from '../psychUi'
import { FactorSection, PrintFlags } from '../result/ResultParts'
import { PrintFrame, useHideStaff } from './PrintFrame'

/** /print/assessment/:id — an A4 report outside the app shell; the toolbar is hidden when printing. */
export function PrintAssessmentPage() {
  const { id = '' } = useParams()
  if (!isValidUuid(id)) return <NotFound />
  return <PrintView id={id} />
}

function PrintView({ id }: { id: string }) {
  const { t } = useTranslation()
  const [hideStaff, setHideStaff] = useHideStaff()
  const assessment = useApiQuery('psych:getAssessment', { id })
  const personId = assessment.data?.personId ?? ''
  const person = useApiQuery('people:get', { id: personId }, { enabled: Boolean(personId) })
  const history = useApiQuery('psych:personAssessments', { personId }, { enabled: Boolean(personId) })
  const instruments = useInstruments()
  const settings = usePsychSettings()
  const facility = useFacility()
  const instrument = instruments.data?.find((i) => i.id === assessment.data?.instrumentId)
  const error = assessment.error ?? person.error ?? history.error ?? instruments.error ?? facility.error

  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  return (
    <PrintFrame
      backTo={`/psych/assessments/${id}`}
      backLabel={t('psych.print.back')}
      hideStaff={hideStaff}
      onHideStaff={setHideStaff}
      sheet={
        assessment.data && person.data && instrument && facility.data && history.data ? (
          <Report
            a={assessment.data}
            person={person.data}
            instrument={instrument}
            facilityName={facility.data.name}
            history={history.data}
            hideStaff={hideStaff}
            rule={instrument.id === 'scl90' ? settings.data?.scl90FactorRule : '>='}
          />
        ) : null
      }
    />
  )
}

function Report({
  a,
  person,
  instrument,
  facilityName,
  history,
  hideStaff,
  rule,
}: {
  a: AssessmentDetail
  person: PersonFile
  instrument: InstrumentView
  facilityName: string
  history: Parameters<typeof trendPoints>[0]
  hideStaff: boolean
  rule: '>=' | '>' | undefined
}) {
  const { t } = useTranslation()
  const bi = useBi()
  const scoreLabel = useScoreLabel()
  const itemText = useItemText()
  const result = a.result
  const points = trendPoints(history, a.instrumentId)
  const withTexts = instrument.itemTextsShipped || instrument.itemTextsLoaded
  const cutoff = bi(instrument.cutoffSets.find((c) => c.id === result?.cutoffSetId)?.name)
  const headlineLabel = scoreLabel(instrument.bandScore ?? 'total')
  return (
    <div className="a4-sheet print-sheet" data-testid="print-report" data-hide-staff={hideStaff || undefined}>
      <div className="print-facility">{facilityName}</div>
      <h1>{t('psych.print.title')}</h1>

      <h2>{t('psych.print.person')}</h2>
      <div className="print-grid">
        <Field label={t('field.name')} value={person.identity.name} />
        <Field label={t('field.sex')} value={t(`sex.${person.identity.sex}`)} />
        <Field label={t('psych.print.age')} value={t('file.age', { count: person.age })} />
        <Field label={t('col.ward')} value={person.wardName ?? t('file.noWard')} />
        <Field label={t('col.period')} value={person.period ? t(`period.${person.period}`) : t('file.noPeriod')} />
        <Field label={t('field.idNumber')} value={person.idNumberMasked} />
      </div>

      <h2>{t('psych.print.assessment')}</h2>
      <div className="print-grid">
        <Field label={t('psych.instrument')} value={instrumentTitle(instrument, bi(instrument.name))} />
        <Field label={t('psych.administeredOn')} value={a.administeredOn} />
        <Field label={t('psych.setting')} value={t(`psych.settings.${a.setting}`)} />
        <Field label={t('psych.print.version')} value={a.instrumentVersion} />
        {instrument.cutoffSets.length > 0 && <Field label={t('psych.cutoffSet')} value={cutoff || '—'} />}
        {!hideStaff && <Field label={t('psych.administeredBy')} value={a.administeredBy} testId="print-administered-by" />}
      </div>

      {a.incomplete && (
        <p style={{ marginTop: 10 }}>
          <strong>{t('psych.result.incompleteTitle')}</strong>：{t('psych.result.incompleteBody', { reason: a.incompleteReason ?? '' })}
        </p>
      )}

      {result && (
        <div className="print-block">
          <h2>{t('psych.result.scores')}</h2>
          <table className="print-table">
            <tbody>
              {orderedScoreKeys(result.scores).map((key) => (
                <tr key={key}>
                  <th style={{ width: '40%' }}>{scoreLabel(key)}</th>
                  <td className="num">{formatScore(result.scores[key], key)}</td>
                </tr>
              ))}
              {result.band && (
                <tr>
                  <th>{t('psych.band')}</th>
                  <td>
                    <strong>{bi(result.band.label)}</strong>
                  </td>
                </tr>
              )}
            </tbody>
          </table>
          {result.band && <p style={{ margin: '8px 0 0' }}>{bi(result.band.interpretation)}</p>}
          {!result.band && result.flags.length === 0 && <p style={{ margin: '8px 0 0' }}>{t('psych.result.noBandClear')}</p>}
          <PrintFlags result={result} />
        </div>
      )}

      {result && instrument.factors.length > 0 && Object.keys(result.factors).length > 0 && (
        <div className="print-block">
          <h2>{t('psych.result.factors')}</h2>
          <FactorSection result={result} instrument={instrument} rule={rule} animate={false} />
        </div>
      )}

      {points.length >= 2 && (
        <div className="print-block" data-testid="print-trend">
          <h2>{t('psych.print.trend', { name: instrument.shortName })}</h2>
          <TrendChart instrument={instrument} points={points} yLabel={headlineLabel} animate={false} height={160} />
        </div>
      )}

      <div className="print-block print-flow" data-testid="print-answers">
        <h2>{t('psych.result.answers')}</h2>
        {withTexts ? (
          <table className="print-table">
            <thead>
              <tr>
                <th style={{ width: 40 }}>{t('psych.result.itemNo')}</th>
                <th>{t('psych.result.item')}</th>
                <th style={{ width: 60 }}>{t('psych.result.answer')}</th>
              </tr>
            </thead>
            <tbody>
              {instrument.items.map((item, i) => (
                <tr key={item.number}>
                  <td className="num">{item.number}</td>
                  <td>{itemText(instrument, item.number).text}</td>
                  <td className="num">{a.answers[i] ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <AnswerGrid answers={a.answers} />
        )}
      </div>

      <div className="print-signature">
        <span>{t('psych.print.signature')}</span>
        <span>{t('psych.print.signDate')}</span>
      </div>
      <div className="print-footer">
        {hideStaff
          ? t('psych.print.footerNoStaff', { at: formatInstant(new Date().toISOString()) })
          : t('psych.print.footer', { at: formatInstant(new Date().toISOString()), by: a.recordedBy })}
      </div>
    </div>
  )
}

function Field({ label, value, testId }: { label: string; value: string; testId?: string }) {
  return (
    <div data-testid={testId}>
      <span className="label">{label}：</span>
      <span>{value}</span>
    </div>
  )
}

/** Item → answer in rows of ten, for instruments printed without item texts. */
function AnswerGrid({ answers }: { answers: Array<number | null> }) {
  const rows: Array<Array<number | null>> = []
  for (let i = 0; i < answers.length; i += 10) rows.push(answers.slice(i, i + 10))
  return (
    <table className="print-table">
      <tbody>
        {rows.map((row, r) => (
          <tr key={r}>
            {row.map((v, c) => (
              <td key={c} className="num" style={{ width: '10%' }}>
                <Text span fz={10} c="dimmed" mr={4}>
                  {r * 10 + c + 1}
                </Text>
                {v ?? '—'}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}
