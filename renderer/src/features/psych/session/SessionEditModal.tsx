import { Alert, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Input, SessionDetail } from '@shared/contract'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { blankToUndefined } from '../../../lib/forms'
import { useContractForm } from '../../../lib/useContractForm'
import { SessionDurationField, SessionNoteFields } from './SessionRecordFields'

interface Values {
  date: string
  durationMinutes: number | string
  topic: string
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string; plan: string }
  changeNote: string
}

function toInput(v: Values, s: SessionDetail): Input<'psych:updateSession'> {
  return {
    id: s.id,
    // The revision the user opened: a record changed since then is refused as a conflict, never overwritten.
    revision: s.revision,
    date: v.date,
    // Blank is "enter a number", not 0; an out-of-range value is sent as typed and refused with the field message.
    durationMinutes: v.durationMinutes === '' ? Number.NaN : Number(v.durationMinutes),
    topic: v.topic.trim(),
    note: blankToUndefined(v.note),
    changeNote: v.changeNote.trim() || null,
  }
}

/** Edits a counselling record (who took part and the kind stay as recorded); each save is a new revision. */
export function SessionEditModal({ session: s, today, onClose }: { session: SessionDetail; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('psych:updateSession', {
    initialValues: {
      date: s.date,
      durationMinutes: s.durationMinutes,
      topic: s.topic,
      note: { ...s.note, riskObserved: s.note.riskObserved ?? '', plan: s.note.plan ?? '' },
      changeNote: '',
    },
    check: 'input',
    toInput: (v) => toInput(v, s),
    success: t('psych.sessionRecord.saved'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('psych.sessionRecord.editTitle')} size="lg">
      <form onSubmit={submit} data-testid="session-edit-form">
        <Stack>
          <Alert color="gray" variant="light" icon={<IconHistory size={16} />} p="xs">
            <Text fz="xs">{t('psych.sessionRecord.editHint')}</Text>
          </Alert>
          <Group align="flex-start" grow>
            <DateField label={t('psych.session.date')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('date')} />
            <SessionDurationField inputProps={form.getInputProps} />
          </Group>
          <TextInput label={t('psych.session.topic')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('topic')} />
          <SessionNoteFields inputProps={form.getInputProps} />
          <TextInput label={t('psych.sessionRecord.changeNote')} placeholder={t('psych.sessionRecord.changeNoteHint')} {...form.getInputProps('changeNote')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
