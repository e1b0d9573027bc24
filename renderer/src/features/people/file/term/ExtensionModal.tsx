import { Alert, Button, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useRef, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { MAX_EXTENSION_MONTHS } from '@shared/domain/term'
import { DateField } from '../../../../components/DateField'
import { useContractForm } from '../../../../lib/useContractForm'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'
import { NumberField } from '../../../../components/NumberField'

interface Values {
  id: string
  kind: 'extension'
  months: number | string
  docNo: string
  approvalDate: string
  note: string
}

interface Props {
  personId: string
  approved: number
  /** The decision date and today bound the approval date. */
  decisionDate: string
  today?: string
  /** Set when the term has already run out: the extension then needs an explicit confirmation. */
  expired: { lastDay: string; days: number } | null
  opened: boolean
  onClose: () => void
}

export function ExtensionModal({ personId, approved, decisionDate, today, expired, opened, onClose }: Props) {
  const { t } = useTranslation()
  const initialValues: Values = { id: personId, kind: 'extension', months: '', docNo: '', approvalDate: '', note: '' }
  // The confirmation is a second step of the same dialog; a ref so the submit right after the click already sends it.
  const confirmed = useRef(false)
  const [confirming, setConfirming] = useState(false)
  const { form, mutation, submit } = useContractForm('people:addTermEvent', {
    initialValues,
    // The schema allows 1–12; what is left of the 12 months depends on the extensions already approved. The approval
    // date is checked here too, before the confirmation step, so it never confirms a date the server will refuse.
    extraValidate: (v) => ({
      months: typeof v.months === 'number' && v.months > MAX_EXTENSION_MONTHS - approved && v.months <= MAX_EXTENSION_MONTHS ? t('term.extension_total', { approved }) : null,
      approvalDate:
        today && v.approvalDate > today
          ? t('term.approval_in_future', { today })
          : v.approvalDate && v.approvalDate < decisionDate
            ? t('term.approval_before_decision', { decisionDate })
            : null,
    }),
    toInput: (v) => ({
      id: personId,
      kind: 'extension',
      months: Number(v.months),
      docNo: v.docNo.trim(),
      approvalDate: v.approvalDate,
      confirmExpired: confirmed.current,
      note: v.note.trim() || undefined,
    }),
    onSuccess: () => close(),
  })
  // Any other refusal after the confirmation goes back to the form, where the field messages show. The server also
  // refuses an unconfirmed extension on an expired term (e.g. the term ran out while the dialog was open): ask then.
  const askConfirmation = (confirming && !mutation.isError) || Boolean(form.errors.confirmExpired)
  function close() {
    form.reset()
    mutation.reset()
    confirmed.current = false
    setConfirming(false)
    onClose()
  }
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    if (expired && !confirmed.current) {
      if (!form.validate().hasErrors) {
        mutation.reset()
        setConfirming(true)
      }
      return
    }
    submit()
  }
  function confirm() {
    confirmed.current = true
    form.clearFieldError('confirmExpired')
    submit()
  }
  function back() {
    mutation.reset()
    confirmed.current = false
    setConfirming(false)
    form.clearFieldError('confirmExpired')
  }
  if (askConfirmation) {
    return (
      <Modal opened={opened} onClose={close} title={t('term.addExtension')}>
        <Stack data-testid="extension-confirm">
          <Alert color="red" icon={<IconAlertTriangle size={18} />} title={t('extensionForm.confirmTitle')}>
            {expired ? t('extensionForm.confirmBody', { lastDay: expired.lastDay, count: expired.days }) : String(form.errors.confirmExpired ?? '')}
          </Alert>
          <Text fz="sm">
            {t('term.monthsValue', { count: Number(form.values.months) || 0 })} · {form.values.docNo} · {t('extensionForm.approvalDate')} {form.values.approvalDate}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={back}>
              {t('extensionForm.back')}
            </Button>
            <Button color="red" onClick={confirm} loading={mutation.isPending}>
              {t('extensionForm.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    )
  }
  return (
    <Modal opened={opened} onClose={close} title={t('term.addExtension')}>
      <form onSubmit={onSubmit}>
        <Stack>
          <Text fz="sm" c="dimmed">
            {t('term.extension_total', { approved })}
          </Text>
          <NumberField
            label={t('term.months')}
            labelProps={REQUIRED}
            min={1}
            max={MAX_EXTENSION_MONTHS - approved}
            data-autofocus
            {...form.getInputProps('months')}
          />
          <TextInput label={t('term.extensionDocNo')} labelProps={REQUIRED} {...form.getInputProps('docNo')} />
          <DateField
            label={t('extensionForm.approvalDate')}
            labelProps={REQUIRED}
            description={t('extensionForm.approvalDateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            minDate={decisionDate}
            maxDate={today}
            {...form.getInputProps('approvalDate')}
          />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
