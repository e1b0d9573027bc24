import { Alert, Anchor, Button, Group, Modal, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconCertificate, IconCircleCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CourseDetail, EligibilityRow } from '@shared/contract'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { REQUIRED } from '../../../components/required'
import { translateFieldError, useErrorText } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { useLevelLabel } from '../coursesUi'
import { numberProblem } from './certificateRows'

/**
 * 批量发证: issue date, evaluation body (the course's by default), one number per chosen person checked as it is typed
 * (format, year against the issue date, level against the course's). Nothing is sent while any row is wrong; the
 * server's refusals (a number already recorded) come back to the row's field, and nothing is issued then either.
 */
export function IssueBatchModal({ course, people, onClose, onIssued }: { course: CourseDetail; people: EligibilityRow[]; onClose: () => void; onIssued: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const levelLabel = useLevelLabel()
  const today = useFacility().data?.today ?? todayIso()
  const [issuedOn, setIssuedOn] = useState(today)
  const [evaluationBody, setEvaluationBody] = useState(course.evaluationBody ?? '')
  const [numbers, setNumbers] = useState<Record<string, string>>({})
  const [tried, setTried] = useState(false)
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({})
  const [refusal, setRefusal] = useState<string | null>(null)
  const [issued, setIssued] = useState<number | null>(null)
  const issue = useApiMutation('certificates:issueBatch', { success: false, notifyError: false })
  const numberOf = (personId: string) => numbers[personId] ?? ''
  const problemOf = (personId: string) => {
    const others = people.filter((p) => p.personId !== personId).map((p) => numberOf(p.personId))
    const key = numberProblem(numberOf(personId), { issuedOn, level: course.level, required: tried, others })
    return key ? translateFieldError(key) : null
  }
  const rowMessage = (i: number, personId: string) => problemOf(personId) ?? serverErrors[`rows.${i}.number`] ?? serverErrors[`rows.${i}`] ?? null
  const bad = people.filter((p, i) => rowMessage(i, p.personId) !== null || numberOf(p.personId).trim() === '').length
  const headErrors = {
    issuedOn: serverErrors.issuedOn ?? (tried && !/^\d{4}-\d{2}-\d{2}$/.test(issuedOn) ? translateFieldError('v.date') : undefined),
    evaluationBody: serverErrors.evaluationBody ?? (tried && evaluationBody.trim() === '' ? translateFieldError('v.required') : undefined),
  }

  function submit() {
    setTried(true)
    setRefusal(null)
    const allTyped = people.every((p) => numberOf(p.personId).trim() !== '')
    const anyBad = people.some((p) => numberProblem(numberOf(p.personId), { issuedOn, level: course.level, required: true, others: people.filter((o) => o.personId !== p.personId).map((o) => numberOf(o.personId)) }) !== null)
    if (!allTyped || anyBad || headErrors.issuedOn || evaluationBody.trim() === '') return
    issue.mutate(
      {
        courseId: course.id,
        issuedOn,
        evaluationBody: evaluationBody.trim(),
        rows: people.map((p) => ({ personId: p.personId, number: numberOf(p.personId).trim() })),
      },
      {
        onSuccess: () => {
          setIssued(people.length)
          onIssued()
        },
        onError: (e) => {
          if (isApiCallError(e) && e.fields) setServerErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translateFieldError(v)])))
          else setRefusal(errorText(e))
        },
      },
    )
  }

  return (
    <Modal opened onClose={onClose} title={t('courses.certs.issueTitle')} size="xl">
      {issued !== null ? (
        <Stack align="center" py="lg" data-testid="issued">
          <IconCircleCheck size={40} color="var(--mantine-color-teal-6)" />
          <Text fw={600}>{t('courses.certs.issued', { count: issued })}</Text>
          <Anchor component={Link} to={`/certificates?course=${course.id}`} data-testid="issued-roster-link">{t('courses.certs.roster')}</Anchor>
          <Button variant="default" onClick={onClose}>{t('common.close')}</Button>
        </Stack>
      ) : (
        <Stack data-testid="issue-form">
          <Text fz="sm" c="dimmed">
            {course.name} · {course.tradeName}{course.direction ? `（${course.direction}）` : ''} · {levelLabel(course.level)}
          </Text>
          <SimpleGrid cols={2}>
            <DateField label={t('courses.certs.issuedOn')} labelProps={REQUIRED} maxDate={today} value={issuedOn}
              onChange={(v) => { setIssuedOn(v); setServerErrors({}) }} error={headErrors.issuedOn} />
            <TextInput label={t('courses.certs.evaluationBody')} labelProps={REQUIRED} description={t('courses.certs.evaluationBodyHint')} value={evaluationBody}
              onChange={(e) => { setEvaluationBody(e.currentTarget.value); setServerErrors({}) }} error={headErrors.evaluationBody} />
          </SimpleGrid>
          <Text fz="xs" c="dimmed">{t('courses.certs.numberHint')}</Text>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={160}>{t('courses.roster.person')}</Table.Th>
                <Table.Th>{t('courses.certs.number')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {people.map((p, i) => {
                const message = rowMessage(i, p.personId)
                return (
                  <Table.Tr key={p.personId} data-testid="issue-row" data-person={p.name}>
                    <Table.Td fw={500}>{p.name}</Table.Td>
                    <Table.Td>
                      <TextInput aria-label={`${p.name} ${t('courses.certs.number')}`} className="tabular" autoComplete="off" spellCheck={false} data-autofocus={i === 0 || undefined}
                        value={numberOf(p.personId)} error={message} data-testid="cert-number"
                        onChange={(e) => {
                          const value = e.currentTarget.value
                          setNumbers((n) => ({ ...n, [p.personId]: value }))
                          setServerErrors((s) => Object.fromEntries(Object.entries(s).filter(([k]) => !k.startsWith(`rows.${i}`))))
                        }}
                        onKeyDown={(e) => {
                          if (e.key === 'Enter') {
                            e.preventDefault()
                            submit()
                          }
                        }} />
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
          {tried && bad > 0 && <Alert color="red" data-testid="issue-blocked">{t('courses.certs.fixRows', { count: bad })}</Alert>}
          {refusal && <Alert color="red" data-testid="issue-refused">{refusal}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button leftSection={<IconCertificate size={16} />} loading={issue.isPending} onClick={submit} data-testid="issue-save">
              {t('courses.certs.issueCount', { count: people.length })}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  )
}
