import { Modal, SegmentedControl, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ReferralRow } from '@shared/contract/employment'
import { DateField } from '../../components/DateField'
import { FormActions } from '../../components/FormActions'
import { REQUIRED } from '../../components/required'
import { blankToUndefined } from '../../lib/forms'
import { useContractForm } from '../../lib/useContractForm'
import { PeoplePicker, type PickedPerson } from '../psych/PersonPicker'

interface ReferValues {
  people: PickedPerson[]
  employer: string
  position: string
  referredOn: string
  note: string
}

/** Refers people to the event's employer (or one named here); a person already referred at the event is refused on the picker. */
export function ReferModal({ eventId, employer, minDate, today, onClose }: { eventId: string | null; employer: string; minDate?: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, submit, mutation } = useContractForm('employment:refer', {
    initialValues: { people: [], employer, position: '', referredOn: today, note: '' } as ReferValues,
    check: 'input',
    toInput: (v) => blankToUndefined({ personIds: v.people.map((p) => p.id), eventId, employer: v.employer.trim(), position: v.position.trim() || null, referredOn: v.referredOn, note: v.note.trim() || null }),
    // Every refused person (personIds.3) shows on the picker, named in the message.
    rename: (path) => (path.startsWith('personIds') ? 'people' : path),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('employment.referTitle')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <PeoplePicker label={t('employment.people')} value={form.values.people} onChange={(people) => form.setFieldValue('people', people)} error={form.errors.people as string | undefined} />
          <TextInput label={t('employment.employer')} labelProps={REQUIRED} {...form.getInputProps('employer')} />
          <TextInput label={t('employment.position')} {...form.getInputProps('position')} />
          <DateField label={t('employment.referredOn')} labelProps={REQUIRED} minDate={minDate} maxDate={today} {...form.getInputProps('referredOn')} />
          <TextInput label={t('employment.note')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} submitLabel={t('employment.refer')} />
        </Stack>
      </form>
    </Modal>
  )
}

/** Records the date the employment agreement was signed (on or after the referral, not after today). */
export function AgreementModal({ referral, today, onClose }: { referral: ReferralRow; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, submit, mutation } = useContractForm('employment:recordAgreement', {
    initialValues: { id: referral.id, revision: referral.revision, signedOn: referral.agreementSignedOn ?? today },
    success: t('employment.agreementSaved'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('employment.agreementTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm">{referral.name} · {referral.employer}{referral.position ? ` · ${referral.position}` : ''}</Text>
          <DateField label={t('employment.signedOn')} labelProps={REQUIRED} minDate={referral.referredOn} maxDate={today} {...form.getInputProps('signedOn')} data-testid="agreement-date" />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}

/** Whether the job was taken after release (aftercare fills it in once the person has left). */
export function OutcomeModal({ referral, today, onClose }: { referral: ReferralRow; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, submit, mutation } = useContractForm('employment:recordJobTaken', {
    initialValues: { id: referral.id, revision: referral.revision, jobTaken: referral.jobTaken ?? 'yes', recordedOn: today, note: referral.outcomeNote ?? '' },
    check: 'input',
    toInput: (v) => ({ ...v, note: v.note.trim() || null }),
    success: t('employment.outcomeSaved'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('employment.outcomeTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm">{referral.name} · {referral.employer} · {t('employment.signedOn')} {referral.agreementSignedOn}</Text>
          <SegmentedControl data={(['yes', 'no'] as const).map((v) => ({ value: v, label: t(`employment.jobTakenValues.${v}`) }))} {...form.getInputProps('jobTaken')} />
          <DateField label={t('employment.recordedOn')} labelProps={REQUIRED} minDate={referral.agreementSignedOn ?? undefined} maxDate={today} {...form.getInputProps('recordedOn')} />
          <TextInput label={t('employment.note')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
