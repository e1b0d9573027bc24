import { Anchor, Badge, Group, Paper, Select, Table, Text } from '@mantine/core'
import { IconClipboardCheck } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { DIAG_STATUSES, type DiagStatus } from '@shared/contract'
import { ASSESSMENT_POINTS, type AssessmentPoint } from '@shared/domain/assessment'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { Pager } from '../../../components/Pager'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { OverallBadge, useComponentsLine } from '../assessmentUi'

const LIMIT = 50

/** /assessments — the facility's diagnostic assessments, newest first, filtered by point, status and ward. */
export function AssessmentListPage() {
  const { t } = useTranslation()
  const [search, setSearch] = useSearchParams()
  const componentsLine = useComponentsLine()
  const point = ASSESSMENT_POINTS.find((p) => p === search.get('point'))
  const status = DIAG_STATUSES.find((s) => s === search.get('status'))
  const wardId = search.get('ward') ?? undefined
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0)
  const wards = useApiQuery('wards:list', {})
  const list = useApiQuery('assessment:list', { point, status, wardId, offset, limit: LIMIT }, { keepPrevious: true })
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(search)
    if (value) next.set(key, value)
    else next.delete(key)
    next.delete('offset')
    setSearch(next, { replace: true })
  }
  return (
    <>
      <PageHeader title={t('assessment.list.title')} />
      <Paper p="md">
        <Group mb="sm">
          <Select
            label={t('assessment.fields.point')}
            placeholder={t('assessment.list.all')}
            clearable
            data={ASSESSMENT_POINTS.map((p) => ({ value: p, label: t(`assessment.points.${p}`) }))}
            value={point ?? null}
            onChange={(v) => setFilter('point', v as AssessmentPoint | null)}
            data-testid="filter-point"
          />
          <Select
            label={t('assessment.fields.status')}
            placeholder={t('assessment.list.all')}
            clearable
            data={DIAG_STATUSES.map((s) => ({ value: s, label: t(`assessment.status.${s}`) }))}
            value={status ?? null}
            onChange={(v) => setFilter('status', v as DiagStatus | null)}
          />
          <Select
            label={t('assessment.fields.ward')}
            placeholder={t('assessment.list.all')}
            clearable
            data={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            value={wardId ?? null}
            onChange={(v) => setFilter('ward', v)}
          />
        </Group>
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.data.rows.length === 0 ? (
          <EmptyState title={t('assessment.list.empty')} icon={<IconClipboardCheck size={24} />} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing={6} highlightOnHover striped data-testid="assessment-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('assessment.fields.person')}</Table.Th>
                    <Table.Th>{t('assessment.fields.ward')}</Table.Th>
                    <Table.Th>{t('assessment.fields.point')}</Table.Th>
                    <Table.Th>{t('assessment.fields.assessedOn')}</Table.Th>
                    <Table.Th>{t('assessment.fields.components')}</Table.Th>
                    <Table.Th>{t('assessment.fields.overall')}</Table.Th>
                    <Table.Th>{t('assessment.fields.recommendation')}</Table.Th>
                    <Table.Th>{t('assessment.fields.status')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.rows.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/people/${a.personId}?tab=assessment`} fz="sm">
                          {a.personName}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {a.wardName ?? '—'}
                      </Table.Td>
                      <Table.Td>
                        <Anchor component={Link} to={`/assessments/${a.id}`} fz="sm">
                          {t(`assessment.points.${a.point}`)}
                        </Anchor>
                      </Table.Td>
                      <Table.Td className="tabular" style={{ whiteSpace: 'nowrap' }}>
                        {a.assessedOn}
                      </Table.Td>
                      <Table.Td fz="xs">{componentsLine(a.components)}</Table.Td>
                      <Table.Td>
                        <OverallBadge a={a} />
                      </Table.Td>
                      <Table.Td fz="sm">{t(`assessment.recommendations.${a.recommendation}`)}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{t(`assessment.status.${a.status}`)}</Badge>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            <Pager
              offset={offset}
              limit={LIMIT}
              total={list.data.total}
              onChange={(o) => {
                const next = new URLSearchParams(search)
                next.set('offset', String(o))
                setSearch(next)
              }}
            />
            <Text fz="xs" c="dimmed">
              {t('assessment.list.total', { total: list.data.total })}
            </Text>
          </>
        )}
      </Paper>
    </>
  )
}
