import { Anchor, Button, Group, Modal, Paper, SegmentedControl, Select, Table, Tabs, Text } from '@mantine/core'
import { IconBriefcase, IconPlus, IconSchool } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import { COURSE_LIST_STATUSES, type CourseListStatus, type CourseRow } from '@shared/contract'
import { COURSE_KINDS, type CourseKind } from '@shared/domain/vocational'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, todayIso } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { useFacility } from '../shell/useFacility'
import { CourseModal } from './CourseModal'
import { NO_INPUT, useLevelLabel } from './coursesUi'
import { TradesEditor } from './settings/TradesEditor'

const PAGE = 50

/** 教育培训: the courses of one centre (vocational training or education classes), filtered by when, year and trade. */
export function CourseListPage() {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const today = useFacility().data?.today ?? todayIso()
  const [params, setParams] = useSearchParams()
  const [creating, setCreating] = useState(false)
  const [tradesOpen, setTradesOpen] = useState(false)
  const kind: CourseKind = params.get('kind') === 'education' ? 'education' : 'vocational'
  const statusParam = params.get('status')
  const status: CourseListStatus = (COURSE_LIST_STATUSES as readonly string[]).includes(statusParam ?? '') ? (statusParam as CourseListStatus) : 'current'
  const year = params.get('year') ? Number(params.get('year')) : undefined
  const tradeId = kind === 'vocational' ? (params.get('trade') ?? undefined) : undefined
  const offset = Number(params.get('offset') ?? 0) || 0
  const trades = useApiQuery('trades:list', NO_INPUT)
  const courses = useApiQuery('courses:list', { kind, status, year, tradeId, offset, limit: PAGE }, { keepPrevious: true })
  const levelLabel = useLevelLabel()
  const go = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k)
      else p.set(k, v)
    }
    if (!('offset' in next)) p.delete('offset')
    setParams(p, { replace: true })
  }
  const thisYear = Number(today.slice(0, 4))
  const years = Array.from({ length: 12 }, (_, i) => String(thisYear + 1 - i))
  const rows = courses.data?.rows ?? []
  const what = (c: CourseRow) => (c.kind === 'vocational' ? `${c.tradeName ?? ''} · ${levelLabel(c.level)}` : (c.subject ?? t('common.dash')))

  return (
    <>
      <PageHeader
        title={t('courses.title')}
        subtitle={t('courses.subtitle')}
        actions={
          can('vocational.record') && (
            <>
              <Button variant="default" leftSection={<IconBriefcase size={16} />} onClick={() => setTradesOpen(true)} data-testid="open-trades">
                {t('courses.settings.trades')}
              </Button>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-course">
                {t('courses.newCourse')}
              </Button>
            </>
          )
        }
      />
      <Paper p="md">
        <Tabs value={kind} onChange={(v) => go({ kind: v, trade: null })} mb="sm">
          <Tabs.List>
            {COURSE_KINDS.map((k) => (
              <Tabs.Tab key={k} value={k} data-testid={`kind-${k}`}>{t(`courses.kinds.${k}`)}</Tabs.Tab>
            ))}
          </Tabs.List>
        </Tabs>
        <Group mb="sm" gap="sm" align="flex-end">
          <SegmentedControl
            aria-label={t('courses.when')}
            value={status}
            onChange={(v) => go({ status: v })}
            data={COURSE_LIST_STATUSES.map((s) => ({ value: s, label: t(`courses.filters.${s}`) }))}
          />
          <Select aria-label={t('courses.year')} placeholder={t('courses.anyYear')} w={130} clearable data={years} value={year ? String(year) : null} onChange={(v) => go({ year: v })} />
          {kind === 'vocational' && (
            <Select aria-label={t('courses.trade')} placeholder={t('courses.anyTrade')} w={200} clearable searchable
              data={(trades.data ?? []).map((tr) => ({ value: tr.id, label: tr.active ? tr.name : `${tr.name}（${t('courses.settings.inactive')}）` }))}
              value={tradeId ?? null} onChange={(v) => go({ trade: v })} />
          )}
        </Group>
        {courses.isError && <ErrorAlert error={courses.error} onRetry={() => void courses.refetch()} />}
        {courses.isPending && <TableSkeleton rows={6} />}
        {courses.data && rows.length === 0 && <EmptyState title={t('courses.none')} hint={t('courses.noneHint')} icon={<IconSchool size={26} />} />}
        {rows.length > 0 && (
          <Table striped highlightOnHover withTableBorder data-testid="course-list">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('courses.col.name')}</Table.Th>
                <Table.Th>{kind === 'vocational' ? t('courses.field.trade') : t('courses.field.subject')}</Table.Th>
                <Table.Th>{t('courses.col.teacher')}</Table.Th>
                <Table.Th>{t('courses.col.dates')}</Table.Th>
                <Table.Th ta="right">{t('courses.col.enrolled')}</Table.Th>
                <Table.Th ta="right">{t('courses.col.waiting')}</Table.Th>
                <Table.Th ta="right">{t('courses.col.sessions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody style={{ opacity: courses.isPlaceholderData ? 0.6 : 1 }}>
              {rows.map((c) => (
                <Table.Tr key={c.id} data-testid="course-row" style={{ cursor: 'pointer' }} onClick={(e) => {
                  if (!(e.target as HTMLElement).closest('a')) void navigate(`/courses/${c.id}`)
                }}>
                  <Table.Td><Anchor component={Link} to={`/courses/${c.id}`} fw={500}>{c.name}</Anchor></Table.Td>
                  <Table.Td>{what(c)}</Table.Td>
                  <Table.Td>{c.teacher}</Table.Td>
                  <Table.Td className="tabular"><Text span fz="sm">{formatDate(c.startDate)} – {formatDate(c.endDate)}</Text></Table.Td>
                  <Table.Td ta="right" className="tabular">{c.enrolled} / {c.capacity}</Table.Td>
                  <Table.Td ta="right" className="tabular">{c.waiting || t('common.dash')}</Table.Td>
                  <Table.Td ta="right" className="tabular">{c.sessionsHeld}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {courses.data && courses.data.total > PAGE && <Pager offset={offset} limit={PAGE} total={courses.data.total} onChange={(o) => go({ offset: String(o) })} />}
      </Paper>
      <Modal opened={tradesOpen} onClose={() => setTradesOpen(false)} title={t('courses.settings.trades')} size="lg">
        <TradesEditor canEdit />
      </Modal>
      {creating && <CourseModal kind={kind} onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/courses/${id}`)} />}
    </>
  )
}
