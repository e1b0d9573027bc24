import { Badge, Group, Paper, SegmentedControl, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PsychTask } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { TaskList } from '../TaskList'

const TASK_VIEWS = ['open', 'handled', 'all'] as const
type TaskView = (typeof TASK_VIEWS)[number]

/**
 * The ward's follow-up tasks: open ones (from the ward screen itself), or the handled ones / all of them with outcome,
 * handler, time and note, fetched when asked for.
 */
export function WardTasksPanel({ wardId, openTasks }: { wardId: string; openTasks: PsychTask[] }) {
  const { t } = useTranslation()
  const [view, setView] = useState<TaskView>('open')
  const others = useApiQuery('psych:tasks', { wardId, status: view === 'handled' ? 'handled' : undefined }, { enabled: view !== 'open' })
  const tasks = view === 'open' ? openTasks : others.data
  return (
    <Paper p="md" data-testid="psych-tasks">
      <Group justify="space-between" mb={6} wrap="nowrap">
        <Group gap={8} wrap="nowrap">
          <Text fw={600}>{view === 'open' ? t('psych.task.title') : t('psych.taskHistory.historyTitle')}</Text>
          <Badge variant="light" color={view === 'open' && openTasks.length > 0 ? 'orange' : 'gray'} className="tabular">
            {tasks?.length ?? '…'}
          </Badge>
        </Group>
        <SegmentedControl
          size="xs"
          value={view}
          onChange={(v) => setView(v as TaskView)}
          aria-label={t('psych.taskHistory.filterLabel')}
          data-testid="task-filter"
          data={TASK_VIEWS.map((v) => ({ value: v, label: t(`psych.taskHistory.filter.${v}`) }))}
        />
      </Group>
      {view !== 'open' && others.isError && <ErrorAlert error={others.error} onRetry={() => void others.refetch()} />}
      {view !== 'open' && others.isPending && <TableSkeleton rows={2} />}
      {tasks && (
        <TaskList tasks={tasks} emptyText={view === 'open' ? undefined : view === 'handled' ? t('psych.taskHistory.emptyHandled') : t('psych.taskHistory.emptyAll')} />
      )}
    </Paper>
  )
}
