import { Anchor, Button, Group, Stack, Text, ThemeIcon } from '@mantine/core'
import { IconChecklist } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PsychTask } from '@shared/contract'
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
  if (tasks.length === 0) {
    return (
      <Group gap="xs" c="dimmed" py="sm">
        <IconChecklist size={18} stroke={1.5} />
        <Text fz="sm">{t('psych.task.empty')}</Text>
      </Group>
    )
  }
  return (
    <>
      <Stack gap={0}>
        {tasks.map((task) => (
          <Group
            key={task.id}
            justify="space-between"
            wrap="nowrap"
            py={8}
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="psych-task"
          >
            <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
              <ThemeIcon size={24} radius="xl" variant="light" color="orange">
                <IconChecklist size={14} />
              </ThemeIcon>
              <Stack gap={0}>
                {showPerson && (
                  <Anchor component={Link} to={`/people/${task.personId}?tab=psych`} fz="sm" fw={600}>
                    {task.personName}
                  </Anchor>
                )}
                <Text fz="sm">{bi(task.label)}</Text>
                <Group gap={8}>
                  <Text fz="xs" c="dimmed">
                    {formatInstant(task.createdAt)}
                  </Text>
                  {task.assessmentId && can('psych.assess') && (
                    <Anchor component={Link} to={`/psych/assessments/${task.assessmentId}`} fz="xs">
                      {t('psych.task.viewAssessment')}
                    </Anchor>
                  )}
                </Group>
              </Stack>
            </Group>
            {can('psych.assess') && (
              <Button size="compact-sm" variant="light" onClick={() => setHandling(task)} style={{ flexShrink: 0 }}>
                {t('psych.task.handle')}
              </Button>
            )}
          </Group>
        ))}
      </Stack>
      {handling && <HandleTaskModal key={handling.id} task={handling} onClose={() => setHandling(null)} />}
    </>
  )
}
