import { Alert, Button, Checkbox, Chip, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTACT_METHODS, EMPLOYMENT_STATES, REACHED_STATUSES, type ContactStatus, type ContactView, type EmploymentState, type SlotView } from '@shared/contract'
import { isApiCallError, isSaveProblem } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { SaveErrorAlert } from '../../../components/SaveErrorAlert'
import { DraftOffer, useFormDraft } from '../../../lib/useFormDraft'
import { translateFieldError } from '../../../i18n/errorText'
import { useAftercareLists } from '../aftercareUi'

const AUTO = 'auto'
const NONE = 'none'

export interface ContactFormProps {
  personId: string
  today: string
  releaseDate: string
  /** The release's station, offered first. */
  defaultStationId: string | null
  slots: SlotView[]
  /** Editing a stored contact. */
  editing?: ContactView
  /** A slot chosen beforehand (the due screen's row). */
  slotId?: string
  onClose: () => void
}

/**
 * One follow-up contact (new or edit). The server's rules come back as field messages that state the limit (not
 * before the release date, not after today, a status that fits reached or not …); nothing is adjusted silently.
 */
export function ContactModal({ personId, today, releaseDate, defaultStationId, slots, editing, slotId, onClose }: ContactFormProps) {
  const { t, i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  const { settings, stations } = useAftercareLists()
  const [v, setV] = useState(() => ({
    slot: editing ? (editing.slotId ?? NONE) : (slotId ?? AUTO),
    contactOn: editing?.contactOn ?? today,
    method: editing?.method ?? 'phone',
    reached: editing?.reached ?? true,
    status: (editing ? (editing.status ?? '') : 'abstinent') as ContactStatus | '',
    employment: (editing?.employment ?? '') as EmploymentState | '',
    employer: editing?.employer ?? '',
    help: editing?.help ?? [],
    stationId: editing?.stationId ?? '',
    staff: editing?.staff ?? '',
    note: editing?.note ?? '',
  }))
  const [errors, setErrors] = useState<Record<string, string>>({})
  // A contact's notes are typed during or after a phone call: kept in this browser until saved or discarded.
  const draft = useFormDraft(`aftercare.contact.${editing ? editing.id : `new.${personId}.${slotId ?? ''}`}`, { values: v, setValues: setV })
  const record = useApiMutation('aftercare:recordContact', { notifyError: false })
  const update = useApiMutation('aftercare:updateContact', { notifyError: false })
  const set = <K extends keyof typeof v>(key: K) => (value: (typeof v)[K]) => setV((old) => ({ ...old, [key]: value }))
  const err = (name: string) => (errors[name] ? translateFieldError(errors[name]) : undefined)

  const statusOptions = (v.reached ? REACHED_STATUSES : (['lost_contact'] as const)).map((s) => ({ value: s, label: t(`aftercare.status.${s}`) }))
  const slotOptions = [
    ...(editing ? [] : [{ value: AUTO, label: t('aftercare.form.slotAuto') }]),
    { value: NONE, label: t('aftercare.form.slotNone') },
    ...slots
      .filter((s) => s.contactId === null || s.contactId === editing?.id || s.id === slotId)
      .map((s) => ({ value: s.id, label: `${s.seq}. ${t(`aftercare.slotKind.${s.kind}`)} · ${s.dueOn}` })),
  ]
  const helpKinds = (settings.data?.helpKinds ?? []).filter((h) => h.active || v.help.includes(h.id))
  const stationOptions = (stations.data ?? []).filter((s) => !s.retired || s.id === v.stationId).map((s) => ({ value: s.id, label: s.name }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    const fields = {
      personId,
      contactOn: v.contactOn,
      method: v.method,
      reached: v.reached,
      status: v.status === '' ? null : v.status,
      employment: v.employment === '' ? null : v.employment,
      employer: v.employer.trim() === '' ? null : v.employer,
      help: v.help,
      stationId: v.stationId === '' ? null : v.stationId,
      staff: v.staff.trim() === '' ? null : v.staff,
      note: v.note.trim() === '' ? null : v.note,
    } as const
    const slot = v.slot === AUTO ? undefined : v.slot === NONE ? null : v.slot
    // A conflict or a lost connection is shown by SaveErrorAlert; every typed value stays.
    const onError = (error: Error) => setErrors(isApiCallError(error) && error.fields ? error.fields : isSaveProblem(error) ? {} : { _: error.message })
    const onSuccess = () => {
      draft.clear()
      onClose()
    }
    if (editing) update.mutate({ ...fields, id: editing.id, revision: editing.revision, slotId: slot ?? null }, { onSuccess, onError })
    else record.mutate({ ...fields, ...(slot === undefined ? {} : { slotId: slot }) }, { onSuccess, onError })
  }

  return (
    <Modal opened onClose={onClose} title={editing ? t('aftercare.form.titleEdit') : t('aftercare.form.titleNew')} size="lg">
      <form onSubmit={submit} data-testid="aftercare-contact-form">
        <Stack gap="sm">
          <DraftOffer draft={draft} />
          {errors._ && <Alert color="red">{errors._}</Alert>}
          <SimpleGrid cols={2}>
            <Select label={t('aftercare.form.slot')} data={slotOptions} value={v.slot} onChange={(x) => x && set('slot')(x)} allowDeselect={false} error={err('slotId')} data-testid="ac-slot" />
            <DateField label={t('aftercare.form.contactOn')} value={v.contactOn} onChange={set('contactOn')} minDate={releaseDate} maxDate={today} withAsterisk error={err('contactOn')} data-testid="ac-contactOn" />
            <Select
              label={t('aftercare.form.method')}
              data={CONTACT_METHODS.map((m) => ({ value: m, label: t(`aftercare.method.${m}`) }))}
              value={v.method}
              // A station contact names the station; the release's receiving station is offered first.
              onChange={(x) => x && setV((old) => ({ ...old, method: x as typeof v.method, stationId: x === 'station' && old.stationId === '' ? (defaultStationId ?? '') : old.stationId }))}
              allowDeselect={false}
              withAsterisk
              error={err('method')}
              data-testid="ac-method"
            />
            <Select label={t('aftercare.form.station')} data={stationOptions} value={v.stationId || null} onChange={(x) => set('stationId')(x ?? '')} clearable searchable error={err('stationId')} data-testid="ac-station" />
          </SimpleGrid>
          <Group align="flex-end">
            <Checkbox
              label={t('aftercare.form.reached')}
              checked={v.reached}
              onChange={(e) => {
                const reached = e.currentTarget.checked
                setV((old) => ({ ...old, reached, status: reached ? 'abstinent' : '' }))
              }}
              data-testid="ac-reached"
            />
            <Select
              label={t('aftercare.form.status')}
              data={statusOptions}
              value={v.status || null}
              onChange={(x) => set('status')((x ?? '') as ContactStatus | '')}
              clearable={!v.reached}
              placeholder={t('aftercare.form.statusNone')}
              withAsterisk={v.reached}
              error={err('status')}
              description={t('aftercare.form.hintStatus')}
              flex={1}
              data-testid="ac-status"
            />
          </Group>
          <SimpleGrid cols={2}>
            <Select
              label={t('aftercare.form.employment')}
              data={EMPLOYMENT_STATES.map((s) => ({ value: s, label: t(`aftercare.employment.${s}`) }))}
              value={v.employment || null}
              onChange={(x) => set('employment')((x ?? '') as EmploymentState | '')}
              clearable
              error={err('employment')}
              data-testid="ac-employment"
            />
            <TextInput label={t('aftercare.form.employer')} value={v.employer} onChange={(e) => set('employer')(e.currentTarget.value)} disabled={v.employment !== 'employed' && v.employer === ''} error={err('employer')} data-testid="ac-employer" />
          </SimpleGrid>
          <Stack gap={4}>
            <Text fz="sm" fw={500}>{t('aftercare.form.help')}</Text>
            <Chip.Group multiple value={v.help} onChange={set('help')}>
              <Group gap={6}>
                {helpKinds.map((h) => (
                  <Chip key={h.id} value={h.id} size="sm">{english ? h.en : h.zh}</Chip>
                ))}
              </Group>
            </Chip.Group>
            {err('help') && <Text c="red" fz="xs">{err('help')}</Text>}
          </Stack>
          <TextInput label={t('aftercare.form.staff')} value={v.staff} onChange={(e) => set('staff')(e.currentTarget.value)} error={err('staff')} data-testid="ac-staff" />
          <Textarea label={t('aftercare.form.note')} value={v.note} onChange={(e) => set('note')(e.currentTarget.value)} autosize minRows={2} error={err('note')} data-testid="ac-note" />
          <SaveErrorAlert error={editing ? update.error : record.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('aftercare.common.cancel')}</Button>
            <Button type="submit" loading={record.isPending || update.isPending} data-testid="ac-save">{t('aftercare.common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
