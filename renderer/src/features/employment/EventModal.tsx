import { Modal, Select, Stack, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { EmploymentEventRow } from '@shared/contract/employment'
import { EMPLOYMENT_EVENT_KINDS, type EmploymentEventKind } from '@shared/domain/vocational'
import { DateField } from '../../components/DateField'
import { FormActions } from '../../components/FormActions'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { blankToUndefined } from '../../lib/forms'
import { useContractForm } from '../../lib/useContractForm'

interface Values {
  kind: EmploymentEventKind
  eventDate: string
  employer: string
  positions: string
  positionsOffered: number | string
  place: string
  note: string
}

/** Records a job fair or employer visit, or edits one (naming the revision it was read at). */
export function EventModal({ event, today, onClose, onCreated }: { event?: EmploymentEventRow; today: string; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t } = useTranslation()
  const initialValues: Values = {
    kind: event?.kind ?? 'job_fair',
    eventDate: event?.eventDate ?? today,
    employer: event?.employer ?? '',
    positions: event?.positions ?? '',
    positionsOffered: event?.positionsOffered ?? '',
    place: event?.place ?? '',
    note: event?.note ?? '',
  }
  const toInput = (v: Values) =>
    blankToUndefined({
      kind: v.kind,
      eventDate: v.eventDate,
      employer: v.employer.trim(),
      positions: v.positions.trim() || null,
      positionsOffered: v.positionsOffered === '' ? null : Number(v.positionsOffered),
      place: v.place.trim() || null,
      note: v.note.trim() || null,
    })
  const create = useContractForm('employment:createEvent', {
    initialValues,
    check: 'input',
    toInput,
    success: t('employment.created'),
    onSuccess: (out) => {
      onCreated?.(out.id)
      onClose()
    },
  })
  const edit = useContractForm('employment:updateEvent', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ ...toInput(v), id: event?.id ?? '', revision: event?.revision ?? 1 }),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = event ? edit : create
  return (
    <Modal opened onClose={onClose} title={event ? t('employment.editEvent') : t('employment.newEvent')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('employment.kindLabel')} labelProps={REQUIRED} data={EMPLOYMENT_EVENT_KINDS.map((k) => ({ value: k, label: t(`employment.kind.${k}`) }))} allowDeselect={false} {...form.getInputProps('kind')} />
          <DateField label={t('employment.eventDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('eventDate')} data-testid="event-date" />
          <TextInput label={t('employment.employer')} labelProps={REQUIRED} description={t('employment.employerHint')} data-autofocus {...form.getInputProps('employer')} data-testid="event-employer" />
          <Textarea label={t('employment.positions')} description={t('employment.positionsHint')} autosize minRows={2} {...form.getInputProps('positions')} />
          <NumberField label={t('employment.positionsOffered')} description={t('employment.positionsOfferedHint')} {...form.getInputProps('positionsOffered')} data-testid="event-offered" />
          <TextInput label={t('employment.place')} {...form.getInputProps('place')} />
          <TextInput label={t('employment.note')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
