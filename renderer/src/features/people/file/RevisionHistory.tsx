import { Badge, Group, Paper, Skeleton, Stack, Table, Text, Timeline } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PersonRevisionRow } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { RecordedBy } from '../../../components/RecordedBy'
import { isTextKey } from '../../../i18n'

function Change({ row }: { row: PersonRevisionRow }) {
  const { t } = useTranslation()
  const show = (field: string, value: string | null) => {
    if (value == null || value === '') return '—'
    const sexKey = `sex.${value}`
    return field === 'sex' && isTextKey(sexKey) ? t(sexKey) : value
  }
  return (
    <Table withRowBorders={false} verticalSpacing={2} fz="xs" mt={4}>
      <Table.Tbody>
        {row.changes.map((c) => (
          <Table.Tr key={c.field}>
            <Table.Td w={120} c="dimmed">
              {t(`field.${c.field}`)}
            </Table.Td>
            <Table.Td>
              <Text span fz="xs" td="line-through" c="dimmed">
                {show(c.field, c.before)}
              </Text>
              <Text span fz="xs" mx={6} c="dimmed">
                →
              </Text>
              <Text span fz="xs" fw={500}>
                {show(c.field, c.after)}
              </Text>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The file's identity revisions, newest first (people:history). */
export function RevisionHistory({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const history = useApiQuery('people:history', { id: personId })
  return (
    <Paper p="lg">
      <Group gap={6} mb="md">
        <IconHistory size={18} stroke={1.5} />
        <Text fw={600}>{t('history.title')}</Text>
      </Group>
      {history.isPending && <Skeleton h={80} />}
      {history.isError && <ErrorAlert error={history.error} />}
      {history.data && history.data.length === 0 && <EmptyState title={t('history.empty')} />}
      {history.data && history.data.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2} active={0}>
          {[...history.data]
            .sort((a, b) => b.revision - a.revision)
            .map((row) => (
              <Timeline.Item
                key={row.revision}
                title={
                  <Group gap="xs">
                    <Badge size="sm" variant="light" color="gray">
                      {t('history.revision', { revision: row.revision })}
                    </Badge>
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
                  {row.changes.length > 0 && <Change row={row} />}
                </Stack>
              </Timeline.Item>
            ))}
        </Timeline>
      )}
    </Paper>
  )
}
