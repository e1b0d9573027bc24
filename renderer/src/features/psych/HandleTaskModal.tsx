import { Modal, SegmentedControl, Skeleton, Stack, Text, Textarea } from '@mantine/core'
import { useApiQuery } from '../../api/hooks'
import { useTranslation } from 'react-i18next'
import type { PsychTask } from '@shared/contract'
import { FormActions } from '../../components/FormActions'
import { REQUIRED } from '../../components/required'
import { formatInstant } from '../../lib/format'
import { useContractForm } from '../../lib/useContractForm'
import { useBi } from './psychUi'

interface Values {
  id: string
  outcome: 'done' | 'dismissed'
  note: string
}

/** Closes a follow-up task: handled, or not needed, with a note. */
export function HandleTaskModal({ task, onClose }: { task: PsychTask; onClose: () => void }) {
  const { t } = useTranslation()
  const bi = useBi()
  // What raised the task is an audited read, made when the task is opened for handling.
  const detail = useApiQuery('psych:getTask', { id: task.id })
  const initialValues: Values = { id: task.id, outcome: 'done', note: '' }
  const { form, mutation, submit } = useContractForm('psych:handleTask', {
    initialValues,
    toInput: (v) => ({ id: v.id, outcome: v.outcome, note: v.note.trim() }),
    success: t('psych.task.handled'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('psych.task.handleTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Stack gap={2}>
            <Text fw={600}>{task.personName}</Text>
            {detail.data ? <Text fz="sm">{bi(detail.data.label)}</Text> : <Skeleton h={18} w="70%" />}
            <Text fz="xs" c="dimmed">
              {t('psych.task.createdAt', { at: formatInstant(task.createdAt) })}
            </Text>
          </Stack>
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('psych.task.outcome')}
            </Text>
            <SegmentedControl
              data={[
                { value: 'done', label: t('psych.task.done') },
                { value: 'dismissed', label: t('psych.task.dismissed') },
              ]}
              {...form.getInputProps('outcome')}
            />
          </Stack>
          <Textarea label={t('psych.task.note')} labelProps={REQUIRED} autosize minRows={3} data-autofocus {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
