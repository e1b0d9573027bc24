import { Button, Group, Loader } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { WardDailyLogPage, WardDay } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { formatInstant } from '../../../lib/format'
import { isValidUuid } from '../../../lib/ids'
import { useFacility } from '../../shell/useFacility'
import { COUNT_KEYS, recordRows } from '../log/DayParts'
import { useListLabel, useWardworkLists } from '../wardworkUi'
import '../../../components/printLayout.css'
import './wardLog.css'

/** /print/wards/:wardId/log/:date — the ward daily log on one A4 sheet: figures, incidents, visits, notes, the day's records, signatures. */
export function PrintWardLogPage() {
  const { wardId = '', date = '' } = useParams()
  if (!isValidUuid(wardId) || !isValidIsoDate(date)) return <NotFound />
  return <PrintView wardId={wardId} date={date} />
}

function PrintView({ wardId, date }: { wardId: string; date: string }) {
  const { t } = useTranslation()
  const page = useApiQuery('wardwork:log', { wardId, date })
  const day = useApiQuery('wardwork:wardDay', { wardId, date })
  const lists = useWardworkLists()
  const facility = useFacility()
  const error = page.error ?? day.error ?? lists.error ?? facility.error
  if (error) {
    return (
      <CenteredPage>
        <ErrorAlert error={error} />
      </CenteredPage>
    )
  }
  const ready = page.data && day.data && lists.data && facility.data
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/wards/${wardId}/log/${date}`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('wardwork.print.back')}
        </Button>
        <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!ready} data-testid="ww-print">
          {t('wardwork.print.print')}
        </Button>
      </Group>
      {ready ? (
        <Sheet page={page.data} day={day.data} facilityName={facility.data.name} />
      ) : (
        <div className="a4-sheet ww-log" aria-busy="true">
          <Group justify="center" py={80}>
            <Loader />
          </Group>
        </div>
      )}
    </div>
  )
}

function Sheet({ page, day, facilityName }: { page: WardDailyLogPage; day: WardDay; facilityName: string }) {
  const { t } = useTranslation()
  const lists = useWardworkLists()
  const label = useListLabel(lists.data)
  // The printed figures are the saved ones (what the officer signed); without a saved log, the current count.
  const counts = page.log?.counts ?? page.computed
  const done = new Set(day.talksDone.map((x) => x.id))
  const rows = recordRows({ ...day, talks: [...day.talksDone, ...day.talksPlanned.filter((x) => !done.has(x.id))] }, label, t)
  const rowsOfCounts = [COUNT_KEYS.slice(0, 7), COUNT_KEYS.slice(7)]
  const text = (v: string | null | undefined) => v ?? ''
  return (
    <div className="a4-sheet ww-log" data-testid="ww-log-sheet">
      <div className="ww-log-facility">{facilityName}</div>
      <h1>{t('wardwork.print.heading')}</h1>
      <div className="ww-log-head">
        <span>
          {t('wardwork.print.ward')}：{page.wardName}
        </span>
        <span className="tabular">
          {t('wardwork.print.date')}：{page.date}
        </span>
        <span>
          {t('wardwork.log.onDuty')}：{text(page.log?.onDuty)}
        </span>
      </div>
      {!page.log && <p>{t('wardwork.print.notSaved')}</p>}
      <h2>{t('wardwork.print.counts')}</h2>
      <table className="ww-log-counts">
        <tbody>
          {rowsOfCounts.map((keys, i) => (
            <tr key={i}>
              {keys.map((key) => (
                <td key={key}>
                  <span className="label">{t(`wardwork.day.counts.${key}`)}</span>
                  <span className="value">{counts[key]}</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('wardwork.log.incidents')}</h2>
      <div className="ww-log-text">{text(page.log?.incidents)}</div>
      <h2>{t('wardwork.log.visitsSummary')}</h2>
      <div className="ww-log-text">{text(page.log?.visitsSummary)}</div>
      <h2>{t('wardwork.log.notes')}</h2>
      <div className="ww-log-text">{text(page.log?.notes)}</div>
      {rows.length > 0 && (
        <>
          <h2>{t('wardwork.log.dayLists')}</h2>
          <table className="ww-log-records">
            <thead>
              <tr>
                <th style={{ width: '16%' }}>{t('wardwork.records.types')}</th>
                <th style={{ width: '12%' }}>{t('wardwork.common.person')}</th>
                <th>{t('wardwork.records.detail')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={`${r.type}-${r.key}`}>
                  <td>{t(`wardwork.types.${r.type}`)}</td>
                  <td>{r.personName}</td>
                  <td>{r.detail}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <div className="ww-log-signatures">
        <div>
          {t('wardwork.print.signature')}
          <span />
        </div>
        <div>
          {t('wardwork.print.leader')}
          <span />
        </div>
      </div>
      <div className="ww-log-footer">{t('wardwork.print.generated', { at: formatInstant(new Date().toISOString()) })}</div>
    </div>
  )
}
