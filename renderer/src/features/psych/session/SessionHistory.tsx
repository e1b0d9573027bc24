import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Timeline } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { SessionRevisionRow } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { RecordedBy } from '../../../components/RecordedBy'

/** What an edit changed, before → after (revision 1, the record as first written, is not listed field by field). */
function Changes({ row }: { row: SessionRevisionRow }) {
  const { t } = useTranslation()
  const show = (v: string | null) => (v === null || v === '' ? t('psych.sessionRecord.empty') : v)
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="xs" mt={4}>
      <Table.Tbody>
        {row.changes.map((c) => (
          <Table.Tr key={c.field} data-testid="session-revision-change" data-field={c.field}>
            <Table.Td w={120} c="dimmed" style={{ verticalAlign: 'top' }}>
              {t(`psych.sessionRecord.fields.${c.field}`)}
            </Table.Td>
            <Table.Td className="psych-note">
              <Text span fz="xs" td="line-through" c="dimmed">
                {show(c.before)}
              </Text>
              <Text span fz="xs" mx={6} c="dimmed">
                →
              </Text>
              <Text span fz="xs" fw={500}>
                {show(c.after)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** A counselling record's revisions, newest first, each with who changed it, when and what (psych:sessionHistory). */
export function SessionHistory({ sessionId }: { sessionId: string }) {
  const { t } = useTranslation()
  const history = useApiQuery('psych:sessionHistory', { id: sessionId })
  return (
    <Paper p="lg" data-testid="session-history">
      <Group gap={6} mb="md">
        <IconHistory size={18} stroke={1.5} />
        <Text fw={600}>{t('psych.sessionRecord.history')}</Text>
      </Group>
      {history.isPending && <Skeleton h={80} />}
      {history.isError && <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />}
      {history.data && history.data.length === 0 && <EmptyState title={t('psych.sessionRecord.historyEmpty')} />}
      {history.data && history.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {history.data.map((row) => (
            <Timeline.Item
              key={row.revision}
              data-testid="session-revision"
              title={
                <Group gap="xs">
                  <Badge size="sm" variant="light" color="gray">
                    {t('psych.sessionRecord.revision', { n: row.revision })}
                  </Badge>
                  {row.revision === 1 && (
                    <Text fz="xs" c="dimmed">
                      {t('psych.sessionRecord.firstRevision')}
                    </Text>
                  )}
                  <RecordedBy at={row.changedAt} by={row.changedBy} />
                </Group>
              }
            >
              <Stack gap={2}>
                {row.changeNote && (
                  <Text fz="sm" mt={4}>
                    {row.changeNote}
                  </Text>
                )}
                {row.revision > 1 && <Changes row={row} />}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Paper>
  )
}
