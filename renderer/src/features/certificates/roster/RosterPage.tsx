import { Alert, Button, Group, Paper, ScrollArea, SegmentedControl, Select, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconFileSpreadsheet, IconFileUpload, IconPrinter, IconShieldLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { levelWording, SKILL_LEVELS } from '@shared/domain/certificates'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { Pager } from '../../../components/Pager'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useErrorText } from '../../../i18n/errorText'
import { useCan } from '../../auth/UserContext'
import { useRosterExport } from '../excel/useRosterExport'
import { rosterColumns, useColumnTexts } from './columns'
import { paramsFromView, rosterInput, viewFromParams, type RosterView } from './rosterParams'

const PAGE = 100
const OPTIONS_INPUT = {}

/** /certificates — the certificate roster (证书花名册) with its filters, privacy option, print and Excel export. */
export function RosterPage() {
  const { t } = useTranslation()
  const can = useCan()
  const errorText = useErrorText()
  const [search, setSearch] = useSearchParams()
  const view = viewFromParams(search)
  const [offset, setOffset] = useState(0)
  const options = useApiQuery('certificates:rosterOptions', OPTIONS_INPUT)
  const roster = useApiQuery('certificates:roster', rosterInput(view, offset, PAGE))
  const exporter = useRosterExport()
  const texts = useColumnTexts()
  const columns = rosterColumns(view.privacy)

  const change = (patch: Partial<RosterView>) => {
    setOffset(0)
    setSearch(paramsFromView({ ...view, ...patch }), { replace: true })
  }
  const all = { value: '', label: t('cert.roster.all') }
  const data = roster.data

  const exportExcel = () =>
    void exporter.run(view, options.data).then(
      (saved) => saved && notifications.show({ color: 'teal', title: t('common.success'), message: t('cert.roster.exported') }),
      (error: unknown) => notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) }),
    )

  return (
    <Stack gap="md">
      <PageHeader
        title={t('cert.roster.title')}
        subtitle={t('cert.roster.subtitle')}
        actions={
          <Group gap="xs">
            {can('vocational.record') && (
              <Button component={Link} to="/certificates/import" variant="default" leftSection={<IconFileUpload size={16} />} data-testid="cert-import-link">
                {t('cert.roster.import')}
              </Button>
            )}
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} onClick={exportExcel} loading={exporter.busy} disabled={!data || data.total === 0} data-testid="cert-export">
              {t('cert.roster.export')}
            </Button>
            <Button component={Link} to={`/print/certificates?${paramsFromView(view).toString()}`} leftSection={<IconPrinter size={16} />} disabled={!data || data.total === 0} data-testid="cert-print">
              {t('cert.roster.print')}
            </Button>
          </Group>
        }
      />
      <Paper p="md">
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm">
          <Select label={t('cert.roster.course')} data={[all, ...(options.data?.courses ?? []).map((c) => ({ value: c.id, label: `${c.name}（${c.startDate}）` }))]} value={view.courseId ?? ''} onChange={(v) => change({ courseId: v || undefined })} searchable data-testid="cert-filter-course" />
          <Select label={t('cert.roster.occupation')} data={[all, ...(options.data?.occupations ?? [])]} value={view.occupation ?? ''} onChange={(v) => change({ occupation: v || undefined })} searchable />
          <Select label={t('cert.roster.level')} data={[all, ...SKILL_LEVELS.map((l) => ({ value: String(l), label: levelWording(l) }))]} value={view.level ? String(view.level) : ''} onChange={(v) => change({ level: v ? Number(v) : undefined })} data-testid="cert-filter-level" />
          <Select label={t('cert.roster.evaluationBody')} data={[all, ...(options.data?.evaluationBodies ?? [])]} value={view.evaluationBody ?? ''} onChange={(v) => change({ evaluationBody: v || undefined })} searchable />
          <DateField label={t('cert.roster.issuedFrom')} value={view.issuedFrom ?? ''} onChange={(v) => change({ issuedFrom: v || undefined })} clearable />
          <DateField label={t('cert.roster.issuedTo')} value={view.issuedTo ?? ''} onChange={(v) => change({ issuedTo: v || undefined })} clearable />
          <Stack gap={4}>
            <Text fz="sm" fw={500}>{t('cert.roster.privacy')}</Text>
            <SegmentedControl
              value={view.privacy}
              onChange={(v) => change({ privacy: v === 'public' ? 'public' : 'internal' })}
              data={[{ value: 'internal', label: t('cert.roster.internal') }, { value: 'public', label: t('cert.roster.public') }]}
              data-testid="cert-privacy"
            />
          </Stack>
        </SimpleGrid>
        <Alert mt="sm" variant="light" color={view.privacy === 'public' ? 'blue' : 'orange'} icon={<IconShieldLock size={16} />} data-testid="cert-privacy-note">
          {view.privacy === 'public' ? t('cert.roster.publicHint') : t('cert.roster.internalHint')}
          {view.privacy === 'internal' && data && !data.fullIdNumbers ? ` ${t('cert.roster.internalMasked')}` : ''}
        </Alert>
      </Paper>

      {roster.isError && <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.isPending && <TableSkeleton rows={8} />}
      {data && data.total === 0 && <EmptyState title={t('cert.roster.empty')} hint={t('cert.roster.emptyHint')} />}
      {data && data.total > 0 && (
        <Paper p="md">
          <Group justify="space-between" mb="xs">
            <Text fw={600} data-testid="cert-total">{t('cert.roster.total', { count: data.totals.certificates, people: data.totals.people })}</Text>
            <Text fz="sm" c="dimmed">
              {SKILL_LEVELS.filter((l) => data.totals.byLevel[l] > 0).map((l) => `${levelWording(l)} ${data.totals.byLevel[l]}`).join('，')}
            </Text>
          </Group>
          <ScrollArea>
            <Table striped withTableBorder fz="sm" miw={1400} data-testid="cert-roster-table">
              <Table.Thead>
                <Table.Tr>
                  {columns.map((c) => (
                    <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>{t(`cert.columns.${c.key}`)}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.rows.map((row) => (
                  <Table.Tr key={row.certificateId}>
                    {columns.map((c) => (
                      <Table.Td key={c.key} className={c.key === 'idNumber' || c.key === 'number' ? 'tabular' : undefined} style={{ whiteSpace: 'nowrap' }}>
                        {c.key === 'name' ? <Link to={`/people/${row.personId}?tab=vocational`}>{row.name}</Link> : c.value(row, texts)}
                      </Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
          <Pager offset={offset} limit={PAGE} total={data.total} onChange={setOffset} />
        </Paper>
      )}
    </Stack>
  )
}
