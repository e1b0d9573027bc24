import { ActionIcon, Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconClipboardCheck, IconEdit, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CourseDetail, ExamAttemptRow, ExamPersonRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { ResultBadge } from '../coursesUi'
import { EditExamModal } from './EditExamModal'
import { ExamGrid } from './ExamGrid'

/** 考试: each person's attempts (resits as attempt 2, 3…), entering a sitting's results, changing or voiding an attempt. */
export function ExamsPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const canRecord = can('vocational.record') && !course.voided
  const exams = useApiQuery('courses:exams', { courseId: course.id })
  const [view, setView] = useState<'record' | 'list'>('list')
  const [editing, setEditing] = useState<{ person: ExamPersonRow; attempt: ExamAttemptRow } | null>(null)
  const [voiding, setVoiding] = useState<{ person: ExamPersonRow; attempt: ExamAttemptRow } | null>(null)
  const voidExam = useApiMutation('courses:voidExam', { success: t('courses.exams.voided') })
  const rows = exams.data ?? []
  const anyAttempt = rows.some((r) => r.attempts.length > 0)
  return (
    <Stack gap="sm" data-testid="exams-panel">
      <Group justify="space-between">
        {canRecord ? (
          <SegmentedControl w={260} value={view} onChange={(v) => setView(v as 'record' | 'list')} data-testid="exams-view"
            data={[{ value: 'list', label: t('courses.exams.attempts') }, { value: 'record', label: t('courses.exams.record') }]} />
        ) : <span />}
        <Text fz="sm" c="dimmed">{t('courses.exams.passMarks', course.effectivePassMarks)}</Text>
      </Group>
      {exams.isError && <ErrorAlert error={exams.error} onRetry={() => void exams.refetch()} />}
      {exams.isPending && <TableSkeleton rows={4} />}
      {exams.data && view === 'record' && canRecord && <ExamGrid course={course} people={rows} onDone={() => setView('list')} />}
      {exams.data && view === 'list' && !anyAttempt && (
        <EmptyState title={t('courses.exams.none')} hint={t('courses.exams.noneHint')} icon={<IconClipboardCheck size={26} />} />
      )}
      {view === 'list' && anyAttempt && (
        <Table withTableBorder striped data-testid="exam-list">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.exams.person')}</Table.Th>
              <Table.Th>{t('courses.exams.attempts')}</Table.Th>
              <Table.Th>{t('courses.exams.result')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <Table.Tr key={p.personId} data-testid="exam-person" data-person={p.name}>
                <Table.Td><Anchor component={Link} to={`/people/${p.personId}?tab=vocational`} fw={500}>{p.name}</Anchor></Table.Td>
                <Table.Td>
                  <Stack gap={4}>
                    {p.attempts.length === 0 && <Text fz="sm" c="dimmed">{t('courses.exams.noAttempt')}</Text>}
                    {p.attempts.map((a) => (
                      <Group key={a.id} gap={6} wrap="nowrap" style={a.voided ? { opacity: 0.5, textDecoration: 'line-through' } : undefined} data-testid="exam-attempt">
                        <Badge size="sm" variant="outline" color="gray">{t('courses.exams.attempt', { n: a.attempt })}</Badge>
                        <Text fz="sm" className="tabular">{formatDate(a.examDate)}</Text>
                        <Text fz="sm" className="tabular">{t('courses.exams.theory')} {a.theory ?? t('common.dash')} · {t('courses.exams.practical')} {a.practical ?? t('common.dash')}</Text>
                        <ResultBadge result={a.result} />
                        {a.voided && <Tooltip label={a.voided.reason}><Badge size="xs" color="red">{t('common.voided')}</Badge></Tooltip>}
                        {canRecord && !a.voided && (
                          <>
                            <ActionIcon size="sm" variant="subtle" aria-label={t('courses.exams.edit')} onClick={() => setEditing({ person: p, attempt: a })}><IconEdit size={14} /></ActionIcon>
                            <ActionIcon size="sm" variant="subtle" color="red" aria-label={t('courses.exams.voidAttempt')} onClick={() => setVoiding({ person: p, attempt: a })}><IconTrash size={14} /></ActionIcon>
                          </>
                        )}
                      </Group>
                    ))}
                  </Stack>
                </Table.Td>
                <Table.Td><ResultBadge result={p.finalResult} testId="exam-final" /></Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <EditExamModal name={editing.person.name} attempt={editing.attempt} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={voiding ? t('courses.exams.voidTitle', { name: voiding.person.name, n: voiding.attempt.attempt }) : ''}
        loading={voidExam.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidExam.mutateAsync({ id: voiding?.attempt.id ?? '', revision: voiding?.attempt.revision ?? 1, reason })}
      />
    </Stack>
  )
}
