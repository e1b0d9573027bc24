import { Anchor, Button, Group, Text, ThemeIcon } from '@mantine/core'
import { IconChecklist } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PsychTask } from '@shared/contract'
import { WorkItemList } from '../../components/WorkItemList'
import { formatInstant } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { HandleTaskModal } from './HandleTaskModal'
import { useBi } from './psychUi'

/** Open follow-up tasks with a 处理 button each (psych.assess). */
export function TaskList({ tasks, showPerson = true }: { tasks: PsychTask[]; showPerson?: boolean }) {
  const { t } = useTranslation()
  const bi = useBi()
  const can = useCan()
  const [handling, setHandling] = useState<PsychTask | null>(null)
  const empty = (
    <Group gap="xs" c="dimmed" py="sm">
      <IconChecklist size={18} stroke={1.5} />
      <Text fz="sm">{t('psych.task.empty')}</Text>
    </Group>
  )
  return (
    <>
      <WorkItemList
        empty={empty}
        items={tasks.map((task) => ({
          key: task.id,
          testId: 'psych-task',
          icon: (
            <ThemeIcon size={24} radius="xl" variant="light" color="orange">
              <IconChecklist size={14} />
            </ThemeIcon>
          ),
          person: showPerson ? { name: task.personName, to: `/people/${task.personId}?tab=psych` } : undefined,
          label: bi(task.label),
          meta: (
            <>
              <Text fz="xs" c="dimmed">
                {formatInstant(task.createdAt)}
              </Text>
              {task.assessmentId && can('psych.assess') && (
                <Anchor component={Link} to={`/psych/assessments/${task.assessmentId}`} fz="xs">
                  {t('psych.task.viewAssessment')}
                </Anchor>
              )}
            </>
          ),
          action: can('psych.assess') && (
            <Button size="compact-sm" variant="light" onClick={() => setHandling(task)}>
              {t('psych.task.handle')}
            </Button>
          ),
        }))}
      />
      {handling && <HandleTaskModal key={handling.id} task={handling} onClose={() => setHandling(null)} />}
    </>
  )
}
