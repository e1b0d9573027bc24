import { Button, Group, Loader, Text } from '@mantine/core'
import { IconArrowLeft, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { WardRoster } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { CenteredPage } from '../../../components/CenteredPage'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NotFound } from '../../../components/NotFound'
import { isValidUuid } from '../../../lib/ids'
import { ROSTER_COLUMNS, rosterLines } from './rosterRows'
import { useRosterExport } from './useRosterExport'
import '../../../components/printLayout.css'
import './roster-print.css'

/** /print/wards/:wardId/roster — the whole ward's roster on A4, outside the app shell; the toolbar is not printed. */
export function PrintRosterPage() {
  const { wardId = '' } = useParams()
  if (!isValidUuid(wardId)) return <NotFound />
  return <PrintView wardId={wardId} />
}

/** The CSS `content` of the page-number margin box, from the translated "第 {{page}} 页 / 共 {{pages}} 页". */
export function pageCounterContent(template: string): string {
  const quoted = (text: string) => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`
  return template
    .split(/(\{\{pages?\}\})/)
    .filter((part) => part !== '')
    .map((part) => (part === '{{page}}' ? 'counter(page)' : part === '{{pages}}' ? 'counter(pages)' : quoted(part)))
    .join(' ')
}

function PrintView({ wardId }: { wardId: string }) {
  const { t } = useTranslation()
  const roster = useApiQuery('people:roster', { wardId })
  const { exporting, run: runExport } = useRosterExport(wardId)
  if (roster.isError) {
    return (
      <CenteredPage>
        <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />
      </CenteredPage>
    )
  }
  const pageCounter = pageCounterContent(t('rosterPrint.pageOf', { page: '{{page}}', pages: '{{pages}}', interpolation: { escapeValue: false } }))
  return (
    <div className="print-page roster-print">
      {/* Mounted only with this page: the whole document prints on the roster's named page (anything outside this
          component on another page type would start a blank page), with the localized page number at the bottom. */}
      <style>{`@media print { html, body { page: roster; } } @page roster { @bottom-center { content: ${pageCounter}; font-size: 9pt; color: #444; } }`}</style>
      <Group className="print-toolbar no-print" justify="space-between">
        <Button component={Link} to={`/wards/${wardId}`} variant="subtle" leftSection={<IconArrowLeft size={16} />}>
          {t('rosterPrint.back')}
        </Button>
        <Text fz="sm" c="dimmed" visibleFrom="md">
          {t('rosterPrint.hint')}
        </Text>
        <Group gap="sm">
          <Button
            variant="default"
            leftSection={<IconFileSpreadsheet size={16} />}
            disabled={!roster.data}
            loading={exporting}
            onClick={runExport}
            data-testid="roster-export"
          >
            {t('rosterPrint.export')}
          </Button>
          <Button leftSection={<IconPrinter size={16} />} onClick={() => window.print()} disabled={!roster.data} data-testid="roster-do-print">
            {t('rosterPrint.doPrint')}
          </Button>
        </Group>
      </Group>
      <div className="a4-sheet roster-sheet">
        {roster.data ? (
          <RosterTable roster={roster.data} />
        ) : (
          <Group justify="center" py={80} aria-busy="true">
            <Loader />
          </Group>
        )}
      </div>
    </div>
  )
}

function RosterTable({ roster }: { roster: WardRoster }) {
  const { t } = useTranslation()
  const lines = rosterLines(roster, t)
  return (
    // A <thead> repeats on every printed page: the facility, ward, date and column heads stay with each page.
    <table className="roster-table" data-testid="roster-print-table">
      <colgroup>
        {ROSTER_COLUMNS.map((c) => (
          <col key={c.key} style={{ width: `${c.print}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr className="roster-caption">
          <th colSpan={ROSTER_COLUMNS.length}>
            <div className="facility">{roster.facilityName}</div>
            <div className="title">{t('rosterPrint.title', { ward: roster.wardName })}</div>
            <div className="meta">
              <span>{t('rosterPrint.printedOn', { date: roster.today })}</span>
              <span>{t('rosterPrint.count', { count: roster.rows.length })}</span>
            </div>
          </th>
        </tr>
        <tr className="roster-heads">
          {ROSTER_COLUMNS.map((c) => (
            <th key={c.key} className={c.key === 'no' || c.key === 'age' || c.key === 'daysLeft' ? 'num' : undefined}>
              {t(`rosterPrint.col.${c.key}`)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {lines.length === 0 ? (
          <tr>
            <td colSpan={ROSTER_COLUMNS.length} style={{ textAlign: 'center', padding: 24 }}>
              {t('roster.empty')}
            </td>
          </tr>
        ) : (
          lines.map((line) => (
            <tr key={line.no}>
              <td className="num">{line.no}</td>
              <td>{line.name}</td>
              <td>{line.sex}</td>
              <td className="num">{line.age}</td>
              <td className="mono">{line.idNumber}</td>
              <td>{line.period}</td>
              <td className="mono">{line.admissionDate}</td>
              <td className="mono">{line.lastDay}</td>
              <td className={`num ${line.warningKind ?? ''}`}>{line.warning || (line.daysLeft ?? '—')}</td>
              <td className="remark" />
            </tr>
          ))
        )}
      </tbody>
    </table>
  )
}
