import { Anchor, Badge, Button, Group, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconCheck, IconUserMinus, IconUserPlus, IconUserUp } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CourseDetail, EnrolmentRow } from '@shared/contract'
import { ENROLMENT_STATUSES, type EnrolmentStatus } from '@shared/domain/vocational'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate, todayIso } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { Defined, hoursText, RateText, ResultBadge } from '../coursesUi'
import { AddPeopleModal } from './AddPeopleModal'
import { EnrolmentModal } from './EnrolmentModal'

/** The order the roster shows its groups in: who is on the course now, then who waits, then who left or finished. */
const GROUPS: readonly EnrolmentStatus[] = ['enrolled', 'waiting', 'completed', 'withdrawn']

/** 学员: everyone on the course by status, with attendance, hours, the exam result and the certificate. */
export function RosterPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const roster = useApiQuery('courses:roster', { courseId: course.id })
  const [adding, setAdding] = useState(false)
  const [changing, setChanging] = useState<{ row: EnrolmentRow; action: 'withdraw' | 'complete' } | null>(null)
  const enrol = useApiMutation('courses:setEnrolment', { success: t('courses.roster.enrolled') })
  const canRecord = can('vocational.record') && !course.voided
  const vocational = course.kind === 'vocational'
  const rows = roster.data ?? []
  const free = course.capacity - course.enrolled
  return (
    <Stack gap="sm" data-testid="roster-panel">
      <Group justify="space-between">
        <Group gap="xs">
          {ENROLMENT_STATUSES.map((s) => (
            <Badge key={s} variant="light" color="gray" data-testid={`count-${s}`}>{t(`courses.status.${s}`)} {rows.filter((r) => r.status === s).length}</Badge>
          ))}
          <Text fz="xs" c="dimmed">{t('courses.roster.capacityLeft', { count: Math.max(0, free) })}</Text>
        </Group>
        {canRecord && (
          <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setAdding(true)} data-testid="add-students">{t('courses.roster.add')}</Button>
        )}
      </Group>
      {roster.isError && <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {roster.isPending && <TableSkeleton rows={5} />}
      {roster.data && rows.length === 0 && <EmptyState title={t('courses.roster.none')} hint={t('courses.roster.noneHint')} />}
      {rows.length > 0 && (
        <Table withTableBorder highlightOnHover data-testid="roster-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.roster.person')}</Table.Th>
              <Table.Th>{t('courses.roster.ward')}</Table.Th>
              <Table.Th>{t('courses.roster.since')}</Table.Th>
              <Table.Th><Defined label={t('courses.roster.attendance')} definition={t('courses.roster.attendanceHint')} /></Table.Th>
              <Table.Th ta="right">{t('courses.roster.hours')}</Table.Th>
              {vocational && <Table.Th>{t('courses.roster.exam')}</Table.Th>}
              {vocational && <Table.Th>{t('courses.roster.certificate')}</Table.Th>}
              {canRecord && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          {GROUPS.map((status) => {
            const group = rows.filter((r) => r.status === status)
            if (group.length === 0) return null
            return (
              <Table.Tbody key={status} data-testid={`roster-${status}`}>
                <Table.Tr bg="var(--mantine-color-gray-0)">
                  <Table.Td colSpan={8}><Text fz="xs" fw={600} c="dimmed">{t(`courses.status.${status}`)} · {t('courses.peopleCount', { count: group.length })}</Text></Table.Td>
                </Table.Tr>
                {group.map((r) => (
                  <Table.Tr key={r.enrolmentId} data-testid="roster-row" data-person={r.name} data-status={r.status}>
                    <Table.Td>
                      <Anchor component={Link} to={`/people/${r.personId}?tab=vocational`} fw={500}>{r.name}</Anchor>
                      <Text span fz="xs" c="dimmed" ml={6} className="tabular">{r.idNumberMasked}</Text>
                    </Table.Td>
                    <Table.Td>{r.wardName ?? t('common.dash')}</Table.Td>
                    <Table.Td><StatusCell row={r} /></Table.Td>
                    <Table.Td>
                      <RateText value={r.attendanceRate} testId="row-attendance" />
                      {r.sessionsCounted > 0 && <Text span fz="xs" c="dimmed" ml={4} className="tabular">({r.attended}/{r.sessionsCounted})</Text>}
                    </Table.Td>
                    <Table.Td ta="right" className="tabular">{hoursText(r.hours)}</Table.Td>
                    {vocational && <Table.Td><ResultBadge result={r.finalResult} testId="row-exam" /></Table.Td>}
                    {vocational && (
                      <Table.Td data-testid="row-certificate">
                        {r.certified ? <Badge color="teal" variant="filled">{t('courses.roster.certified')}</Badge> : <Text span fz="sm" c="dimmed">{t('courses.roster.notCertified')}</Text>}
                      </Table.Td>
                    )}
                    {canRecord && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap" justify="flex-end">
                          {r.status === 'waiting' && (
                            <Tooltip label={t('courses.roster.capacityLeft', { count: Math.max(0, free) })}>
                              <Button size="compact-xs" variant="light" leftSection={<IconUserUp size={12} />} disabled={free <= 0} loading={enrol.isPending && enrol.variables?.enrolmentId === r.enrolmentId}
                                onClick={() => enrol.mutate({ enrolmentId: r.enrolmentId, revision: r.revision, action: 'enrol', date: today, withdrawReason: null, withdrawText: null })}>
                                {t('courses.roster.enrol')}
                              </Button>
                            </Tooltip>
                          )}
                          {r.status === 'enrolled' && (
                            <Button size="compact-xs" variant="subtle" leftSection={<IconCheck size={12} />} onClick={() => setChanging({ row: r, action: 'complete' })}>{t('courses.roster.complete')}</Button>
                          )}
                          {(r.status === 'waiting' || r.status === 'enrolled') && (
                            <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconUserMinus size={12} />} onClick={() => setChanging({ row: r, action: 'withdraw' })}>{t('courses.roster.withdraw')}</Button>
                          )}
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            )
          })}
        </Table>
      )}
      {adding && <AddPeopleModal course={course} onClose={() => setAdding(false)} />}
      {changing && <EnrolmentModal row={changing.row} action={changing.action} course={course} onClose={() => setChanging(null)} />}
    </Stack>
  )
}

function StatusCell({ row }: { row: EnrolmentRow }) {
  const { t } = useTranslation()
  const date = row.status === 'waiting' ? row.appliedOn : row.status === 'enrolled' ? row.enrolledOn : row.endedOn
  const reason = row.withdrawReason ? t(`courses.withdrawReasons.${row.withdrawReason}`) + (row.withdrawText ? `：${row.withdrawText}` : '') : null
  return (
    <Stack gap={0}>
      <Text fz="sm" className="tabular">{formatDate(date)}</Text>
      {reason && <Text fz="xs" c="dimmed">{reason}</Text>}
    </Stack>
  )
}
