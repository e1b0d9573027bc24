import { Button, Group, Loader, Text, TextInput } from '@mantine/core'
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { AuditDailySummary } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { useApiQuery } from '../../api/hooks'
import { CenteredPage } from '../../components/CenteredPage'
import { ErrorAlert } from '../../components/ErrorAlert'
import { isTextKey } from '../../i18n'
import { formatInstant, todayIso } from '../../lib/format'
import '../../components/printLayout.css'

/**
 * /print/audit/daily?date=YYYY-MM-DD — one day of the audit log on A4 (审计日报): counts by action and by staff
 * member, every security event, and the chain's head, the anchor to keep on paper and compare later.
 */
export function PrintDailySummaryPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const asked = params.get('date') ?? ''
  const date = isValidIsoDate(asked) ? asked : todayIso()
  const summary = useApiQuery('audit:dailySummary', { date })
  return (
    <div className="print-page">
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to="/audit" variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('audit.daily.back')}
        </Button>
        <Group gap="sm">
          <TextInput
            type="date"
            aria-label={t('audit.daily.date')}
            value={date}
            max={todayIso()}
            onChange={(e) => isValidIsoDate(e.currentTarget.value) && setParams({ date: e.currentTarget.value }, { replace: true })}
          />
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!summary.data}>
            {t('audit.daily.print')}
          </Button>
        </Group>
      </Group>
      <div className="a4-sheet" data-testid="audit-daily">
        {summary.isError ? (
          <CenteredPage>
            <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />
          </CenteredPage>
        ) : summary.data ? (
          <SummarySheet summary={summary.data} />
        ) : (
          <Group justify="center" py={80} aria-busy="true">
            <Loader />
          </Group>
        )}
      </div>
    </div>
  )
}

function SummarySheet({ summary }: { summary: AuditDailySummary }) {
  const { t } = useTranslation()
  const methodLabel = (m: string) => (isTextKey(`methods.${m}`) ? t(`methods.${m}` as never) : m)
  return (
    <div className="audit-daily">
      <h1 style={{ fontSize: '16pt', textAlign: 'center', margin: '0 0 4pt' }}>{t('audit.daily.title', { date: summary.date })}</h1>
      <p style={{ textAlign: 'center', margin: '0 0 10pt', fontSize: '9.5pt' }}>
        {summary.facilityName ?? ''} · {t('audit.daily.generatedAt', { at: formatInstant(summary.generatedAt) })} · {t('audit.daily.rows', { count: summary.rows })}
      </p>
      <h2 style={{ fontSize: '11pt' }}>{t('audit.daily.anchorTitle')}</h2>
      {summary.head ? (
        <p style={{ fontSize: '9.5pt', margin: '0 0 8pt' }} data-testid="audit-daily-head">
          {t('audit.daily.anchor', { seq: summary.head.seq })}
          <br />
          <code style={{ fontSize: '9pt', wordBreak: 'break-all' }}>{summary.head.hash}</code>
          <br />
          <span style={{ color: '#555' }}>{t('audit.daily.anchorHint')}</span>
        </p>
      ) : (
        <p>{t('audit.daily.empty')}</p>
      )}
      <h2 style={{ fontSize: '11pt' }}>{t('audit.daily.securityTitle', { count: summary.securityEvents.length + summary.moreSecurityEvents })}</h2>
      {summary.securityEvents.length === 0 ? (
        <p style={{ fontSize: '9.5pt' }}>{t('audit.daily.noSecurity')}</p>
      ) : (
        <table className="print-table">
          <thead>
            <tr>
              <th>{t('audit.at')}</th>
              <th>{t('audit.actor')}</th>
              <th>{t('audit.method')}</th>
              <th>{t('audit.detail')}</th>
            </tr>
          </thead>
          <tbody>
            {summary.securityEvents.map((e) => (
              <tr key={e.seq}>
                <td>{formatInstant(e.at)}</td>
                <td>{e.actorName ?? '—'}</td>
                <td>{methodLabel(e.method)}</td>
                <td style={{ wordBreak: 'break-all' }}>{e.detail ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {summary.moreSecurityEvents > 0 && <p style={{ fontSize: '9pt' }}>{t('audit.daily.moreSecurity', { count: summary.moreSecurityEvents })}</p>}
      <h2 style={{ fontSize: '11pt' }}>{t('audit.daily.byMethod')}</h2>
      <CountTable rows={summary.byMethod.map((m) => [methodLabel(m.method), m.count])} head={[t('audit.method'), t('audit.daily.count')]} />
      <h2 style={{ fontSize: '11pt' }}>{t('audit.daily.byActor')}</h2>
      <CountTable rows={summary.byActor.map((a) => [a.actorName ?? t('audit.daily.system'), a.count])} head={[t('audit.actor'), t('audit.daily.count')]} />
      <Text fz="9pt" mt="lg">
        {t('audit.daily.signature')}
      </Text>
    </div>
  )
}

function CountTable({ rows, head }: { rows: Array<[string, number]>; head: [string, string] }) {
  return (
    <table className="print-table">
      <thead>
        <tr>
          <th>{head[0]}</th>
          <th style={{ width: '20%', textAlign: 'right' }}>{head[1]}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, count]) => (
          <tr key={label}>
            <td>{label}</td>
            <td style={{ textAlign: 'right' }}>{count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
