import { Alert, Divider, Group, Modal, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Input, SessionDetail } from '@shared/contract'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { blankToUndefined } from '../../../lib/forms'
import { useContractForm } from '../../../lib/useContractForm'
import { NumberField } from '../../../components/NumberField'

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
            <NumberField
              label={t('psych.session.duration')}
              labelProps={REQUIRED}
              step={5}
              rightSectionWidth={48}
              rightSection={
                <Text fz="xs" c="dimmed" pr={6}>
                  {t('psych.session.minutes')}
                </Text>
              }
              {...form.getInputProps('durationMinutes')}
            />
          </Group>
          <TextInput label={t('psych.session.topic')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('topic')} />
          <Divider label={t('psych.session.noteTitle')} labelPosition="left" />
          <Textarea label={t('psych.session.note.presentingIssue')} labelProps={REQUIRED} autosize minRows={2} {...form.getInputProps('note.presentingIssue')} />
          <Textarea label={t('psych.session.note.intervention')} labelProps={REQUIRED} autosize minRows={2} {...form.getInputProps('note.intervention')} />
          <Textarea label={t('psych.session.note.response')} labelProps={REQUIRED} autosize minRows={2} {...form.getInputProps('note.response')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea label={t('psych.session.note.riskObserved')} description={t('psych.session.riskHint')} autosize minRows={2} {...form.getInputProps('note.riskObserved')} />
            <Textarea label={t('psych.session.note.plan')} autosize minRows={2} {...form.getInputProps('note.plan')} />
          </SimpleGrid>
          <TextInput label={t('psych.sessionRecord.changeNote')} placeholder={t('psych.sessionRecord.changeNoteHint')} {...form.getInputProps('changeNote')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
