import { Alert, Modal, Select, Stack, Text, Textarea } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/contract'
import { RISK_LEVELS, type CrisisEventKind, type RiskLevel } from '@shared/domain/psych'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { applyServerErrors, zodValidate } from '../../../lib/forms'

interface RaiseValues {
  personId: string
  riskLevel: string
  reason: string
  raisedOn: string
}

/** Opens a crisis for a person: risk level, reason and date. */
export function RaiseCrisisModal({ personId, personName, today, onClose }: { personId: string; personName: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<RaiseValues>({
    initialValues: { personId, riskLevel: '', reason: '', raisedOn: today },
    validate: zodValidate<RaiseValues>(contract['psych:raiseCrisis'].input),
  })
  const raise = useApiMutation('psych:raiseCrisis', { success: t('psych.crisis.raised'), onSuccess: onClose })
  return (
    <Modal opened onClose={onClose} title={t('psych.crisis.raiseTitle', { name: personName })}>
      <form
        onSubmit={form.onSubmit((v) =>
          raise.mutate(
            { personId, riskLevel: v.riskLevel as RiskLevel, reason: v.reason.trim(), raisedOn: v.raisedOn },
            { onError: (e) => applyServerErrors(form, e) },
          ),
        )}
      >
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
  const form = useForm<EventValues>({
    initialValues: { crisisId, kind, on: today, note: '', nextFollowUp: '' },
    validate: zodValidate<EventValues>(contract['psych:addCrisisEvent'].input),
  })
  const add = useApiMutation('psych:addCrisisEvent', { success: t('psych.crisis.eventAdded'), onSuccess: onClose })
  return (
    <Modal opened onClose={onClose} title={t(`psych.crisis.add.${kind}`)}>
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(
            { crisisId, kind, on: v.on, note: v.note.trim(), nextFollowUp: v.nextFollowUp.trim() ? v.nextFollowUp : null },
            { onError: (e) => applyServerErrors(form, e) },
          ),
        )}
      >
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
  const form = useForm<CloseValues>({
    initialValues: { crisisId, closedOn: today, outcome: '' },
    validate: zodValidate<CloseValues>(contract['psych:closeCrisis'].input),
  })
  const close = useApiMutation('psych:closeCrisis', { success: t('psych.crisis.closedDone'), onSuccess: onClose })
  return (
    <Modal opened onClose={onClose} title={t('psych.crisis.closeTitle')}>
      <form onSubmit={form.onSubmit((v) => close.mutate({ crisisId, closedOn: v.closedOn, outcome: v.outcome.trim() }, { onError: (e) => applyServerErrors(form, e) }))}>
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
