import { Anchor, Badge, Button, Group, Text, ThemeIcon } from '@mantine/core'
import { IconChecklist, IconCircleCheck, IconCircleMinus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PsychTask } from '@shared/contract'
import { WorkItemList } from '../../components/WorkItemList'
import { formatInstant } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { HandleTaskModal } from './HandleTaskModal'
import { TaskDetailModal } from './TaskDetailModal'

/**
 * Follow-up tasks: open ones with a 处理 button each (psych.assess); handled ones stay listed, faded, with the outcome,
 * who handled them and when. Which flag raised a task and the handling note are not in the list: those who handle
 * tasks open them (an audited read).
 */
export function TaskList({ tasks, showPerson = true, emptyText }: { tasks: PsychTask[]; showPerson?: boolean; emptyText?: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const [handling, setHandling] = useState<PsychTask | null>(null)
  const [viewing, setViewing] = useState<string | null>(null)
  const empty = (
    <Group gap="xs" c="dimmed" py="sm">
      <IconChecklist size={18} stroke={1.5} />
      <Text fz="sm">{emptyText ?? t('psych.task.empty')}</Text>
    </Group>
  )
  return (
    <>
      <WorkItemList
        empty={empty}
        items={tasks.map((task) => {
          const handled = task.status !== 'open'
          return {
            key: task.id,
            testId: handled ? 'psych-task-handled' : 'psych-task',
            done: handled,
            icon: (
              <ThemeIcon size={24} radius="xl" variant="light" color={handled ? (task.status === 'done' ? 'teal' : 'gray') : 'orange'}>
                {task.status === 'done' ? <IconCircleCheck size={14} /> : task.status === 'dismissed' ? <IconCircleMinus size={14} /> : <IconChecklist size={14} />}
              </ThemeIcon>
            ),
            person: showPerson ? { name: task.personName, to: `/people/${task.personId}?tab=psych` } : undefined,
            status: handled && (
              <Badge size="xs" variant="light" color={task.status === 'done' ? 'teal' : 'gray'} data-testid="task-outcome">
                {t(`psych.taskHistory.outcome.${task.status === 'done' ? 'done' : 'dismissed'}`)}
              </Badge>
            ),
            label: t('psych.task.flagged'),
            meta: (
              <>
                <Text fz="xs" c="dimmed">
                  {handled ? t('psych.taskHistory.raisedAt', { at: formatInstant(task.createdAt) }) : formatInstant(task.createdAt)}
                </Text>
                {handled && (
                  <Text fz="xs" c="dimmed" data-testid="task-handled-by">
                    {t('psych.taskHistory.handledBy', { by: task.handledBy ?? '—', at: formatInstant(task.handledAt) })}
                  </Text>
                )}
                {task.assessmentId && can('psych.assess') && (
                  <Anchor component={Link} to={`/psych/assessments/${task.assessmentId}`} fz="xs">
                    {t('psych.task.viewAssessment')}
                  </Anchor>
                )}
                {handled && can('psych.assess') && (
                  <Anchor component="button" type="button" fz="xs" onClick={() => setViewing(task.id)} data-testid="task-details">
                    {t('psych.task.details')}
                  </Anchor>
                )}
              </>
            ),
            action: !handled && can('psych.assess') && (
              <Button size="compact-sm" variant="light" onClick={() => setHandling(task)}>
                {t('psych.task.handle')}
              </Button>
            ),
          }
        })}
      />
      {handling && <HandleTaskModal key={handling.id} task={handling} onClose={() => setHandling(null)} />}
      {viewing && <TaskDetailModal key={viewing} taskId={viewing} onClose={() => setViewing(null)} />}
    </>
  )
}
