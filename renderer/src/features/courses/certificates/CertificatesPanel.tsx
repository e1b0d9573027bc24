import { Alert, Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text } from '@mantine/core'
import { IconCertificate, IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CourseDetail, EligibilityRow } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate } from '../../../lib/format'
import { useCan } from '../../auth/UserContext'
import { RateText, shareToPercent, useCourseSettings, useLevelLabel } from '../coursesUi'
import { IssueBatchModal } from './IssueBatchModal'

/**
 * 发证: who may get a certificate from the course (passed, attendance at least the setting, not withdrawn, not yet
 * certified) and who may not and why; the chosen eligible people are issued their certificates in one batch.
 */
export function CertificatesPanel({ course }: { course: CourseDetail }) {
  const { t } = useTranslation()
  const can = useCan()
  const levelLabel = useLevelLabel()
  const settings = useCourseSettings()
  const eligible = useApiQuery('courses:eligible', { courseId: course.id })
  const [picked, setPicked] = useState<Set<string>>(new Set())
  const [issuing, setIssuing] = useState(false)
  const canIssue = can('vocational.record') && !course.voided
  const rows = eligible.data ?? []
  const yes = rows.filter((r) => r.eligible)
  const certified = rows.filter((r) => !r.eligible && r.reasons.includes('certified'))
  const no = rows.filter((r) => !r.eligible && !r.reasons.includes('certified'))
  const min = settings.data ? shareToPercent(settings.data.minAttendanceRate) : null
  const chosen = yes.filter((r) => picked.has(r.personId))
  const toggle = (personId: string, on: boolean) =>
    setPicked((p) => {
      const next = new Set(p)
      if (on) next.add(personId)
      else next.delete(personId)
      return next
    })
  const reasonText = (r: EligibilityRow) =>
    r.reasons
      .map((reason) =>
        reason === 'attendance'
          ? t('courses.certs.reasons.attendance', { rate: r.attendanceRate === null ? t('common.dash') : t('courses.rate', { rate: r.attendanceRate }), min: min === null ? '' : t('courses.rate', { rate: min }) })
          : t(`courses.certs.reasons.${reason}`),
      )
      .join('；')

  return (
    <Stack gap="sm" data-testid="certs-panel">
      <Group justify="space-between">
        <Alert variant="light" color="blue" p="xs" icon={<IconInfoCircle size={16} />} style={{ flex: 1 }}>
          <Text fz="xs">{t('courses.certs.rule', { min: min === null ? '' : t('courses.rate', { rate: min }) })} · {t('courses.certs.levelLabel', { level: levelLabel(course.level) })}</Text>
        </Alert>
        <Anchor component={Link} to={`/certificates?course=${course.id}`} fz="sm" data-testid="cert-roster-link">{t('courses.certs.roster')}</Anchor>
      </Group>
      {eligible.isError && <ErrorAlert error={eligible.error} onRetry={() => void eligible.refetch()} />}
      {eligible.isPending && <TableSkeleton rows={4} />}
      {eligible.data && (
        <>
          <Group justify="space-between">
            <Text fw={600}>{t('courses.certs.eligible')} · {t('courses.peopleCount', { count: yes.length })}</Text>
            {canIssue && yes.length > 0 && (
              <Group gap="xs">
                <Text fz="sm" c="dimmed">{t('courses.certs.selected', { count: chosen.length })}</Text>
                <Button leftSection={<IconCertificate size={16} />} disabled={chosen.length === 0} onClick={() => setIssuing(true)} data-testid="issue-batch">{t('courses.certs.issue')}</Button>
              </Group>
            )}
          </Group>
          {yes.length === 0 && certified.length > 0 ? (
            <Text fz="sm" c="dimmed">{t('courses.certs.noneEligible')}</Text>
          ) : yes.length === 0 ? (
            <EmptyState title={t('courses.certs.noneEligible')} hint={t('courses.certs.noneEligibleHint')} icon={<IconCertificate size={26} />} />
          ) : (
            <Table withTableBorder striped data-testid="eligible-table">
              <Table.Thead>
                <Table.Tr>
                  {canIssue && (
                    <Table.Th w={40}>
                      <Checkbox aria-label={t('courses.certs.pick')} checked={chosen.length === yes.length} indeterminate={chosen.length > 0 && chosen.length < yes.length}
                        onChange={(e) => setPicked(e.currentTarget.checked ? new Set(yes.map((r) => r.personId)) : new Set())} />
                    </Table.Th>
                  )}
                  <Table.Th>{t('courses.roster.person')}</Table.Th>
                  <Table.Th>{t('courses.roster.ward')}</Table.Th>
                  <Table.Th>{t('courses.exams.examDate')}</Table.Th>
                  <Table.Th>{t('courses.exams.theory')} / {t('courses.exams.practical')}</Table.Th>
                  <Table.Th>{t('courses.roster.attendance')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {yes.map((r) => (
                  <Table.Tr key={r.personId} data-testid="eligible-row" data-person={r.name}>
                    {canIssue && <Table.Td><Checkbox aria-label={`${t('courses.certs.pick')} ${r.name}`} checked={picked.has(r.personId)} onChange={(e) => toggle(r.personId, e.currentTarget.checked)} /></Table.Td>}
                    <Table.Td fw={500}>{r.name}</Table.Td>
                    <Table.Td>{r.wardName ?? t('common.dash')}</Table.Td>
                    <Table.Td className="tabular">{formatDate(r.examDate)}</Table.Td>
                    <Table.Td className="tabular">{r.theory ?? t('common.dash')} / {r.practical ?? t('common.dash')}</Table.Td>
                    <Table.Td><RateText value={r.attendanceRate} /></Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          {certified.length > 0 && (
            <>
              <Text fw={600} mt="sm">{t('courses.roster.certified')} · {t('courses.peopleCount', { count: certified.length })}</Text>
              <Group gap="xs" data-testid="certified-list">
                {certified.map((r) => <Badge key={r.personId} color="teal" variant="light" size="lg" data-testid="certified-person">{r.name}</Badge>)}
              </Group>
            </>
          )}
          {no.length > 0 && (
            <>
              <Text fw={600} mt="sm">{t('courses.certs.notEligible')} · {t('courses.peopleCount', { count: no.length })}</Text>
              <Table withTableBorder data-testid="not-eligible-table">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('courses.roster.person')}</Table.Th>
                    <Table.Th>{t('courses.roster.ward')}</Table.Th>
                    <Table.Th>{t('courses.certs.reason')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {no.map((r) => (
                    <Table.Tr key={r.personId} data-testid="not-eligible-row" data-person={r.name}>
                      <Table.Td fw={500}>{r.name}</Table.Td>
                      <Table.Td>{r.wardName ?? t('common.dash')}</Table.Td>
                      <Table.Td>
                        <Text fz="sm">{reasonText(r)}</Text>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </>
          )}
        </>
      )}
      {issuing && <IssueBatchModal course={course} people={chosen} onClose={() => setIssuing(false)} onIssued={() => setPicked(new Set())} />}
    </Stack>
  )
}
