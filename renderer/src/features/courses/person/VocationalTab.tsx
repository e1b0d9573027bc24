import { Anchor, Badge, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { IconCalendarWeek, IconSchool } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PersonEnrolmentRow, PersonFile, TimetableRow } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate, todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { fortnightOf } from './fortnight'
import { AttendanceBadge, EnrolmentBadge, hoursText, RateText, ResultBadge, useLevelLabel } from '../coursesUi'

/** The person file's 教育培训 tab: the person's courses and classes, then the timetable of this week and the next. */
export function VocationalTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const summary = useApiQuery('courses:personSummary', { personId: file.id })
  const range = fortnightOf(today)
  const timetable = useApiQuery('courses:personTimetable', { personId: file.id, ...range })
  return (
    <Stack gap="md" data-testid="vocational-tab">
      <Paper p="lg">
        <Text fw={600} mb="sm">{t('courses.person.courses')}</Text>
        {summary.isError && <ErrorAlert error={summary.error} onRetry={() => void summary.refetch()} />}
        {summary.isPending && <TableSkeleton rows={3} />}
        {summary.data && summary.data.enrolments.length === 0 && <EmptyState title={t('courses.person.none')} icon={<IconSchool size={26} />} />}
        {summary.data && summary.data.enrolments.length > 0 && <Enrolments rows={summary.data.enrolments} />}
      </Paper>
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('courses.person.timetable')}</Text>
          <Text fz="xs" c="dimmed">{formatDate(range.from)} – {formatDate(range.to)} · {t('courses.person.timetableHint')}</Text>
        </Group>
        {timetable.isError && <ErrorAlert error={timetable.error} onRetry={() => void timetable.refetch()} />}
        {timetable.isPending && <TableSkeleton rows={3} />}
        {timetable.data && timetable.data.length === 0 && <EmptyState title={t('courses.person.noClasses')} icon={<IconCalendarWeek size={26} />} />}
        {timetable.data && timetable.data.length > 0 && <Timetable rows={timetable.data} today={today} />}
      </Paper>
    </Stack>
  )
}

function Enrolments({ rows }: { rows: PersonEnrolmentRow[] }) {
  const { t } = useTranslation()
  const levelLabel = useLevelLabel()
  return (
    <Table withTableBorder striped data-testid="person-courses">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('courses.person.course')}</Table.Th>
          <Table.Th>{t('courses.col.dates')}</Table.Th>
          <Table.Th>{t('courses.person.status')}</Table.Th>
          <Table.Th>{t('courses.person.attendance')}</Table.Th>
          <Table.Th ta="right">{t('courses.person.hours')}</Table.Th>
          <Table.Th>{t('courses.person.exam')}</Table.Th>
          <Table.Th>{t('courses.person.certificate')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((r) => (
          <Table.Tr key={r.enrolmentId} data-testid="person-course">
            <Table.Td>
              <Anchor component={Link} to={`/courses/${r.courseId}`} fw={500}>{r.courseName}</Anchor>
              <Text fz="xs" c="dimmed">{r.kind === 'vocational' ? `${r.tradeName ?? ''} · ${levelLabel(r.level)}` : (r.subject ?? t(`courses.kinds.${r.kind}`))}</Text>
            </Table.Td>
            <Table.Td className="tabular"><Text fz="sm">{formatDate(r.startDate)} – {formatDate(r.endDate)}</Text></Table.Td>
            <Table.Td>
              <EnrolmentBadge status={r.status} />
              {r.withdrawReason && <Text fz="xs" c="dimmed">{t(`courses.withdrawReasons.${r.withdrawReason}`)}</Text>}
            </Table.Td>
            <Table.Td><RateText value={r.attendanceRate} />{r.sessionsCounted > 0 && <Text span fz="xs" c="dimmed" ml={4}>({r.attended}/{r.sessionsCounted})</Text>}</Table.Td>
            <Table.Td ta="right" className="tabular">{hoursText(r.hours)}</Table.Td>
            <Table.Td>{r.kind === 'vocational' ? <ResultBadge result={r.finalResult} /> : <Text span c="dimmed">{t('common.dash')}</Text>}</Table.Td>
            <Table.Td>
              {r.kind !== 'vocational' ? <Text span c="dimmed">{t('common.dash')}</Text> : r.certified ? <Badge color="teal">{t('common.yes')}</Badge> : <Text span fz="sm" c="dimmed">{t('common.no')}</Text>}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

const CENTRE_COLOURS = { vocational: 'blue', education: 'violet', training: 'orange' } as const

function Timetable({ rows, today }: { rows: TimetableRow[]; today: string }) {
  const { t } = useTranslation()
  const days = [...new Set(rows.map((r) => r.date))]
  return (
    <Stack gap="sm" data-testid="timetable">
      {days.map((day) => (
        <Stack key={day} gap={4}>
          <Text fz="sm" fw={600} c={day === today ? 'blue' : undefined}>
            {formatDate(day)} {dayjs(day).format('ddd')}{day === today ? ` · ${t('common.today')}` : ''}
          </Text>
          {rows.filter((r) => r.date === day).map((r) => (
            <Group key={`${r.centre}-${r.sessionId}`} gap="sm" wrap="nowrap" pl="sm" data-testid="timetable-row">
              <Text fz="sm" className="tabular" w={110}>{r.startTime}–{dayjs(`${r.date}T${r.startTime}`).add(r.minutes, 'minute').format('HH:mm')}</Text>
              <Badge variant="light" color={CENTRE_COLOURS[r.centre]} w={110}>{t(`courses.person.sources.${r.centre}`)}</Badge>
              <Text fz="sm" style={{ flex: 1 }}>
                {r.courseId ? <Anchor component={Link} to={`/courses/${r.courseId}`}>{r.title}</Anchor> : r.title}
                {r.place && <Text span fz="xs" c="dimmed" ml={6}>{r.place}</Text>}
              </Text>
              {r.status === 'absent' ? <Badge color="red" variant="light">{t('courses.person.absent')}</Badge> : <AttendanceBadge status={r.status} />}
            </Group>
          ))}
        </Stack>
      ))}
    </Stack>
  )
}
