import { Alert, Group, Modal, Stack, Text, TextInput } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Input, SessionDetail } from '@shared/contract'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { SaveErrorAlert } from '../../../components/SaveErrorAlert'
import { blankToUndefined } from '../../../lib/forms'
import { useContractForm } from '../../../lib/useContractForm'
import { DraftOffer, useFormDraft } from '../../../lib/useFormDraft'
import { SessionDurationField, SessionNoteFields } from './SessionRecordFields'

interface Values {
  date: string
  durationMinutes: number | string
  topic: string
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string; plan: string }
  changeNote: string
}

function toInput(v: Values, s: SessionDetail, revision: number): Input<'psych:updateSession'> {
  return {
    id: s.id,
    // The revision the user opened: a record changed since then is refused as a conflict, never overwritten.
    revision,
    date: v.date,
    // Blank is "enter a number", not 0; an out-of-range value is sent as typed and refused with the field message.
    durationMinutes: v.durationMinutes === '' ? Number.NaN : Number(v.durationMinutes),
    topic: v.topic.trim(),
    note: blankToUndefined(v.note),
    changeNote: v.changeNote.trim() || null,
  }
}

function valuesOf(s: SessionDetail): Values {
  return {
    date: s.date,
    durationMinutes: s.durationMinutes,
    topic: s.topic,
    note: { ...s.note, riskObserved: s.note.riskObserved ?? '', plan: s.note.plan ?? '' },
    changeNote: '',
  }
}

/**
 * Edits a counselling record (who took part and the kind stay as recorded); each save is a new revision. The revision
 * is pinned when the dialog opens: a colleague's save announced meanwhile makes this one a conflict, and the latest
 * content replaces what was typed only on 重新载入最新内容.
 */
export function SessionEditModal({ session: s, today, onClose, reload }: { session: SessionDetail; today: string; onClose: () => void; reload: () => Promise<SessionDetail | undefined> }) {
  const { t } = useTranslation()
  const [revision, setRevision] = useState(s.revision)
  const { form, mutation, submit } = useContractForm('psych:updateSession', {
    initialValues: valuesOf(s),
    check: 'input',
    toInput: (v) => toInput(v, s, revision),
    success: t('psych.sessionRecord.saved'),
    onSuccess: () => {
      draft.clear()
      onClose()
    },
  })
  const draft = useFormDraft(`psych.session.edit.${s.id}`, form)
  const reloadLatest = async () => {
    const latest = await reload()
    if (!latest) return
    form.setInitialValues(valuesOf(latest))
    form.setValues(valuesOf(latest))
    draft.clear(valuesOf(latest))
    setRevision(latest.revision)
    mutation.reset()
  }
  return (
    <Modal opened onClose={onClose} title={t('psych.sessionRecord.editTitle')} size="lg">
      <form onSubmit={submit} data-testid="session-edit-form">
        <Stack>
          <DraftOffer draft={draft} />
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
          <SaveErrorAlert error={mutation.error} onReload={reloadLatest} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
