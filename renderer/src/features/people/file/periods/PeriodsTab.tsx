import { Badge, Button, Group, Paper, Table, Text, Tooltip } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArrowForwardUp, IconPencilExclamation } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { PERIODS } from '@shared/domain/periods'
import { EmptyState } from '../../../../components/EmptyState'
import { PeriodBadge } from '../../../../components/PeriodBadge'
import { todayIso } from '../../../../lib/format'
import { useCan } from '../../../auth/UserContext'
import { useFacility } from '../../../shell/useFacility'
import { MovePeriodModal } from './MovePeriodModal'
import { RecordedBy } from '../../../../components/RecordedBy'

export function PeriodsTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const writable = can('people.write') && !file.voided
  const [advanceOpen, advance] = useDisclosure(false)
  const [correctOpen, correct] = useDisclosure(false)
  const rows = [...file.periods].sort((a, b) => (a.effectiveDate === b.effectiveDate ? b.recordedAt.localeCompare(a.recordedAt) : b.effectiveDate.localeCompare(a.effectiveDate)))
  const noNext = file.nextPeriods.length === 0
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Text fw={600}>{t('periods.history')}</Text>
          <PeriodBadge period={file.period} />
          {file.periodSince && (
            <Text fz="xs" c="dimmed">
              {t('file.since', { date: file.periodSince })}
            </Text>
          )}
        </Group>
        {writable && (
          <Group gap="xs">
            <Tooltip label={t('periods.noNext')} disabled={!noNext}>
              <Button size="xs" leftSection={<IconArrowForwardUp size={14} />} onClick={advance.open} disabled={noNext}>
                {t('periods.advance')}
              </Button>
            </Tooltip>
            <Button size="xs" variant="default" leftSection={<IconPencilExclamation size={14} />} onClick={correct.open}>
              {t('periods.correct')}
            </Button>
          </Group>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('periods.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table data-testid="period-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('periods.effectiveDate')}</Table.Th>
                <Table.Th>{t('periods.from')}</Table.Th>
                <Table.Th>{t('periods.to')}</Table.Th>
                <Table.Th>{t('field.note')}</Table.Th>
                <Table.Th>{t('periods.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id} bg={row.correction ? 'orange.0' : undefined}>
                  <Table.Td className="tabular">{row.effectiveDate}</Table.Td>
                  <Table.Td>{row.fromPeriod ? t(`period.${row.fromPeriod}`) : '—'}</Table.Td>
                  <Table.Td>
                    <Group gap={6}>
                      <PeriodBadge period={row.toPeriod} />
                      {row.correction && (
                        <Badge color="orange" variant="outline" size="sm">
                          {t('periods.correction')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>{row.note ?? '—'}</Table.Td>
                  <Table.Td>
                    <RecordedBy at={row.recordedAt} by={row.recordedBy} />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {advanceOpen && <MovePeriodModal personId={file.id} seen={{ period: file.period, since: file.periodSince }} mode="advance" choices={file.nextPeriods} today={today} opened onClose={advance.close} />}
      {correctOpen && <MovePeriodModal personId={file.id} seen={{ period: file.period, since: file.periodSince }} mode="correct" choices={[...PERIODS]} today={today} opened onClose={correct.close} />}
    </Paper>
  )
}
