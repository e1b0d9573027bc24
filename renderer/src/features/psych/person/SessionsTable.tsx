import { Badge, Table, Text } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'

/** Counselling records of one person (psych.notes); opening one is an audited read of the note. */
export function SessionsTable({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const sessions = useApiQuery('psych:sessions', { personId })
  if (sessions.isError) return <ErrorAlert error={sessions.error} onRetry={() => void sessions.refetch()} />
  if (sessions.isPending) return <TableSkeleton rows={2} />
  if (sessions.data.length === 0) return <EmptyState title={t('psych.session.empty')} />
  const open = (id: string) => void navigate(`/psych/sessions/${id}?from=${personId}`)
  return (
    <Table.ScrollContainer minWidth={680}>
      <Table highlightOnHover data-testid="session-list">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('psych.session.date')}</Table.Th>
            <Table.Th>{t('psych.session.kind')}</Table.Th>
            <Table.Th>{t('psych.session.topic')}</Table.Th>
            <Table.Th ta="right">{t('psych.session.duration')}</Table.Th>
            <Table.Th>{t('psych.session.counsellor')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.data.map((s) => (
            <Table.Tr
              key={s.id}
              className="clickable-row"
              tabIndex={0}
              onClick={() => open(s.id)}
              onKeyDown={(e) => e.key === 'Enter' && open(s.id)}
              c={s.voided ? 'dimmed' : undefined}
              data-testid="session-row"
              data-voided={s.voided ? true : undefined}
            >
              <Table.Td className="tabular" td={s.voided ? 'line-through' : undefined}>
                {s.date}
              </Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" color={s.kind === 'group' ? 'grape' : 'ink'}>
                  {s.kind === 'group' ? t('psych.session.groupOf', { count: s.participants.length }) : t('psych.session.kinds.individual')}
                </Badge>
              </Table.Td>
              <Table.Td fw={500}>
                <Text span fz="sm" fw={500} td={s.voided ? 'line-through' : undefined}>
                  {s.topic}
                </Text>
                {s.voided && (
                  <Text fz="xs" c="red.8" data-testid="session-void-reason">
                    {t('psych.sessionRecord.voided')}：{s.voided.reason}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" className="tabular">
                {t('psych.session.minutesValue', { count: s.durationMinutes })}
              </Table.Td>
              <Table.Td>{s.counsellor}</Table.Td>
              <Table.Td>
                {s.voided && (
                  <Badge size="sm" color="red" variant="light">
                    {t('psych.sessionRecord.voided')}
                  </Badge>
                )}
                {s.riskObserved && !s.voided && (
                  <Badge size="sm" color="red" variant="light" leftSection={<IconAlertTriangle size={12} />}>
                    {t('psych.session.riskFlag')}
                  </Badge>
                )}
                {!s.riskObserved && !s.voided && (
                  <Text fz="sm" c="dimmed">
                    {' '}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
