import { Badge, Button, Table, Text, Tooltip } from '@mantine/core'
import { IconRestore } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { BackupEntry } from '@shared/contract'
import { EmptyState } from '../../components/EmptyState'
import { formatInstant } from '../../lib/format'

const CHECKSUM_COLOR = { ok: 'teal', mismatch: 'red', no_manifest: 'gray' } as const

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/** Newest first; a backup whose checksum does not match (or without a manifest) cannot be restored. */
export function BackupHistory({ entries, onRestore }: { entries: BackupEntry[]; onRestore: (entry: BackupEntry) => void }) {
  const { t } = useTranslation()
  if (entries.length === 0) return <EmptyState title={t('backups.empty')} hint={t('backups.emptyHint')} />
  return (
    <Table.ScrollContainer minWidth={820}>
      <Table striped highlightOnHover data-testid="backup-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('backups.columns.createdAt')}</Table.Th>
            <Table.Th>{t('backups.columns.name')}</Table.Th>
            <Table.Th>{t('backups.columns.size')}</Table.Th>
            <Table.Th>{t('backups.columns.rows')}</Table.Th>
            <Table.Th>{t('backups.columns.encrypted')}</Table.Th>
            <Table.Th>{t('backups.columns.checksum')}</Table.Th>
            <Table.Th>{t('backups.columns.trigger')}</Table.Th>
            <Table.Th>{t('backups.columns.version')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.file} data-testid="backup-row">
              <Table.Td>{formatInstant(entry.createdAt)}</Table.Td>
              <Table.Td>
                <Tooltip label={entry.file}>
                  <Text fz="sm" ff="monospace">
                    {entry.name}
                  </Text>
                </Tooltip>
              </Table.Td>
              <Table.Td>{formatBytes(entry.bytes)}</Table.Td>
              <Table.Td>{entry.totalRows ?? '—'}</Table.Td>
              <Table.Td>{entry.encrypted ? t('backups.yes') : t('backups.no')}</Table.Td>
              <Table.Td>
                <Badge color={CHECKSUM_COLOR[entry.checksum]} variant="light">
                  {t(`backups.checksum.${entry.checksum}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{t(`backups.trigger.${entry.trigger ?? 'unknown'}`)}</Table.Td>
              <Table.Td>{entry.appVersion ? `${entry.appVersion} / ${entry.schemaVersion}` : '—'}</Table.Td>
              <Table.Td>
                <Button size="xs" variant="subtle" leftSection={<IconRestore size={14} />} disabled={entry.checksum !== 'ok'} onClick={() => onRestore(entry)}>
                  {t('backups.restore')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}
