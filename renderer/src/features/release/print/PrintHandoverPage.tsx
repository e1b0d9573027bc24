import { Alert, Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { HandoverContent } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { isValidUuid } from '../../../lib/ids'
import '../../../components/printLayout.css'
import './releasePrint.css'

/** /print/handover/:personId — the A4 移交单; printing is refused (and the button disabled) until the privacy review. */
export function PrintHandoverPage() {
  const { personId = '' } = useParams()
  if (!isValidUuid(personId)) return <NotFound />
  return <PrintView personId={personId} />
}

function PrintView({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const view = useApiQuery('release:handover', { personId })
  // Printing is audited: the call is made (and must succeed) before the browser's print dialog opens.
  const print = useApiMutation('release:printHandover', { success: false, onSuccess: () => window.print() })
  if (view.error) {
    return (
      <CenteredPage>
        <ErrorAlert error={view.error} />
      </CenteredPage>
    )
  }
  const sheet = view.data?.sheet
  const reviewed = sheet?.reviewedAt != null
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/people/${personId}?tab=release`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('release.handover.back')}
        </Button>
        <Group>
          {view.data && !reviewed && <Alert color="orange" py={4} data-testid="handover-must-review">{t('release.handover.mustReview')}</Alert>}
          <Button
            leftSection={<IconPrinter size={16} />}
            disabled={!sheet || !reviewed}
            loading={print.isPending}
            onClick={() => sheet && print.mutate({ id: sheet.id, revision: sheet.revision })}
            data-testid="handover-print"
          >
            {t('release.handover.print')}
          </Button>
        </Group>
      </Group>
      {view.data ? (
        <Sheet c={view.data.content} recipient={sheet?.recipient ?? null} />
      ) : (
        <div className="a4-sheet release-sheet" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}

function Sheet({ c, recipient }: { c: HandoverContent; recipient: string | null }) {
  const { t } = useTranslation()
  const none = <p className="release-none">{t('release.handover.none')}</p>
  return (
    <div className="a4-sheet release-sheet" data-testid="handover-sheet">
      <div className="release-facility">{c.facilityName}</div>
      <h1>{t('release.handover.sheetTitle')}</h1>
      <h2>{t('release.handover.basic')}</h2>
      <table className="release-table">
        <tbody>
          <tr>
            <th>{t('release.handover.name')}</th>
            <td>{c.person.name}</td>
            <th>{t('release.handover.sex')}</th>
            <td>{t(`sex.${c.person.sex}`)}</td>
            <th>{t('release.handover.birthDate')}</th>
            <td>{c.person.birthDate}</td>
          </tr>
          <tr>
            <th>{t('release.handover.idNumber')}</th>
            <td colSpan={3} className="tabular" data-testid="handover-id">{c.person.idNumberMasked}</td>
            <th>{t('release.handover.admission')}</th>
            <td>{c.person.admissionDate}</td>
          </tr>
          <tr>
            <th>{t('release.handover.address')}</th>
            <td colSpan={5}>{c.person.householdAddress}</td>
          </tr>
          <tr>
            <th>{t('release.handover.releaseInfo')}</th>
            <td colSpan={3}>{c.release ? `${c.release.releaseDate} · ${t(`release.kinds.${c.release.kind}`)}` : '—'}</td>
            <th>{t('release.handover.rehabMonths')}</th>
            <td>{c.release?.communityRehabMonths ? t('release.handover.months', { count: c.release.communityRehabMonths }) : '—'}</td>
          </tr>
          <tr>
            <th>{t('release.handover.receiver')}</th>
            <td colSpan={5}>{recipient ?? c.release?.receiver ?? '—'}</td>
          </tr>
        </tbody>
      </table>
      {c.assessment && (
        <>
          <h2>{t('release.handover.sections.assessment')}</h2>
          {c.assessment.length === 0
            ? none
            : (
                <table className="release-table">
                  <tbody>
                    {c.assessment.map((a) => (
                      <tr key={`${a.assessedOn}-${a.point}`}>
                        <td>{a.assessedOn}</td>
                        <td>{t(`assessment.points.${a.point}`)}</td>
                        <td>{a.overallPass === null ? '—' : a.overallPass ? t('release.handover.pass') : t('release.handover.fail')}</td>
                        <td>{t(`assessment.recommendations.${a.recommendation}`)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
        </>
      )}
      {c.fitness && (
        <>
          <h2>{t('release.handover.sections.fitness')}</h2>
          {c.fitness.latest ? (
            <p>
              {t('release.handover.tests', { count: c.fitness.tests, date: c.fitness.latest.date })}；{t('release.handover.grade')}：
              {c.fitness.latest.grade ? t(`release.gradeNames.${c.fitness.latest.grade}`) : '—'}；{t('release.handover.total')}：{c.fitness.latest.total ?? '—'}
            </p>
          ) : (
            none
          )}
        </>
      )}
      {c.training && (
        <>
          <h2>{t('release.handover.sections.training')}</h2>
          {c.training.length === 0 ? none : (
            <table className="release-table">
              <thead>
                <tr>
                  <th>{t('release.handover.course')}</th>
                  <th>{t('release.handover.attendance')}</th>
                  <th>{t('release.handover.hours')}</th>
                  <th>{t('release.handover.result')}</th>
                </tr>
              </thead>
              <tbody>
                {c.training.map((e, i) => (
                  <tr key={i}>
                    <td>{e.courseName}{e.tradeName ? `（${e.tradeName}${e.level ? ` ${e.level}级` : ''}）` : ''}</td>
                    <td>{e.attendanceRate === null ? '—' : `${Math.round(e.attendanceRate * 100)}%`}</td>
                    <td>{e.hours}</td>
                    <td>{e.finalResult ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {c.certificates && (
        <>
          <h2>{t('release.handover.sections.certificates')}</h2>
          {c.certificates.length === 0 ? none : (
            <table className="release-table">
              <thead>
                <tr>
                  <th>{t('release.handover.certificate')}</th>
                  <th>{t('release.handover.level')}</th>
                  <th>{t('release.handover.number')}</th>
                  <th>{t('release.handover.issuedOn')}</th>
                </tr>
              </thead>
              <tbody>
                {c.certificates.map((x) => (
                  <tr key={x.number}>
                    <td>{x.occupation}</td>
                    <td>{x.level}</td>
                    <td className="tabular">{x.number}</td>
                    <td>{x.issuedOn}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {c.employment && (
        <>
          <h2>{t('release.handover.sections.employment')}</h2>
          {c.employment.length === 0 ? none : (
            <table className="release-table">
              <thead>
                <tr>
                  <th>{t('release.handover.employer')}</th>
                  <th>{t('release.handover.position')}</th>
                  <th>{t('release.handover.referredOn')}</th>
                  <th>{t('release.handover.agreement')}</th>
                </tr>
              </thead>
              <tbody>
                {c.employment.map((x, i) => (
                  <tr key={i}>
                    <td>{x.employer}</td>
                    <td>{x.position ?? '—'}</td>
                    <td>{x.referredOn}</td>
                    <td>{x.agreementSignedOn ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
      {c.riskNotes !== null && (
        <>
          <h2>{t('release.handover.sections.risk')}</h2>
          <p className="release-notes">{c.riskNotes}</p>
        </>
      )}
      <div className="release-signatures">
        <div>{t('release.handover.handedBy')}<br />{t('release.handover.signDate')}：</div>
        <div>{t('release.handover.receivedBy')}<br />{t('release.handover.signDate')}：</div>
      </div>
    </div>
  )
}
