import { Anchor, Badge, Group, Paper, SegmentedControl, Select, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { IconDoorExit } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { RELEASE_KINDS, type ReleaseKind } from '@shared/domain/release'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { Pager } from '../../../components/Pager'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { translateKey } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'

const LIMIT = 50
const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/

/** /releases — 出所管理: planned releases with their checklist gaps and notice deadlines, and recent releases; by ward, kind and month. */
export function ReleasesPage() {
  const { t } = useTranslation()
  const [search, setSearch] = useSearchParams()
  const view = search.get('view') === 'recent' ? 'recent' : 'upcoming'
  const kind = RELEASE_KINDS.find((k) => k === search.get('kind'))
  const wardId = search.get('ward') ?? undefined
  const monthText = search.get('month') ?? ''
  const month = MONTH.test(monthText) ? monthText : undefined
  const offset = Math.max(0, Number(search.get('offset') ?? 0) || 0)
  const today = todayIso()
  const wards = useApiQuery('wards:list', {})
  const list = useApiQuery('release:list', { view, kind, wardId, month, offset, limit: LIMIT }, { keepPrevious: true })
  const setFilter = (key: string, value: string | null) => {
    const next = new URLSearchParams(search)
    if (value) next.set(key, value)
    else next.delete(key)
    next.delete('offset')
    setSearch(next, { replace: true })
  }
  return (
    <>
      <PageHeader title={t('release.list.title')} />
      <Paper p="md">
        <Group mb="sm" align="flex-end">
          <SegmentedControl
            value={view}
            onChange={(v) => setFilter('view', v === 'recent' ? 'recent' : null)}
            data={[
              { value: 'upcoming', label: t('release.list.upcoming') },
              { value: 'recent', label: t('release.list.recent') },
            ]}
            data-testid="release-view"
          />
          <Select
            label={t('release.list.ward')}
            placeholder={t('release.list.all')}
            clearable
            data={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
            value={wardId ?? null}
            onChange={(v) => setFilter('ward', v)}
          />
          <Select
            label={t('release.list.kind')}
            placeholder={t('release.list.all')}
            clearable
            data={RELEASE_KINDS.map((k) => ({ value: k, label: t(`release.kinds.${k}`) }))}
            value={kind ?? null}
            onChange={(v) => setFilter('kind', v as ReleaseKind | null)}
          />
          <TextInput
            label={t('release.list.month')}
            placeholder="2026-11"
            w={120}
            defaultValue={monthText}
            error={monthText && !month ? translateKey('release.month') : undefined}
            onBlur={(e) => setFilter('month', e.currentTarget.value.trim() || null)}
            onKeyDown={(e) => e.key === 'Enter' && setFilter('month', e.currentTarget.value.trim() || null)}
            data-testid="release-month"
          />
        </Group>
        {list.isError ? (
          <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />
        ) : list.isPending ? (
          <TableSkeleton rows={8} />
        ) : list.data.rows.length === 0 ? (
          <EmptyState title={view === 'upcoming' && !kind && !wardId && !month ? t('release.list.emptyUpcoming') : t('release.list.empty')} icon={<IconDoorExit size={24} />} />
        ) : (
          <>
            <Table.ScrollContainer minWidth={860}>
              <Table verticalSpacing={6} highlightOnHover striped data-testid="release-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('release.list.name')}</Table.Th>
                    <Table.Th>{t('release.list.ward')}</Table.Th>
                    <Table.Th>{t('release.list.kind')}</Table.Th>
                    <Table.Th>{t('release.list.date')}</Table.Th>
                    {view === 'upcoming' && <Table.Th>{t('release.list.deadline')}</Table.Th>}
                    {view === 'upcoming' && <Table.Th>{t('release.list.gaps')}</Table.Th>}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {list.data.rows.map((r) => (
                    <Table.Tr key={r.id}>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        <Anchor component={Link} to={`/people/${r.personId}?tab=release`} fz="sm">
                          {r.name}
                        </Anchor>
                      </Table.Td>
                      <Table.Td fz="sm">{r.wardName ?? '—'}</Table.Td>
                      <Table.Td fz="sm">{t(`release.kinds.${r.kind}`)}</Table.Td>
                      <Table.Td className="tabular">{r.releaseDate}</Table.Td>
                      {view === 'upcoming' && (
                        <Table.Td className="tabular" fz="sm">
                          {r.noticeDeadline === null ? (
                            '—'
                          ) : r.organNotifiedOn ? (
                            <Text span fz="sm" c="dimmed">{t('release.list.notified', { date: r.organNotifiedOn })}</Text>
                          ) : r.noticeDeadline < today ? (
                            <Badge color="red" variant="light">{r.noticeDeadline} · {t('release.list.overdue')}</Badge>
                          ) : (
                            r.noticeDeadline
                          )}
                        </Table.Td>
                      )}
                      {view === 'upcoming' && (
                        <Table.Td>
                          {r.gaps.length === 0 ? (
                            <Badge color="teal" variant="light">{t('release.list.noGaps')}</Badge>
                          ) : (
                            <Group gap={4}>
                              {r.gaps.map((g) => (
                                <Tooltip key={g.key} label={g.messageKey ? translateKey(g.params ? `${g.messageKey}|${JSON.stringify(g.params)}` : g.messageKey) : ''}>
                                  <Badge color={g.state === 'wrong' ? 'orange' : 'red'} variant="light">{t(`release.checklist.${g.key}`)}</Badge>
                                </Tooltip>
                              ))}
                            </Group>
                          )}
                        </Table.Td>
                      )}
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
          </>
        )}
      </Paper>
      {view === 'upcoming' && list.data && list.data.unplanned.length > 0 && (
        <Paper p="md" mt="md" data-testid="release-unplanned">
          <Text fw={600}>{t('release.list.unplanned')}</Text>
          <Text fz="sm" c="dimmed" mb="xs">
            {t('release.list.unplannedHint')}
          </Text>
          <Table verticalSpacing={4} striped>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('release.list.name')}</Table.Th>
                <Table.Th>{t('release.list.ward')}</Table.Th>
                <Table.Th>{t('release.list.lastDay')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {list.data.unplanned.map((p) => (
                <Table.Tr key={p.personId}>
                  <Table.Td>
                    <Anchor component={Link} to={`/people/${p.personId}?tab=release`} fz="sm">
                      {p.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td fz="sm">{p.wardName}</Table.Td>
                  <Table.Td className="tabular">{p.lastDay}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  )
}
