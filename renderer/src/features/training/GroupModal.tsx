import { Modal, Select, Stack, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { TrainingGroupRow } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { REQUIRED } from '../../components/required'
import { blankToUndefined } from '../../lib/forms'
import { useContractForm } from '../../lib/useContractForm'
import { useIntensityGroups } from './trainingUi'

interface Values {
  wardId: string
  name: string
  trainerId: string
  intensity: string | null
  note: string
}

const TRAINERS_INPUT = {}

function useTrainerOptions() {
  const trainers = useApiQuery('training:trainers', TRAINERS_INPUT)
  return (trainers.data ?? []).map((s) => ({ value: s.id, label: s.name }))
}

/** Creates a group in a ward, or edits one (with the version it was read at). */
export function GroupModal({ wardId, group, defaultTrainerId, onClose, onCreated }: {
  wardId: string
  group?: TrainingGroupRow
  defaultTrainerId: string
  onClose: () => void
  onCreated?: (id: string) => void
}) {
  const { t } = useTranslation()
  const trainers = useTrainerOptions()
  const intensity = useIntensityGroups()
  const initialValues: Values = {
    wardId,
    name: group?.name ?? '',
    trainerId: group?.trainerId ?? defaultTrainerId,
    intensity: group?.intensity ?? null,
    note: group?.note ?? '',
  }
  // Blank choices go as missing, so an empty trainer says "required" rather than "invalid id".
  const toInput = (v: Values) => blankToUndefined({ ...v, name: v.name.trim(), note: v.note.trim() || null })
  const create = useContractForm('training:createGroup', {
    initialValues,
    check: 'input',
    toInput,
    success: t('training.groupCreated'),
    onSuccess: (out) => {
      onCreated?.(out.id)
      onClose()
    },
  })
  const edit = useContractForm('training:updateGroup', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ ...toInput(v), id: group?.id ?? '', revision: group?.revision ?? 1 }),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = group ? edit : create
  return (
    <Modal opened onClose={onClose} title={group ? t('training.editGroup') : t('training.newGroup')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('training.groupName')} labelProps={REQUIRED} description={t('training.groupNameHint')} data-autofocus {...form.getInputProps('name')} />
          <Select label={t('training.trainer')} labelProps={REQUIRED} data={trainers} searchable {...form.getInputProps('trainerId')} />
          <Select label={t('training.intensity')} data={intensity.options} clearable {...form.getInputProps('intensity')} />
          <TextInput label={t('training.note')} description={t('training.noteHint')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
