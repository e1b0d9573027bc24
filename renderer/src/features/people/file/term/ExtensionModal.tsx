import { Modal, NumberInput, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { contract } from '@shared/contract'
import { MAX_EXTENSION_MONTHS } from '@shared/domain/term'
import { useApiMutation } from '../../../../api/hooks'
import { applyServerErrors, zodValidate } from '../../../../lib/forms'
import { REQUIRED } from '../../../../components/required'
import { FormActions } from '../../../../components/FormActions'

interface Values {
  id: string
  kind: 'extension'
  months: number | string
  docNo: string
  note: string
}

export function ExtensionModal({ personId, approved, opened, onClose }: { personId: string; approved: number; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: { id: personId, kind: 'extension', months: '', docNo: '', note: '' },
    validate: zodValidate<Values>(contract['people:addTermEvent'].input),
  })
  const close = () => {
    form.reset()
    onClose()
  }
  const add = useApiMutation('people:addTermEvent', { onSuccess: close })
  return (
    <Modal opened={opened} onClose={close} title={t('term.addExtension')}>
      <form
        onSubmit={form.onSubmit((v) =>
          add.mutate(
            { id: personId, kind: 'extension', months: Number(v.months), docNo: v.docNo.trim(), note: v.note.trim() || undefined },
            { onError: (e) => applyServerErrors(form, e) },
          ),
        )}
      >
        <Stack>
          <Text fz="sm" c="dimmed">
            {t('term.extension_total', { approved })}
          </Text>
          <NumberInput
            label={t('term.months')}
            labelProps={REQUIRED}
            min={1}
            max={MAX_EXTENSION_MONTHS - approved}
            allowDecimal={false}
            data-autofocus
            {...form.getInputProps('months')}
          />
          <TextInput label={t('term.extensionDocNo')} labelProps={REQUIRED} {...form.getInputProps('docNo')} />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={close} loading={add.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
