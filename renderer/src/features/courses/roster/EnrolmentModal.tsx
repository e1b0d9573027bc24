import { Alert, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { CourseDetail, EnrolmentRow } from '@shared/contract'
import { WITHDRAW_REASONS, type WithdrawReason } from '@shared/domain/vocational'
import { isApiCallError } from '../../../api/errors'
import { DateField } from '../../../components/DateField'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { useErrorText } from '../../../i18n/errorText'
import { formatDate, todayIso } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { useFacility } from '../../shell/useFacility'

interface Values {
  date: string
  withdrawReason: string
  withdrawText: string
}

/** Withdraws a student (reason 出所/转所/就医/本人拒绝/其他 with its text) or records completion, with the row's revision. */
export function EnrolmentModal({ row, action, course, onClose }: { row: EnrolmentRow; action: 'withdraw' | 'complete'; course: CourseDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useFacility().data?.today ?? todayIso()
  const { form, submit, mutation } = useContractForm('courses:setEnrolment', {
    initialValues: { date: today, withdrawReason: '', withdrawText: '' } satisfies Values,
    check: 'input',
    toInput: (v: Values) => ({
      enrolmentId: row.enrolmentId,
      revision: row.revision,
      action,
      date: v.date,
      withdrawReason: action === 'withdraw' && v.withdrawReason ? (v.withdrawReason as WithdrawReason) : null,
      withdrawText: action === 'withdraw' && v.withdrawReason === 'other' ? v.withdrawText.trim() || null : null,
    }),
    success: action === 'withdraw' ? t('courses.roster.withdrawn') : t('courses.roster.completed'),
    onSuccess: onClose,
  })
  // A refusal that names no field (someone changed the row meanwhile, a date rule) is shown in the dialog as well.
  const refusal = mutation.error && !(isApiCallError(mutation.error) && mutation.error.fields) ? errorText(mutation.error) : null
  return (
    <Modal opened onClose={onClose} title={action === 'withdraw' ? t('courses.roster.withdrawTitle', { name: row.name }) : t('courses.roster.completeTitle', { name: row.name })}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">{course.name} · {formatDate(course.startDate)} – {formatDate(course.endDate)}</Text>
          {action === 'withdraw' && (
            <Select label={t('courses.roster.withdrawReason')} labelProps={REQUIRED} data-autofocus
              data={WITHDRAW_REASONS.map((r) => ({ value: r, label: t(`courses.withdrawReasons.${r}`) }))} {...form.getInputProps('withdrawReason')} />
          )}
          {action === 'withdraw' && form.values.withdrawReason === 'other' && (
            <TextInput label={t('courses.roster.withdrawText')} labelProps={REQUIRED} description={t('courses.roster.withdrawTextHint')} {...form.getInputProps('withdrawText')} />
          )}
          <DateField label={t('courses.roster.endedOn')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('date')} />
          {refusal && <Alert color="red" data-testid="enrolment-refused">{refusal}</Alert>}
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
