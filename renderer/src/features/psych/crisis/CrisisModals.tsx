import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { RISK_LEVELS, type CrisisEventKind, type RiskLevel } from '@shared/domain/psych'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'

interface RaiseValues {
  personId: string
  riskLevel: string
  reason: string
  raisedOn: string
}

/** Opens a crisis for a person: risk level, reason and date. */
export function RaiseCrisisModal({ personId, personName, today, onClose }: { personId: string; personName: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: RaiseValues = { personId, riskLevel: '', reason: '', raisedOn: today }
  const { form, mutation: raise, submit } = useContractForm('psych:raiseCrisis', {
    initialValues,
    toInput: (v) => ({ personId, riskLevel: v.riskLevel as RiskLevel, reason: v.reason.trim(), raisedOn: v.raisedOn }),
    success: t('psych.crisis.raised'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('psych.crisis.raiseTitle', { name: personName })}>
      <form onSubmit={submit}>
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />}>
            {t('psych.crisis.raiseHint')}
          </Alert>
          <Select
            label={t('psych.crisis.riskLevel')}
            labelProps={REQUIRED}
            data={RISK_LEVELS.map((r) => ({ value: r, label: t(`psych.risk.${r}`) }))}
            data-autofocus
            {...form.getInputProps('riskLevel')}
          />
          <Textarea label={t('psych.crisis.reason')} labelProps={REQUIRED} autosize minRows={3} {...form.getInputProps('reason')} />
          <DateField label={t('psych.crisis.raisedOn')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('raisedOn')} />
          <FormActions onCancel={onClose} loading={raise.isPending} submitLabel={t('psych.crisis.raise')} />
        </Stack>
      </form>
    </Modal>
  )
}

interface EventValues {
  crisisId: string
  kind: CrisisEventKind
  on: string
  note: string
  nextFollowUp: string
}

/** Records an intervention or a follow-up, with the next follow-up date. */
export function CrisisEventModal({ crisisId, kind, today, minDate, onClose }: { crisisId: string; kind: CrisisEventKind; today: string; minDate: string; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: EventValues = { crisisId, kind, on: today, note: '', nextFollowUp: '' }
  const { form, mutation: add, submit } = useContractForm('psych:addCrisisEvent', {
    initialValues,
    toInput: (v) => ({ crisisId, kind, on: v.on, note: v.note.trim(), nextFollowUp: v.nextFollowUp.trim() ? v.nextFollowUp : null }),
    success: t('psych.crisis.eventAdded'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t(`psych.crisis.add.${kind}`)}>
      <form onSubmit={submit}>
        <Stack>
          <DateField label={t('psych.crisis.eventOn')} labelProps={REQUIRED} minDate={minDate} maxDate={today} {...form.getInputProps('on')} />
          <Textarea label={t(`psych.crisis.note.${kind}`)} labelProps={REQUIRED} autosize minRows={4} data-autofocus {...form.getInputProps('note')} />
          <DateField label={t('psych.crisis.nextFollowUp')} description={t('psych.crisis.nextFollowUpHint')} clearable {...form.getInputProps('nextFollowUp')} />
          <FormActions onCancel={onClose} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}

interface CloseValues {
  crisisId: string
  closedOn: string
  outcome: string
}

/** Ends the crisis workflow with an outcome. */
export function CloseCrisisModal({ crisisId, today, minDate, onClose }: { crisisId: string; today: string; minDate: string; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: CloseValues = { crisisId, closedOn: today, outcome: '' }
  const { form, mutation: close, submit } = useContractForm('psych:closeCrisis', {
    initialValues,
    toInput: (v) => ({ crisisId, closedOn: v.closedOn, outcome: v.outcome.trim() }),
    success: t('psych.crisis.closedDone'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('psych.crisis.closeTitle')}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">
            {t('psych.crisis.closeHint')}
          </Text>
          <DateField label={t('psych.crisis.closedOnLabel')} labelProps={REQUIRED} minDate={minDate} maxDate={today} {...form.getInputProps('closedOn')} />
          <Textarea label={t('psych.crisis.outcome')} labelProps={REQUIRED} autosize minRows={3} data-autofocus {...form.getInputProps('outcome')} />
          <FormActions onCancel={onClose} loading={close.isPending} submitLabel={t('psych.crisis.close')} />
        </Stack>
      </form>
    </Modal>
  )
}
