import { useForm, type FormErrors, type UseFormInput, type UseFormReturnType } from '@mantine/form'
import type { z } from 'zod'
import { contract, type Input, type MethodName, type Output } from '@shared/contract'
import { useApiMutation } from '../api/hooks'
import { applyServerErrors, focusFirstError, zodValidate, type PathRename } from './forms'

/** Whatever `useApiMutation` accepts (toasts, session refresh, …): passed through as given, so new options keep working. */
type ApiMutationOptions<M extends MethodName> = NonNullable<Parameters<typeof useApiMutation<M>>[1]>

interface FormOptions<M extends MethodName, V extends object> {
  initialValues: V
  /**
   * What the schema checks. `values` (default): the form values, blank strings as "missing", so the values must carry
   * every field of the input (hidden ones such as `id` included). `input`: the result of `toInput`, exactly as it would
   * be sent, for forms shaped unlike their input (paths mapped back with `rename`).
   */
  check?: 'values' | 'input'
  /** Checked instead of the method's contract input (e.g. settings nested one level down in the input). */
  schema?: z.ZodType
  /** Checks the schema cannot express (a confirmation field, a cross-field rule); applied to fields still without an error. */
  extraValidate?: (values: V) => FormErrors
  /** Contract paths → form paths, for server field errors and `check: 'input'`. */
  rename?: PathRename
  validateInputOnBlur?: UseFormInput<V>['validateInputOnBlur']
  /** Also bring the first invalid field into view when the form's own checks fail (long pages; dialogs are short). */
  focusFirstInvalid?: boolean
  onSuccess?: (output: Output<M>, input: Input<M>, form: UseFormReturnType<V>) => void
}

/** `toInput` may be left out only when the values already are the input. */
type ToInputOption<M extends MethodName, V> = [V] extends [Input<M>]
  ? { toInput?: (values: V) => Input<M> }
  : { /** The call's input from checked values: trimming, blanks to `undefined`, numbers from number fields. */ toInput: (values: V) => Input<M> }

export type ContractFormOptions<M extends MethodName, V extends object> = Omit<ApiMutationOptions<M>, 'onSuccess'> &
  FormOptions<M, V> &
  ToInputOption<M, V>

/**
 * A form that saves through one contract method: Mantine form state, validation with the method's input schema (the
 * same messages the server would give), the mutation with its toasts, and the server's field errors put back on the
 * fields. Values are never rewritten here: a value out of range is refused with a message, not clamped.
 */
export function useContractForm<M extends MethodName, V extends object>(method: M, options: ContractFormOptions<M, V>) {
  const {
    initialValues,
    toInput = (values: V) => values as unknown as Input<M>,
    check = 'values',
    schema,
    extraValidate,
    rename,
    validateInputOnBlur,
    focusFirstInvalid = false,
    onSuccess,
    ...mutationOptions
  } = options
  const form = useForm<V>({
    initialValues,
    validateInputOnBlur,
    validate: zodValidate<V>(schema ?? contract[method].input, extraValidate, check === 'input' ? { prepare: toInput, rename } : {}),
  })
  const mutation = useApiMutation(method, {
    ...mutationOptions,
    onSuccess: (output: Output<M>, input: Input<M>) => onSuccess?.(output, input, form),
  })
  const submit = form.onSubmit(
    (values) => mutation.mutate(toInput(values), { onError: (e) => applyServerErrors(form, e, rename) }),
    focusFirstInvalid ? focusFirstError : undefined,
  )
  return { form, mutation, submit }
}
