import { Group, Paper, Radio, Select, SimpleGrid, Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ETHNICITIES, SEXES } from '@shared/domain/person'
import { DateField } from '../../../components/DateField'
import { IdNumberField } from './IdNumberField'
import type { PersonFormValues } from './personFormValues'
import { REQUIRED } from '../../../components/required'

export function FormSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="lg">
      <Text fw={600} mb="md">
        {title}
      </Text>
      {children}
    </Paper>
  )
}

interface Props {
  form: UseFormReturnType<PersonFormValues>
  today: string | undefined
}

/** Identity, decision and emergency-contact fields shared by the create and edit forms. */
export function IdentityFields({ form, today }: Props) {
  const { t } = useTranslation()
  return (
    <>
      <FormSection title={t('form.identity')}>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('field.name')} labelProps={REQUIRED} data-autofocus autoFocus {...form.getInputProps('name')} />
          <IdNumberField form={form} today={today} />
          <Radio.Group label={t('field.sex')} labelProps={REQUIRED} {...form.getInputProps('sex')}>
            <Group gap="lg" mt={8}>
              {SEXES.map((s) => (
                <Radio key={s} value={s} label={t(`sex.${s}`)} />
              ))}
            </Group>
          </Radio.Group>
          <DateField label={t('field.birthDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('birthDate')} />
          <Select
            label={t('field.ethnicity')}
            labelProps={REQUIRED}
            searchable
            data={[...ETHNICITIES]}
            nothingFoundMessage="—"
            {...form.getInputProps('ethnicity')}
          />
        </SimpleGrid>
        <TextInput mt="sm" label={t('field.householdAddress')} labelProps={REQUIRED} {...form.getInputProps('householdAddress')} />
      </FormSection>
      <FormSection title={t('form.decision')}>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing="sm">
          <TextInput
            label={t('field.decisionOrgan')}
            placeholder={t('field.decisionOrganPlaceholder')}
            labelProps={REQUIRED}
            {...form.getInputProps('decisionOrgan')}
          />
          <TextInput label={t('field.decisionDocNo')} labelProps={REQUIRED} {...form.getInputProps('decisionDocNo')} />
          <DateField label={t('field.decisionDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('decisionDate')} />
          <DateField
            label={t('field.admissionDate')}
            description={t('field.admissionDateHint')}
            inputWrapperOrder={['label', 'input', 'description', 'error']}
            labelProps={REQUIRED}
            maxDate={today}
            {...form.getInputProps('admissionDate')}
          />
        </SimpleGrid>
      </FormSection>
      <FormSection title={t('form.contact')}>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" verticalSpacing="sm">
          <TextInput label={t('field.emergencyContactName')} {...form.getInputProps('emergencyContactName')} />
          <TextInput label={t('field.emergencyContactRelation')} {...form.getInputProps('emergencyContactRelation')} />
          <TextInput label={t('field.emergencyContactPhone')} inputMode="tel" {...form.getInputProps('emergencyContactPhone')} />
        </SimpleGrid>
      </FormSection>
    </>
  )
}
