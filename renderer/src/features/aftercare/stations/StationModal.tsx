import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { STATION_KINDS, type StationKind, type StationView } from '@shared/contract'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { translateFieldError } from '../../../i18n/errorText'

/** Create or edit a guidance station (an edit names the revision it read). */
export function StationModal({ editing, onClose }: { editing?: StationView; onClose: () => void }) {
  const { t } = useTranslation()
  const [v, setV] = useState({
    name: editing?.name ?? '',
    kind: (editing?.kind ?? 'station') as StationKind,
    region: editing?.region ?? '',
    address: editing?.address ?? '',
    contactName: editing?.contactName ?? '',
    contactPhone: editing?.contactPhone ?? '',
    note: editing?.note ?? '',
  })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useApiMutation('aftercare:saveStation', { notifyError: false })
  const err = (name: string) => (errors[name] ? translateFieldError(errors[name]) : undefined)
  const text = (name: 'name' | 'region' | 'address' | 'contactName' | 'contactPhone', required = false) => (
    <TextInput label={t(`aftercare.stations.${name}`)} value={v[name]} onChange={(e) => { const value = e.currentTarget.value; setV((o) => ({ ...o, [name]: value })) }} withAsterisk={required} error={err(name)} data-testid={`st-${name}`} />
  )
  const submit = (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    const blank = (s: string) => (s.trim() === '' ? null : s)
    save.mutate(
      {
        ...(editing ? { id: editing.id, revision: editing.revision } : {}),
        name: v.name,
        kind: v.kind,
        region: v.region,
        address: blank(v.address),
        contactName: blank(v.contactName),
        contactPhone: blank(v.contactPhone),
        note: blank(v.note),
      },
      { onSuccess: onClose, onError: (error) => setErrors(isApiCallError(error) && error.fields ? error.fields : { _: error.message }) },
    )
  }
  return (
    <Modal opened onClose={onClose} title={editing ? t('aftercare.stations.titleEdit') : t('aftercare.stations.titleNew')} size="lg">
      <form onSubmit={submit} data-testid="station-form">
        <Stack gap="sm">
          {errors._ && <Alert color="red">{errors._}</Alert>}
          {text('name', true)}
          <SimpleGrid cols={2}>
            <Select label={t('aftercare.stations.kind')} data={STATION_KINDS.map((k) => ({ value: k, label: t(`aftercare.stationKind.${k}`) }))} value={v.kind} onChange={(x) => x && setV((o) => ({ ...o, kind: x as StationKind }))} allowDeselect={false} withAsterisk error={err('kind')} />
            {text('region', true)}
          </SimpleGrid>
          {text('address')}
          <SimpleGrid cols={2}>
            {text('contactName')}
            {text('contactPhone')}
          </SimpleGrid>
          <Textarea label={t('aftercare.stations.note')} value={v.note} onChange={(e) => { const value = e.currentTarget.value; setV((o) => ({ ...o, note: value })) }} autosize minRows={2} error={err('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('aftercare.common.cancel')}</Button>
            <Button type="submit" loading={save.isPending} data-testid="st-save">{t('aftercare.common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
