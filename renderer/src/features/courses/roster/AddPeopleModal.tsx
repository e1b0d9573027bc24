import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CourseDetail } from '@shared/contract'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { REQUIRED } from '../../../components/required'
import { useErrorText } from '../../../i18n/errorText'
import { translateFieldError } from '../../../i18n/errorText'
import { isApiCallError } from '../../../api/errors'
import { formatDate, todayIso } from '../../../lib/format'
import { PeoplePicker, type PickedPerson } from '../../psych/PersonPicker'
import { useFacility } from '../../shell/useFacility'

/**
 * Adds several people at once. Within the free places they are enrolled; beyond them the dialog says so and offers the
 * waiting list (everyone, or the first ones enrolled and the rest waiting). Nothing is clamped or dropped silently.
 */
export function AddPeopleModal({ course, onClose }: { course: CourseDetail; onClose: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const today = useFacility().data?.today ?? todayIso()
  const [people, setPeople] = useState<PickedPerson[]>([])
  const [date, setDate] = useState(today)
  const [error, setError] = useState<string | null>(null)
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({})
  const enrol = useApiMutation('courses:enrol', { success: false, notifyError: false })
  const free = Math.max(0, course.capacity - course.enrolled)
  const over = people.length > free

  async function add(split: 'enrol' | 'waiting' | 'both') {
    setError(null)
    setFieldErrors({})
    if (people.length === 0) {
      setFieldErrors({ personIds: translateFieldError('v.required') })
      return
    }
    const ids = people.map((p) => p.id)
    const placed = split === 'both' ? ids.slice(0, free) : split === 'enrol' ? ids : []
    const waiting = split === 'both' ? ids.slice(free) : split === 'waiting' ? ids : []
    try {
      if (placed.length > 0) await enrol.mutateAsync({ courseId: course.id, personIds: placed, date, waiting: false })
      if (waiting.length > 0) await enrol.mutateAsync({ courseId: course.id, personIds: waiting, date, waiting: true })
      onClose()
    } catch (e) {
      if (isApiCallError(e) && e.fields) setFieldErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k.split('.')[0]!, translateFieldError(v)])))
      setError(errorText(e))
    }
  }

  return (
    <Modal opened onClose={onClose} title={t('courses.roster.addTitle')} size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">{course.name} · {t('courses.roster.capacityLeft', { count: free })}</Text>
        <PeoplePicker label={t('courses.roster.people')} value={people} onChange={setPeople} error={fieldErrors.personIds} />
        <Text fz="xs" c="dimmed" mt={-12}>{t('courses.roster.peopleHint')}</Text>
        <DateField label={t('courses.roster.appliedOn')} labelProps={REQUIRED} description={t('courses.roster.appliedOnHint', { end: formatDate(course.endDate) })} value={date} onChange={setDate} error={fieldErrors.date} />
        {over && <Alert color="yellow" data-testid="over-capacity">{t('courses.roster.overCapacity', { picked: people.length, left: free })}</Alert>}
        {error && <Alert color="red" data-testid="enrol-error">{error}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          {over ? (
            <>
              <Button variant="light" loading={enrol.isPending} onClick={() => void add('waiting')}>{t('courses.roster.toWaiting')}</Button>
              {free > 0 && <Button loading={enrol.isPending} onClick={() => void add('both')} data-testid="enrol-split">{t('courses.roster.enrolSplit', { count: free })}</Button>}
            </>
          ) : (
            <Button loading={enrol.isPending} onClick={() => void add('enrol')} data-testid="enrol-save">{t('courses.roster.enrolAll', { count: people.length })}</Button>
          )}
        </Group>
      </Stack>
    </Modal>
  )
}
