// The one place allowed to import Mantine's NumberInput (eslint no-restricted-imports): every number field goes
// through NumberField so none of them clamps.
import { NumberInput, type NumberInputProps } from '@mantine/core'

export type NumberFieldProps = Omit<NumberInputProps, 'clampBehavior' | 'allowDecimal'> & {
  /** Allow a decimal point; off by default because every number in the contract so far is a whole number. */
  decimal?: boolean
}

/**
 * A number field that keeps exactly what was typed. Mantine's NumberInput clamps to min/max on blur by default, which
 * once saved "延长 12 个月" when 13 was typed; here an out-of-range value stays in the field and the form's validation
 * (the contract schema, on click and on Enter alike) refuses it with the field message that states the limit.
 * min/max still bound the stepper arrows and keyboard steps.
 */
export function NumberField({ decimal = false, ...props }: NumberFieldProps) {
  return <NumberInput {...props} clampBehavior="none" allowDecimal={decimal} />
}
