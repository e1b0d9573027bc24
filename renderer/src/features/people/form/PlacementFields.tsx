import { Select, SimpleGrid, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { PERIODS } from '@shared/domain/periods'
import { DateField } from '../../../components/DateField'
import { useWards } from '../../wards/useWards'
import { FormSection } from './IdentityFields'
import type { PersonFormValues } from './personFormValues'
import { REQUIRED } from '../../../components/required'

/** Create only: the ward, the first period and a note. */
export function PlacementFields({ form, today }: { form: UseFormReturnType<PersonFormValues>; today: string | undefined }) {
  const { t } = useTranslation()
  const wards = useWards()
  const options = (wards.data ?? [])
    .filter((w) => w.active)
    .map((w) => ({
      value: w.id,
      label: t('common.withNote', { text: w.name, note: `${w.occupancy}/${w.capacity}` }),
      disabled: w.occupancy >= w.capacity,
    }))
  return (
    <FormSection title={t('form.placement')}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
        <Select label={t('field.wardId')} labelProps={REQUIRED} data={options} {...form.getInputProps('wardId')} />
        <Select
          label={t('field.period')}
          labelProps={REQUIRED}
          data={PERIODS.map((p) => ({ value: p, label: t(`period.${p}`) }))}
          {...form.getInputProps('period')}
        />
        <DateField
          label={t('field.periodStart')}
          description={t('field.periodStartHint')}
          inputWrapperOrder={['label', 'input', 'description', 'error']}
          clearable
          maxDate={today}
          {...form.getInputProps('periodStart')}
        />
      </SimpleGrid>
      <Textarea mt="sm" label={t('field.note')} autosize minRows={2} {...form.getInputProps('note')} />
    </FormSection>
  )
}
