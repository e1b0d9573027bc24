import { Modal, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { MAX_EXTENSION_MONTHS } from '@shared/domain/term'
import { useContractForm } from '../../../../lib/useContractForm'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'
import { NumberField } from '../../../../components/NumberField'

interface Values {
  id: string
  kind: 'extension'
  months: number | string
  docNo: string
  note: string
}

export function ExtensionModal({ personId, approved, opened, onClose }: { personId: string; approved: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: Values = { id: personId, kind: 'extension', months: '', docNo: '', note: '' }
  const { form, mutation, submit } = useContractForm('people:addTermEvent', {
    initialValues,
    // The schema allows 1–12; what is left of the 12 months depends on the extensions already approved.
    extraValidate: (v) => ({
      months: typeof v.months === 'number' && v.months > MAX_EXTENSION_MONTHS - approved && v.months <= MAX_EXTENSION_MONTHS ? t('term.extension_total', { approved }) : null,
    }),
    toInput: (v) => ({ id: personId, kind: 'extension', months: Number(v.months), docNo: v.docNo.trim(), note: v.note.trim() || undefined }),
    onSuccess: () => close(),
  })
  function close() {
    form.reset()
    onClose()
  }
  return (
    <Modal opened={opened} onClose={close} title={t('term.addExtension')}>
      <form onSubmit={submit}>
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
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={close} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
