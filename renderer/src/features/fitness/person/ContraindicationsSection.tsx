import { Alert, Badge, Button, Group, Modal, MultiSelect, Paper, Select, Stack, Table, Text, Textarea } from '@mantine/core'
import { IconHeartbeat, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { CONTRAINDICATION_KINDS, type ContraindicationKind, type ContraindicationView } from '@shared/contract'
import { FITNESS_ITEMS, type FitnessItem } from '@shared/domain/fitness'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { DateField, parseDate } from '../../../components/DateField'
import { useErrorText, translateFieldError } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'

/** Contraindications (运动禁忌): the items a person must not take, shown as 免测 on a test day while they apply. */
export function ContraindicationsSection({ personId, contraindications, writable }: { personId: string; contraindications: ContraindicationView[]; writable: boolean }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useFacility().data?.today ?? todayIso()
  const [recording, setRecording] = useState(false)
  const end = useApiMutation('fitness:endContraindication', { notifyError: true })
  const live = contraindications.filter((c) => !c.voided)
  const current = (c: ContraindicationView) => c.from <= today && (c.until === null || c.until >= today)

  const onEnd = (c: ContraindicationView) => {
    if (!window.confirm(t('fitness.person.endConfirm'))) return
    end.mutate({ personId, id: c.id, until: today, revision: c.revision }, { onError: (error) => isApiCallError(error) && error.code === 'conflict' && window.alert(errorText(error)) })
  }

  return (
    <Paper p="lg" data-testid="fitness-contraindications">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('fitness.person.contraindications')}</Text>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setRecording(true)} data-testid="fitness-add-contraindication">
            {t('fitness.person.addContraindication')}
          </Button>
        )}
      </Group>
      {live.length === 0 ? (
        <Group gap={6} c="dimmed">
          <IconHeartbeat size={16} />
          <Text fz="sm">{t('fitness.person.contraindicationsEmpty')}</Text>
        </Group>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('fitness.person.contraindication')}</Table.Th>
              <Table.Th>{t('fitness.person.excludes')}</Table.Th>
              <Table.Th>{t('fitness.person.since')}</Table.Th>
              <Table.Th>{t('fitness.person.until')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {live.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {t(`fitness.kinds.${c.kind}`)}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {c.reason}
                  </Text>
                </Table.Td>
                <Table.Td fz="sm">{c.items.map((i) => t(`fitness.items.${i}`)).join('、')}</Table.Td>
                <Table.Td className="tabular" fz="sm">
                  {c.from}
                </Table.Td>
                <Table.Td className="tabular" fz="sm">
                  {c.until ?? (
                    <Badge color="orange" variant="light">
                      {t('fitness.person.current')}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td ta="right">
                  {writable && current(c) && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onEnd(c)} loading={end.isPending}>
                      {t('fitness.person.endContraindication')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {recording && <RecordModal personId={personId} today={today} onClose={() => setRecording(false)} />}
    </Paper>
  )
}

function RecordModal({ personId, today, onClose }: { personId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const [kind, setKind] = useState<ContraindicationKind>('cardiovascular')
  const [items, setItems] = useState<FitnessItem[]>(['step_index'])
  const [reason, setReason] = useState('')
  const [from, setFrom] = useState(today)
  const [until, setUntil] = useState('')
  const [fields, setFields] = useState<Record<string, string>>({})
  const record = useApiMutation('fitness:recordContraindication', { notifyError: false })
  const fromDate = parseDate(from)
  const untilDate = until.trim() ? parseDate(until) : null
  const untilBad = until.trim() !== '' && (!untilDate || (fromDate !== null && untilDate < fromDate))

  const submit = () => {
    setFields({})
    record.mutate(
      { personId, kind, items, reason, from: fromDate ?? from, until: untilDate },
      {
        onSuccess: onClose,
        onError: (error) => setFields(isApiCallError(error) && error.fields ? error.fields : { _: error.message }),
      },
    )
  }
  const fieldError = (name: string) => (fields[name] ? translateFieldError(fields[name]) : null)

  return (
    <Modal opened onClose={onClose} title={t('fitness.person.addContraindication')}>
      <Stack>
        <Select
          label={t('fitness.person.kind')}
          value={kind}
          onChange={(v) => v && setKind(v as ContraindicationKind)}
          data={CONTRAINDICATION_KINDS.map((k) => ({ value: k, label: t(`fitness.kinds.${k}`) }))}
          allowDeselect={false}
        />
        <MultiSelect
          label={t('fitness.person.excludes')}
          value={items}
          onChange={(v) => setItems(v as FitnessItem[])}
          data={FITNESS_ITEMS.map((i) => ({ value: i, label: t(`fitness.items.${i}`) }))}
          error={items.length === 0 ? t('v.required') : fieldError('items')}
        />
        <Textarea label={t('fitness.person.contraindication')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} maxLength={300} autosize minRows={2} error={fieldError('reason')} data-testid="fitness-contraindication-reason" />
        <Group grow>
          <DateField label={t('fitness.person.since')} value={from} onChange={setFrom} error={!fromDate ? t('v.date') : fieldError('from')} />
          <DateField label={t('fitness.person.until')} value={until} onChange={setUntil} clearable error={untilBad ? t('fitness.person.untilBeforeFrom') : fieldError('until')} />
        </Group>
        {fields._ && <Alert color="red">{fields._}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} loading={record.isPending} disabled={items.length === 0 || !reason.trim() || !fromDate || untilBad}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
