import { Alert, Modal, Select, Stack, Textarea } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { AssessmentDetail, InstrumentView } from '@shared/contract'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'
import { useBi } from '../psychUi'

interface Values {
  id: string
  cutoffSetId: string
  rounding: 'truncate' | 'round_half_up'
  note: string
}

/** Re-scores the stored answers under another cut-off set or rounding; the original result is kept. */
export function RescoreModal({ assessment, instrument, onClose }: { assessment: AssessmentDetail; instrument: InstrumentView; onClose: () => void }) {
  const { t } = useTranslation()
  const bi = useBi()
  const used = assessment.result?.cutoffSetId ?? instrument.activeCutoffSetId
  const other = instrument.cutoffSets.find((c) => c.id !== used)
  const initialValues: Values = {
    id: assessment.id,
    cutoffSetId: other?.id ?? used ?? instrument.cutoffSets[0]?.id ?? '',
    rounding: assessment.result?.rounding ?? 'truncate',
    note: '',
  }
  const { form, mutation: rescore, submit } = useContractForm('psych:rescore', {
    initialValues,
    toInput: (v) => ({ id: assessment.id, cutoffSetId: v.cutoffSetId, rounding: v.rounding, note: v.note.trim() || undefined }),
    success: t('psych.rescore.done'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('psych.rescore.title')}>
      <form onSubmit={submit}>
        <Stack>
          <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />}>
            {t('psych.rescore.hint')}
          </Alert>
          <Select
            label={t('psych.cutoffSet')}
            labelProps={REQUIRED}
            data={instrument.cutoffSets.map((c) => ({
              value: c.id,
              label: `${bi(c.name)}${c.id === used ? t('psych.rescore.used') : ''}${c.isDefault ? t('psych.rescore.default') : ''}`,
            }))}
            data-autofocus
            {...form.getInputProps('cutoffSetId')}
          />
          <Select
            label={t('psych.roundingLabel')}
            labelProps={REQUIRED}
            data={[
              { value: 'truncate', label: t('psych.rounding.truncate') },
              { value: 'round_half_up', label: t('psych.rounding.round_half_up') },
            ]}
            {...form.getInputProps('rounding')}
          />
          <Textarea label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={rescore.isPending} submitLabel={t('psych.rescore.submit')} />
        </Stack>
      </form>
    </Modal>
  )
}
