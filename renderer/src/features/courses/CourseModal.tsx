import { Modal, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import type { FormErrors } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { CourseDetail } from '@shared/contract'
import { SKILL_LEVELS } from '@shared/domain/certificates'
import { COURSE_KINDS, DEFAULT_VOCATIONAL_SETTINGS, type CourseKind } from '@shared/domain/vocational'
import { useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { FormActions } from '../../components/FormActions'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { translateFieldError } from '../../i18n/errorText'
import { todayIso } from '../../lib/format'
import { useContractForm } from '../../lib/useContractForm'
import { useFacility } from '../shell/useFacility'
import { NO_INPUT, useCourseSettings, useLevelLabel } from './coursesUi'

interface Values {
  kind: CourseKind
  name: string
  tradeId: string
  level: string
  subject: string
  direction: string
  partner: string
  evaluationBody: string
  teacher: string
  startDate: string
  endDate: string
  capacity: number | string
  place: string
  plannedHours: number | string
  theoryPassMark: number | string
  practicalPassMark: number | string
  note: string
}

/** A blank number field is '': required ones go as NaN ("enter a number"), optional ones as null. */
const requiredNumber = (v: number | string) => (v === '' ? Number.NaN : Number(v))
const optionalNumber = (v: number | string) => (v === '' ? null : Number(v))
const orNull = (v: string) => v.trim() || null

/**
 * Creates a course or class, or edits one with the revision it was read at. The kind decides the fields: a vocational
 * course names a trade and a level (and may name pass marks and an evaluation body), an education class a subject.
 * Every limit is stated under its field; the server's refusals land on the field they concern.
 */
export function CourseModal({ kind, course, onClose, onCreated }: { kind: CourseKind; course?: CourseDetail; onClose: () => void; onCreated?: (id: string) => void }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const trades = useApiQuery('trades:list', NO_INPUT)
  const settings = useCourseSettings()
  const levelLabel = useLevelLabel()
  const passMark = settings.data?.passMark ?? DEFAULT_VOCATIONAL_SETTINGS.passMark
  const initialValues: Values = {
    kind: course?.kind ?? kind,
    name: course?.name ?? '',
    tradeId: course?.tradeId ?? '',
    level: course?.level ? String(course.level) : '',
    subject: course?.subject ?? '',
    direction: course?.direction ?? '',
    partner: course?.partner ?? '',
    evaluationBody: course?.evaluationBody ?? '',
    teacher: course?.teacher ?? '',
    startDate: course?.startDate ?? today,
    endDate: course?.endDate ?? '',
    capacity: course?.capacity ?? 30,
    place: course?.place ?? '',
    plannedHours: course?.plannedHours ?? '',
    theoryPassMark: course?.theoryPassMark ?? '',
    practicalPassMark: course?.practicalPassMark ?? '',
    note: course?.note ?? '',
  }
  const fields = (v: Values) => {
    const vocational = v.kind === 'vocational'
    return {
      name: v.name.trim(),
      tradeId: vocational && v.tradeId ? v.tradeId : null,
      level: vocational && v.level ? Number(v.level) : null,
      subject: vocational ? null : orNull(v.subject),
      direction: vocational ? orNull(v.direction) : null,
      partner: orNull(v.partner),
      evaluationBody: vocational ? orNull(v.evaluationBody) : null,
      teacher: v.teacher.trim(),
      startDate: v.startDate,
      endDate: v.endDate,
      capacity: requiredNumber(v.capacity),
      place: orNull(v.place),
      plannedHours: requiredNumber(v.plannedHours),
      theoryPassMark: vocational ? optionalNumber(v.theoryPassMark) : null,
      practicalPassMark: vocational ? optionalNumber(v.practicalPassMark) : null,
      note: orNull(v.note),
    }
  }
  // The rules that depend on the kind are the server's (field errors); the same ones are checked here before sending.
  const kindRules = (v: Values): FormErrors => {
    const errors: FormErrors = {}
    if (v.kind === 'vocational') {
      if (!v.tradeId) errors.tradeId = translateFieldError('course.trade_required')
      if (!v.level) errors.level = translateFieldError('course.level_required')
    } else if (!v.subject.trim()) errors.subject = translateFieldError('course.subject_required')
    if (v.endDate && v.startDate && v.endDate < v.startDate) errors.endDate = translateFieldError('course.end_before_start')
    return errors
  }
  const create = useContractForm('courses:create', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ kind: v.kind, ...fields(v) }),
    extraValidate: kindRules,
    success: t('courses.created'),
    onSuccess: (out) => {
      onClose()
      onCreated?.(out.id)
    },
  })
  const edit = useContractForm('courses:update', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ id: course?.id ?? '', revision: course?.revision ?? 1, ...fields(v) }),
    extraValidate: kindRules,
    success: t('courses.updated'),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = course ? edit : create
  const vocational = form.values.kind === 'vocational'
  const tradeOptions = (trades.data ?? [])
    .filter((tr) => tr.active || tr.id === course?.tradeId)
    .map((tr) => ({ value: tr.id, label: tr.code ? `${tr.name}（${tr.code}）` : tr.name }))
  const subjects = settings.data?.educationSubjects ?? []
  const subjectOptions = course?.subject && !subjects.includes(course.subject) ? [course.subject, ...subjects] : subjects
  const markHint = t('courses.field.passMarkHint', { mark: passMark })

  return (
    <Modal opened onClose={onClose} title={course ? t('courses.editCourse') : t('courses.newCourse')} size="xl">
      <form onSubmit={submit} data-testid="course-form">
        <Stack gap="sm">
          {course ? (
            <Text fz="sm" c="dimmed">{t('courses.field.kind')}：{t(`courses.kinds.${course.kind}`)}</Text>
          ) : (
            <SegmentedControl aria-label={t('courses.field.kind')} data={COURSE_KINDS.map((k) => ({ value: k, label: t(`courses.kinds.${k}`) }))}
              value={form.values.kind} onChange={(v) => form.setFieldValue('kind', v as CourseKind)} />
          )}
          <TextInput label={t('courses.field.name')} labelProps={REQUIRED} description={t('courses.field.nameHint')} data-autofocus {...form.getInputProps('name')} />
          {vocational ? (
            <SimpleGrid cols={3}>
              <Select label={t('courses.field.trade')} labelProps={REQUIRED} description={t('courses.field.tradeHint')} data={tradeOptions} searchable {...form.getInputProps('tradeId')} />
              <Select label={t('courses.field.level')} labelProps={REQUIRED} description={t('courses.field.levelHint')}
                data={[...SKILL_LEVELS].reverse().map((l) => ({ value: String(l), label: levelLabel(l) }))} {...form.getInputProps('level')} />
              <TextInput label={t('courses.field.direction')} description={t('courses.field.directionHint')} {...form.getInputProps('direction')} />
            </SimpleGrid>
          ) : (
            <Select label={t('courses.field.subject')} labelProps={REQUIRED} description={t('courses.field.subjectHint')} data={subjectOptions} {...form.getInputProps('subject')} />
          )}
          <SimpleGrid cols={vocational ? 2 : 1}>
            <TextInput label={t('courses.field.partner')} description={t('courses.field.partnerHint')} {...form.getInputProps('partner')} />
            {vocational && <TextInput label={t('courses.field.evaluationBody')} description={t('courses.field.evaluationBodyHint')} {...form.getInputProps('evaluationBody')} />}
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <TextInput label={t('courses.field.teacher')} labelProps={REQUIRED} description={t('courses.field.teacherHint')} {...form.getInputProps('teacher')} />
            <DateField label={t('courses.field.startDate')} labelProps={REQUIRED} {...form.getInputProps('startDate')} />
            <DateField label={t('courses.field.endDate')} labelProps={REQUIRED} description={t('courses.field.endDateHint')} minDate={form.values.startDate || undefined} {...form.getInputProps('endDate')} />
          </SimpleGrid>
          <SimpleGrid cols={3}>
            <NumberField label={t('courses.field.capacity')} labelProps={REQUIRED} description={t('courses.field.capacityHint')} min={1} max={500} {...form.getInputProps('capacity')} />
            <NumberField label={t('courses.field.plannedHours')} labelProps={REQUIRED} description={t('courses.field.plannedHoursHint')} decimal min={0.5} max={2000} {...form.getInputProps('plannedHours')} />
            <TextInput label={t('courses.field.place')} description={t('courses.field.placeHint')} {...form.getInputProps('place')} />
          </SimpleGrid>
          {vocational && (
            <SimpleGrid cols={2}>
              <NumberField label={t('courses.field.theoryPassMark')} description={markHint} decimal min={0} max={100} {...form.getInputProps('theoryPassMark')} />
              <NumberField label={t('courses.field.practicalPassMark')} description={markHint} decimal min={0} max={100} {...form.getInputProps('practicalPassMark')} />
            </SimpleGrid>
          )}
          <TextInput label={t('courses.field.note')} description={t('courses.field.noteHint')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
