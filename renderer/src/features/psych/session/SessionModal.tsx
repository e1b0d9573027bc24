import { Alert, Group, Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { Input } from '@shared/contract'
import type { SessionKind } from '@shared/domain/psych'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { SaveErrorAlert } from '../../../components/SaveErrorAlert'
import { blankToUndefined } from '../../../lib/forms'
import { useContractForm } from '../../../lib/useContractForm'
import { DraftOffer, useFormDraft } from '../../../lib/useFormDraft'
import { SessionDurationField, SessionNoteFields } from './SessionRecordFields'
import { PeoplePicker, type PickedPerson } from '../PersonPicker'

interface Values {
  kind: SessionKind
  date: string
  durationMinutes: number | string
  topic: string
  participants: PickedPerson[]
  note: { presentingIssue: string; intervention: string; response: string; riskObserved: string; plan: string }
}

function toInput(v: Values, person: PickedPerson): Input<'psych:createSession'> {
  const participants = v.kind === 'individual' ? [person] : v.participants
  return {
    kind: v.kind,
    date: v.date,
    // A blank number field is '' in the form: Number('') would pass as 0, so it fails as "enter a number" instead.
    durationMinutes: v.durationMinutes === '' ? Number.NaN : Number(v.durationMinutes),
    participantIds: participants.map((p) => p.id),
    topic: v.topic.trim(),
    note: blankToUndefined(v.note),
  }
}

/** Contract paths → form paths (participantIds.N → participants). */
const formPath = (path: string) => (path.startsWith('participantIds') ? 'participants' : path)

/** A counselling record: individual or group, with the structured note. */
export function SessionModal({ person, today, onClose }: { person: PickedPerson; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: Values = {
    kind: 'individual',
    date: today,
    durationMinutes: 50,
    topic: '',
    participants: [person],
    note: { presentingIssue: '', intervention: '', response: '', riskObserved: '', plan: '' },
  }
  const { form, mutation: create, submit } = useContractForm('psych:createSession', {
    initialValues,
    // The form holds picked people, the input their ids: the input itself is checked, its paths mapped back.
    check: 'input',
    toInput: (v) => toInput(v, person),
    rename: formPath,
    extraValidate: (v) => ({ participants: v.kind === 'group' && v.participants.length < 2 ? t('psych.session.groupTwo') : null }),
    success: t('psych.session.created'),
    onSuccess: () => {
      draft.clear()
      onClose()
    },
  })
  // A counselling note is long typing: kept per client until saved or discarded.
  const draft = useFormDraft(`psych.session.new.${person.id}`, form)
  const kind = form.values.kind
  return (
    <Modal opened onClose={onClose} title={t('psych.session.newTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <DraftOffer draft={draft} />
          <Alert color="gray" variant="light" icon={<IconLock size={16} />} p="xs">
            <Text fz="xs">{t('psych.session.confidential')}</Text>
          </Alert>
          <Group align="flex-end" grow>
            <Stack gap={4}>
              <Text fz="sm" fw={500}>
                {t('psych.session.kind')}
              </Text>
              <SegmentedControl
                data={[
                  { value: 'individual', label: t('psych.session.kinds.individual') },
                  { value: 'group', label: t('psych.session.kinds.group') },
                ]}
                {...form.getInputProps('kind')}
              />
            </Stack>
            <DateField label={t('psych.session.date')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('date')} />
            <SessionDurationField inputProps={form.getInputProps} />
          </Group>
          {kind === 'individual' ? (
            <TextInput label={t('psych.session.client')} value={person.name} readOnly variant="filled" />
          ) : (
            <PeoplePicker
              label={t('psych.session.participants')}
              value={form.values.participants}
              onChange={(people) => form.setFieldValue('participants', people)}
              error={form.errors.participants as string | undefined}
            />
          )}
          <TextInput label={t('psych.session.topic')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('topic')} />
          <SessionNoteFields inputProps={form.getInputProps} />
          <SaveErrorAlert error={create.error} />
          <FormActions onCancel={onClose} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
