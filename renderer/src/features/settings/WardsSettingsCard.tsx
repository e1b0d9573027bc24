import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import { IconPencil, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { WardSummary } from '@shared/contract'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TableSkeleton } from '../../components/TableSkeleton'
import { useWards } from '../wards/useWards'
import { WardFormModal } from './WardFormModal'

export function WardsSettingsCard() {
  const { t } = useTranslation()
  const wards = useWards()
  const [editing, setEditing] = useState<WardSummary | 'new' | null>(null)
  return (
    <Paper p="lg">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('settings.wards')}</Text>
        <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
          {t('settings.addWard')}
        </Button>
      </Group>
      {wards.isPending && <TableSkeleton rows={3} />}
      {wards.isError && <ErrorAlert error={wards.error} onRetry={() => void wards.refetch()} />}
      {wards.data && (
        <Table data-testid="wards-settings">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('settings.wardName')}</Table.Th>
              <Table.Th ta="right">{t('settings.occupancy')}</Table.Th>
              <Table.Th ta="right">{t('settings.capacity')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th>{t('settings.wardNote')}</Table.Th>
              <Table.Th w={90} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {wards.data.map((w) => (
              <Table.Tr key={w.id}>
                <Table.Td fw={500}>{w.name}</Table.Td>
                <Table.Td ta="right" className="tabular">
                  {w.occupancy}
                </Table.Td>
                <Table.Td ta="right" className="tabular">
                  {w.capacity}
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={w.active ? 'teal' : 'gray'}>
                    {w.active ? t('common.active') : t('common.inactive')}
                  </Badge>
                </Table.Td>
                <Table.Td c="dimmed">{w.note ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(w)}>
                    {t('common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <WardFormModal ward={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Paper>
  )
}
