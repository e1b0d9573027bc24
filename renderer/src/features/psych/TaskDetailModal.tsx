import { Badge, Group, Modal, Skeleton, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { formatInstant } from '../../lib/format'
import { useBi } from './psychUi'

/**
 * A handled follow-up task as recorded: what raised it and the handling note. Fetched on opening (psych:getTask, an
 * audited read): lists show only that a flag needed following up.
 */
export function TaskDetailModal({ taskId, onClose }: { taskId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const bi = useBi()
  const task = useApiQuery('psych:getTask', { id: taskId })
  return (
    <Modal opened onClose={onClose} title={t('psych.task.detailsTitle')}>
      {task.isPending && <Skeleton h={120} aria-label={t('psych.task.loading')} />}
      {task.isError && <ErrorAlert error={task.error} onRetry={() => void task.refetch()} />}
      {task.data && (
        <Stack gap="xs" data-testid="task-detail">
          <Text fw={600}>{task.data.personName}</Text>
          <Text fz="sm">{bi(task.data.label)}</Text>
          <Text fz="xs" c="dimmed">
            {t('psych.task.createdAt', { at: formatInstant(task.data.createdAt) })}
          </Text>
          {task.data.status !== 'open' && (
            <>
              <Group gap="xs">
                <Badge size="sm" variant="light" color={task.data.status === 'done' ? 'teal' : 'gray'}>
                  {t(`psych.taskHistory.outcome.${task.data.status === 'done' ? 'done' : 'dismissed'}`)}
                </Badge>
                <Text fz="xs" c="dimmed">
                  {t('psych.taskHistory.handledBy', { by: task.data.handledBy ?? '—', at: formatInstant(task.data.handledAt) })}
                </Text>
              </Group>
              {task.data.handledNote && (
                <Text fz="sm" className="psych-note" data-testid="task-note">
                  {t('psych.taskHistory.note', { note: task.data.handledNote })}
                </Text>
              )}
            </>
          )}
        </Stack>
      )}
    </Modal>
  )
}
