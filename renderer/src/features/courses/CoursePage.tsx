import { Alert, Badge, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Tabs, Text } from '@mantine/core'
import { IconCertificate, IconClipboardCheck, IconEdit, IconListCheck, IconTrash, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useParams, useSearchParams } from 'react-router'
import type { CourseDetail } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InfoGrid } from '../../components/InfoGrid'
import { PageHeader } from '../../components/PageHeader'
import { ReasonModal } from '../../components/ReasonModal'
import { formatDate } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { AttendancePanel } from './attendance/AttendancePanel'
import { CertificatesPanel } from './certificates/CertificatesPanel'
import { CourseModal } from './CourseModal'
import { Defined, hoursText, RateText, useLevelLabel } from './coursesUi'
import { ExamsPanel } from './exams/ExamsPanel'
import { RosterPanel } from './roster/RosterPanel'

const TABS = ['roster', 'attendance', 'exams', 'certificates'] as const

/** One course or class: its header with the figures, then students, attendance, exams and certificates. */
export function CoursePage() {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const course = useApiQuery('courses:get', { id })
  const [params, setParams] = useSearchParams()
  const vocational = course.data?.kind === 'vocational'
  const tabs = TABS.filter((tab) => vocational || tab === 'roster' || tab === 'attendance')
  const tab = tabs.find((v) => v === params.get('tab')) ?? 'roster'
  const setTab = (v: string | null) => {
    const p = new URLSearchParams(params)
    if (v) p.set('tab', v)
    setParams(p, { replace: true })
  }
  return (
    <>
      <PageHeader back={{ to: `/courses${course.data ? `?kind=${course.data.kind}` : ''}`, label: t('courses.title') }} />
      {course.isError && <ErrorAlert error={course.error} onRetry={() => void course.refetch()} />}
      {course.isPending && <Skeleton h={180} />}
      {course.data && (
        <Stack gap="md">
          <CourseHeader course={course.data} />
          <Paper p="md">
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List mb="md">
                <Tabs.Tab value="roster" leftSection={<IconUsers size={14} />}>{t('courses.tabs.roster')}</Tabs.Tab>
                <Tabs.Tab value="attendance" leftSection={<IconListCheck size={14} />}>{t('courses.tabs.attendance')}</Tabs.Tab>
                {vocational && <Tabs.Tab value="exams" leftSection={<IconClipboardCheck size={14} />}>{t('courses.tabs.exams')}</Tabs.Tab>}
                {vocational && <Tabs.Tab value="certificates" leftSection={<IconCertificate size={14} />}>{t('courses.tabs.certificates')}</Tabs.Tab>}
              </Tabs.List>
              <Tabs.Panel value="roster"><RosterPanel course={course.data} /></Tabs.Panel>
              <Tabs.Panel value="attendance"><AttendancePanel course={course.data} /></Tabs.Panel>
              {vocational && <Tabs.Panel value="exams"><ExamsPanel course={course.data} /></Tabs.Panel>}
              {vocational && <Tabs.Panel value="certificates"><CertificatesPanel course={course.data} /></Tabs.Panel>}
            </Tabs>
          </Paper>
        </Stack>
      )}
    </>
  )
}

function CourseHeader({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const navigate = useNavigate()
  const levelLabel = useLevelLabel()
  const [editing, setEditing] = useState(false)
  const [voiding, setVoiding] = useState(false)
  const voidCourse = useApiMutation('courses:void', { success: t('courses.voided') })
  const canRecord = can('vocational.record') && !course.voided
  const f = course.figures
  const what = course.kind === 'vocational' ? `${course.tradeName ?? ''}${course.direction ? `（${course.direction}）` : ''} · ${levelLabel(course.level)}` : course.subject
  const figure = (label: string, value: number, testId: string) => (
    <Stack gap={0} key={testId}>
      <Text fz="xs" c="dimmed">{label}</Text>
      <Text fz="lg" fw={600} className="tabular" data-testid={testId}>{value}</Text>
    </Stack>
  )
  return (
    <Paper p="lg" data-testid="course-header">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fz="xl" fw={700} data-testid="course-title">{course.name}</Text>
            <Badge variant="light">{t(`courses.kinds.${course.kind}`)}</Badge>
            {course.voided && <Badge color="red">{t('courses.header.voided')}</Badge>}
          </Group>
          <Text c="dimmed" fz="sm">{what}</Text>
        </Stack>
        {canRecord && (
          <Group gap="xs">
            <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(true)} data-testid="edit-course">{t('common.edit')}</Button>
            <Button size="xs" variant="subtle" color="red" leftSection={<IconTrash size={14} />} onClick={() => setVoiding(true)}>{t('courses.voidCourse')}</Button>
          </Group>
        )}
      </Group>
      {course.voided && <Alert color="red" variant="light" mb="sm">{course.voided.reason}</Alert>}
      <InfoGrid
        cols={4}
        items={[
          { label: t('courses.header.dates'), value: `${formatDate(course.startDate)} – ${formatDate(course.endDate)}` },
          { label: t('courses.header.teacher'), value: course.teacher },
          { label: t('courses.header.place'), value: course.place },
          { label: t('courses.header.capacity'), value: `${course.enrolled} / ${course.capacity}${course.waiting ? ` · ${t('courses.col.waiting')} ${course.waiting}` : ''}` },
          { label: t('courses.header.plannedHours'), value: `${hoursText(course.hoursHeld)} / ${hoursText(course.plannedHours)} · ${t('courses.col.sessions')} ${course.sessionsHeld}` },
          { label: t('courses.header.partner'), value: course.partner },
          ...(course.kind === 'vocational'
            ? [
                { label: t('courses.header.evaluationBody'), value: course.evaluationBody },
                { label: t('courses.header.passMarks'), value: t('courses.header.passMarksValue', course.effectivePassMarks) },
              ]
            : []),
        ]}
      />
      <SimpleGrid cols={{ base: 4, md: course.kind === 'vocational' ? 9 : 3 }} mt="md" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }} data-testid="course-figures">
        {figure(t('courses.figures.enrolled'), f.enrolled, 'fig-enrolled')}
        <Stack gap={0}>
          <Text fz="xs" c="dimmed">{t('courses.figures.withdrawn')}</Text>
          <Text fz="lg" fw={600} className="tabular" data-testid="fig-withdrawn" title={t('courses.figures.unavoidable', { count: f.unavoidableWithdrawn })}>{f.withdrawn}</Text>
        </Stack>
        {figure(t('courses.figures.completed'), f.completed, 'fig-completed')}
        {course.kind === 'vocational' && (
          <>
            {figure(t('courses.figures.sat'), f.sat, 'fig-sat')}
            {figure(t('courses.figures.passed'), f.passed, 'fig-passed')}
            {figure(t('courses.figures.certified'), f.certified, 'fig-certified')}
            <Stack gap={0}>
              <Defined label={t('courses.figures.passRate')} definition={t('courses.figures.passRateDef')} />
              <Text fw={600}><RateText fz="lg" value={f.passRate} testId="fig-pass-rate" /></Text>
            </Stack>
            <Stack gap={0} style={{ gridColumn: 'span 2' }}>
              <Defined label={t('courses.figures.certificationRate')} definition={t('courses.figures.certificationRateDef')} />
              <Text fw={600}><RateText fz="lg" value={f.certificationRate} testId="fig-cert-rate" /></Text>
            </Stack>
          </>
        )}
      </SimpleGrid>
      {course.kind === 'vocational' && (
        <Stack gap={0} mt={6}>
          <Text fz="xs" c="dimmed">{t('courses.figures.passRateDef')}</Text>
          <Text fz="xs" c="dimmed">{t('courses.figures.certificationRateDef')}</Text>
        </Stack>
      )}
      {editing && <CourseModal kind={course.kind} course={course} onClose={() => setEditing(false)} />}
      <ReasonModal
        opened={voiding}
        title={t('courses.voidCourse')}
        warning={t('courses.voidWarning')}
        loading={voidCourse.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={(reason) => voidCourse.mutateAsync({ id: course.id, revision: course.revision, reason }).then(() => navigate(`/courses?kind=${course.kind}`))}
      />
    </Paper>
  )
}
