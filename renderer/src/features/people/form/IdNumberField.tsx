import { Text, TextInput } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { IconCircleCheck, IconId } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { checkIdNumber } from '@shared/domain/idNumber'
import type { PersonFormValues } from './personFormValues'
import { REQUIRED } from '../../../components/required'

interface Props {
  form: UseFormReturnType<PersonFormValues>
  today: string | undefined
}

/**
 * ID number with a live GB 11643 check: a valid number fills in birth date and sex when they are empty and shows what
 * it encodes; an invalid one shows the specific problem once the number is complete (or on leaving the field).
 */
export function IdNumberField({ form, today }: Props) {
  const { t } = useTranslation()
  const value = form.getValues().idNumber
  const check = value.trim() ? checkIdNumber(value, today) : null

  const onChange = (raw: string) => {
    const next = raw.toUpperCase().replace(/\s/g, '')
    form.setFieldValue('idNumber', next)
    const r = checkIdNumber(next, today)
    if (r.valid) {
      const current = form.getValues()
      if (!current.birthDate) form.setFieldValue('birthDate', r.birthDate)
      if (!current.sex) form.setFieldValue('sex', r.sex)
      form.clearFieldError('idNumber')
      form.clearFieldError('birthDate')
      form.clearFieldError('sex')
    } else if (next.length >= 18) {
      form.setFieldError('idNumber', t(`id.${r.failure}`))
    } else {
      form.clearFieldError('idNumber')
    }
  }

  const props = form.getInputProps('idNumber')
  return (
    <TextInput
      {...props}
      label={t('field.idNumber')}
      labelProps={REQUIRED}
      maxLength={18}
      leftSection={<IconId size={16} stroke={1.5} />}
      rightSection={check?.valid && !props.error ? <IconCircleCheck size={18} color="var(--mantine-color-teal-6)" /> : null}
      styles={{ input: { fontVariantNumeric: 'tabular-nums', letterSpacing: '0.04em' } }}
      onChange={(e) => onChange(e.currentTarget.value)}
      description={
        check?.valid ? (
          <Text span fz="xs" c="teal.8" data-testid="id-derived">
            {t('form.idDerived', { birthDate: check.birthDate, sex: t(`sex.${check.sex}`) })}
          </Text>
        ) : undefined
      }
      inputWrapperOrder={['label', 'input', 'description', 'error']}
    />
  )
}
