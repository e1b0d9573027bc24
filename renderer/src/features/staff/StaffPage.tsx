import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core'
import { IconKey, IconPencil, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { StaffRow } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatInstant } from '../../lib/format'
import { ResetPasswordModal } from './ResetPasswordModal'
import { StaffFormModal } from './StaffFormModal'
import { compareWardNames } from '../../lib/wardOrder'
import { LockBadge, UnlockButton } from './SignInLock'

const ROLE_COLORS: Record<StaffRow['role'], string> = {
  admin: 'ink',
  counsellor: 'grape',
  trainer: 'teal',
  vocational: 'cyan',
  ward_officer: 'blue',
}

export function StaffPage() {
  const { t } = useTranslation()
  const staff = useApiQuery('staff:list', {})
  const [editing, setEditing] = useState<StaffRow | 'new' | null>(null)
  const [resetting, setResetting] = useState<StaffRow | null>(null)
  return (
    <>
      <PageHeader
        title={t('staff.title')}
        subtitle={t('staff.subtitle')}
        actions={
          <Button leftSection={<IconUserPlus size={16} />} onClick={() => setEditing('new')}>
            {t('staff.new')}
          </Button>
        }
      />
      {staff.isError && <ErrorAlert error={staff.error} onRetry={() => void staff.refetch()} />}
      <Paper p={0} style={{ overflow: 'hidden' }}>
        {staff.isPending && <TableSkeleton rows={5} />}
        {staff.data && staff.data.length === 0 && <EmptyState title={t('staff.empty')} />}
        {staff.data && staff.data.length > 0 && (
          <Table.ScrollContainer minWidth={860}>
            <Table highlightOnHover data-testid="staff-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('staff.displayName')}</Table.Th>
                  <Table.Th>{t('staff.username')}</Table.Th>
                  <Table.Th>{t('staff.role')}</Table.Th>
                  <Table.Th>{t('staff.wards')}</Table.Th>
                  <Table.Th>{t('staff.active')}</Table.Th>
                  <Table.Th>{t('staff.lastLogin')}</Table.Th>
                  <Table.Th w={280} />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {staff.data.map((row) => (
                  <Table.Tr key={row.id} c={row.active ? undefined : 'dimmed'}>
                    <Table.Td fw={500}>{row.displayName}</Table.Td>
                    <Table.Td ff="monospace" fz="xs">
                      {row.username}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={ROLE_COLORS[row.role]}>
                        {t(`role.${row.role}`)}
                      </Badge>
                    </Table.Td>
                    <Table.Td>{row.wards.length > 0 ? [...row.wards].sort((a, b) => compareWardNames(a.name, b.name)).map((w) => w.name).join('、') : <Text span c="dimmed" fz="sm">{t('staff.noWards')}</Text>}</Table.Td>
                    <Table.Td>
                      {row.lockedUntil ? (
                        <LockBadge lockedUntil={row.lockedUntil} />
                      ) : (
                        <Badge variant="dot" color={row.active ? 'teal' : 'gray'}>
                          {row.active ? t('common.active') : t('common.inactive')}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text fz="xs" c="dimmed" className="tabular">
                        {row.lastLoginAt ? formatInstant(row.lastLoginAt) : t('staff.never')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        {row.lockedUntil && <UnlockButton staff={row} />}
                        <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(row)}>
                          {t('common.edit')}
                        </Button>
                        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconKey size={12} />} onClick={() => setResetting(row)}>
                          {t('staff.resetPassword')}
                        </Button>
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Paper>
      {editing && <StaffFormModal staff={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      {resetting && <ResetPasswordModal staff={resetting} onClose={() => setResetting(null)} />}
    </>
  )
}
