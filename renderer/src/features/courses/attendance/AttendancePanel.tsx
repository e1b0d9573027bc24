import { ActionIcon, Badge, Group, Modal, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconEdit, IconListCheck, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CourseDetail, CourseSessionRow } from '@shared/contract'
import { ATTENDANCE_STATUSES } from '@shared/domain/vocational'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { Pager } from '../../../components/Pager'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate, todayIso } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { ATTENDANCE_COLOURS, hoursText } from '../coursesUi'
import { Register } from './Register'

const PAGE = 50

/** 考勤: 记录考勤 (the register) and the sessions held, with each session's counts, change and void. */
export function AttendancePanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const canRecord = can('vocational.record') && !course.voided
  const [view, setView] = useState<'record' | 'list'>(canRecord ? 'record' : 'list')
  return (
    <Stack gap="sm">
      {canRecord && (
        <SegmentedControl w={260} value={view} onChange={(v) => setView(v as 'record' | 'list')} data-testid="attendance-view"
          data={[{ value: 'record', label: t('courses.attendance.record') }, { value: 'list', label: t('courses.attendance.list') }]} />
      )}
      {view === 'record' && canRecord ? (
        <Register course={course} today={today} onDone={() => setView('list')} />
      ) : (
        <SessionList course={course} today={today} canRecord={canRecord} />
      )}
    </Stack>
  )
}

function SessionList({ course, today, canRecord }: { course: CourseDetail; today: string; canRecord: boolean }) {
  const { t } = useTranslation()
  const [offset, setOffset] = useState(0)
  const sessions = useApiQuery('courses:sessions', { courseId: course.id, offset, limit: PAGE }, { keepPrevious: true })
  const [editingId, setEditingId] = useState<string | null>(null)
  const [voiding, setVoiding] = useState<CourseSessionRow | null>(null)
  const voidSession = useApiMutation('courses:voidSession', { success: t('courses.attendance.sessionVoided') })
  const rows = sessions.data?.rows ?? []
  return (
    <Stack gap="sm" data-testid="session-list">
      {sessions.isError && <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />}
      {sessions.isPending && <TableSkeleton rows={4} />}
      {sessions.data && rows.length === 0 && <EmptyState title={t('courses.attendance.none')} hint={t('courses.attendance.noneHint')} icon={<IconListCheck size={26} />} />}
      {rows.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.attendance.date')}</Table.Th>
              <Table.Th>{t('courses.attendance.startTime')}</Table.Th>
              <Table.Th ta="right">{t('courses.attendance.hours')}</Table.Th>
              <Table.Th>{t('courses.attendance.topic')}</Table.Th>
              <Table.Th>{t('courses.attendance.counts')}</Table.Th>
              {canRecord && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((s) => (
              <Table.Tr key={s.id} data-testid="session-row" style={s.voided ? { opacity: 0.55, textDecoration: 'line-through' } : undefined}>
                <Table.Td className="tabular">{formatDate(s.date)}</Table.Td>
                <Table.Td className="tabular">{s.startTime}</Table.Td>
                <Table.Td ta="right" className="tabular">{hoursText(s.hours)}</Table.Td>
                <Table.Td>
                  {s.topic}
                  {s.voided && <Tooltip label={s.voided.reason}><Badge ml={6} size="xs" color="red">{t('common.voided')}</Badge></Tooltip>}
                </Table.Td>
                <Table.Td>
                  <Group gap={4} data-testid="session-counts">
                    {ATTENDANCE_STATUSES.filter((st) => s.counts[st] > 0).map((st) => (
                      <Badge key={st} size="sm" variant="light" color={ATTENDANCE_COLOURS[st]}>{t(`courses.attendance.statuses.${st}`)} {s.counts[st]}</Badge>
                    ))}
                  </Group>
                </Table.Td>
                {canRecord && (
                  <Table.Td>
                    {!s.voided && (
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        <ActionIcon variant="subtle" aria-label={t('courses.attendance.edit')} onClick={() => setEditingId(s.id)}><IconEdit size={16} /></ActionIcon>
                        <ActionIcon variant="subtle" color="red" aria-label={t('courses.attendance.voidSession')} onClick={() => setVoiding(s)}><IconTrash size={16} /></ActionIcon>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {sessions.data && sessions.data.total > PAGE && <Pager offset={offset} limit={PAGE} total={sessions.data.total} onChange={setOffset} />}
      {editingId && <EditSessionModal course={course} id={editingId} today={today} onClose={() => setEditingId(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('courses.attendance.voidSession')}
        warning={t('courses.attendance.voidWarning')}
        loading={voidSession.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidSession.mutateAsync({ id: voiding?.id ?? '', revision: voiding?.revision ?? 1, reason })}
      />
    </Stack>
  )
}

function EditSessionModal({ course, id, today, onClose }: { course: CourseDetail; id: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const session = useApiQuery('courses:session', { id })
  return (
    <Modal opened onClose={onClose} title={t('courses.attendance.edit')} size="xl">
      {session.isError && <ErrorAlert error={session.error} onRetry={() => void session.refetch()} />}
      {session.isPending && <TableSkeleton rows={4} />}
      {session.data && (
        <>
          <Text fz="sm" c="dimmed" mb="xs">{formatDate(session.data.date)} {session.data.startTime}</Text>
          <Register course={course} today={today} editing={session.data} onDone={onClose} />
        </>
      )}
    </Modal>
  )
}
