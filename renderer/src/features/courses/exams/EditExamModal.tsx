import { Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ExamAttemptRow } from '@shared/contract'
import { examResult } from '@shared/domain/vocational'
import { FormActions } from '../../../components/FormActions'
import { formatDate } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { ResultBadge } from '../coursesUi'
import { readScore } from './scores'

interface Values {
  theory: string
  practical: string
  note: string
}

/** Changes one attempt's scores (with its revision); the result is recomputed against the marks copied onto it. */
export function EditExamModal({ name, attempt, onClose }: { name: string; attempt: ExamAttemptRow; onClose: () => void }) {
  const { t } = useTranslation()
  // A typed score that is not one goes as NaN, so the contract's schema refuses it at its field with the limit.
  const score = (text: string) => {
    const read = readScore(text)
    return read.ok ? read.value : Number.NaN
  }
  const { form, submit, mutation } = useContractForm('courses:editExam', {
    initialValues: { theory: attempt.theory?.toString() ?? '', practical: attempt.practical?.toString() ?? '', note: attempt.note ?? '' } satisfies Values,
    check: 'input',
    toInput: (v: Values) => ({ id: attempt.id, revision: attempt.revision, theory: score(v.theory), practical: score(v.practical), note: v.note.trim() || null }),
    success: t('courses.exams.saved'),
    onSuccess: onClose,
  })
  const theory = readScore(form.values.theory)
  const practical = readScore(form.values.practical)
  const live = theory.ok && practical.ok ? examResult({ theory: theory.value, practical: practical.value }, attempt.marks) : null
  return (
    <Modal opened onClose={onClose} title={t('courses.exams.editTitle', { name, n: attempt.attempt })}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">{formatDate(attempt.examDate)} · {t('courses.exams.passMarks', attempt.marks)}</Text>
          <SimpleGrid cols={2}>
            <TextInput label={t('courses.exams.theory')} description={t('courses.exams.scoreRange')} data-autofocus className="tabular" {...form.getInputProps('theory')} />
            <TextInput label={t('courses.exams.practical')} description={t('courses.exams.scoreRange')} className="tabular" {...form.getInputProps('practical')} />
          </SimpleGrid>
          <TextInput label={t('courses.field.note')} description={t('courses.exams.noteHint')} {...form.getInputProps('note')} />
          <Text fz="sm">{t('courses.exams.result')}：<ResultBadge result={live} /></Text>
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
