import { Modal, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { DateField } from '../../../../components/DateField'
import { useContractForm } from '../../../../lib/useContractForm'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Values {
  id: string
  kind: 'escape'
  fromDate: string
  toDate: string
  docNo: string
  note: string
}

export function EscapeModal({ personId, today, opened, onClose }: { personId: string; today?: string; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: Values = { id: personId, kind: 'escape', fromDate: '', toDate: '', docNo: '', note: '' }
  const { form, mutation, submit } = useContractForm('people:addTermEvent', {
    initialValues,
    extraValidate: (v) => ({ toDate: v.toDate && v.fromDate && v.toDate < v.fromDate ? t('term.escape_order') : null }),
    toInput: (v) => ({
      id: personId,
      kind: 'escape',
      fromDate: v.fromDate,
      toDate: v.toDate || null,
      docNo: v.docNo.trim() || undefined,
      note: v.note.trim() || undefined,
    }),
    onSuccess: () => close(),
  })
  function close() {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={t('term.addEscape')}>
      <form onSubmit={submit}>
        <Stack>
          <SimpleGrid cols={2}>
            <DateField label={t('term.fromDate')} labelProps={REQUIRED} maxDate={today} data-autofocus {...form.getInputProps('fromDate')} />
            <DateField
              label={t('term.toDate')}
              description={t('term.toDateHint')}
              inputWrapperOrder={['label', 'input', 'description', 'error']}
              clearable
              maxDate={today}
              {...form.getInputProps('toDate')}
            />
          </SimpleGrid>
          <TextInput label={t('term.docNo')} {...form.getInputProps('docNo')} />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
