import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconArrowsExchange } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { EmptyState } from '../../../../components/EmptyState'
import { todayIso } from '../../../../lib/format'
import { useCan } from '../../../auth/UserContext'
import { useFacility } from '../../../shell/useFacility'
import { AssignWardModal } from './AssignWardModal'
import { RecordedBy } from '../../../../components/RecordedBy'

export function WardsTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const [open, modal] = useDisclosure(false)
  const writable = can('people.write') && !file.voided
  const rows = [...file.wards].sort((a, b) => b.startDate.localeCompare(a.startDate) || b.recordedAt.localeCompare(a.recordedAt))
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('wardHistory.title')}</Text>
        {writable && (
          <Button size="xs" leftSection={<IconArrowsExchange size={14} />} onClick={modal.open}>
            {t('wardHistory.assign')}
          </Button>
        )}
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('wardHistory.empty')} />
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table data-testid="ward-history">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('wardHistory.ward')}</Table.Th>
                <Table.Th>{t('wardHistory.startDate')}</Table.Th>
                <Table.Th>{t('wardHistory.endDate')}</Table.Th>
                <Table.Th>{t('field.note')}</Table.Th>
                <Table.Th>{t('periods.recordedAt')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((row) => (
                <Table.Tr key={row.id}>
                  <Table.Td>
                    <Group gap={6}>
                      <Text fz="sm" fw={500}>
                        {row.wardName}
                      </Text>
                      {!row.endDate && (
                        <Badge size="xs" variant="light" color="teal">
                          {t('common.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td className="tabular">{row.startDate}</Table.Td>
                  <Table.Td className="tabular">{row.endDate ?? '—'}</Table.Td>
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
      {open && <AssignWardModal personId={file.id} currentWardId={file.wardId} today={today} onClose={modal.close} />}
    </Paper>
  )
}
