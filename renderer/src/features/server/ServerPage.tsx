import { ActionIcon, Alert, Anchor, Badge, Code, CopyButton, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Tooltip } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCopy } from '@tabler/icons-react'
import dayjs from 'dayjs'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ServerHealth } from '@shared/contract/server'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { formatInstant } from '../../lib/format'
import { SessionLimitsCard } from './SessionLimitsCard'
import { SessionsCard } from './SessionsCard'

/** While the screen is open, the health and the sessions are asked again this often. */
const SERVER_REFRESH_MS = 15_000
/** A last backup older than this is flagged (a daily backup that missed a day and a half). */
const BACKUP_STALE_HOURS = 36

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`
}

/**
 * The administrator's view of the server: how it is served (address and certificate fingerprint on a facility server),
 * database and WAL size, the last backup, live windows, who is signed in (ending sessions) and the session limits.
 */
export function ServerPage() {
  const { t } = useTranslation()
  const health = useApiQuery('server:health', {}, { refetchInterval: SERVER_REFRESH_MS })
  return (
    <>
      <PageHeader
        title={t('server.title')}
        subtitle={t('server.subtitle')}
        actions={
          health.data && (
            <Text fz="xs" c="dimmed" data-testid="server-refreshed">
              {t('server.refreshed', { time: dayjs(health.dataUpdatedAt).format('HH:mm:ss') })}
            </Text>
          )
        }
      />
      {health.isError && <ErrorAlert error={health.error} onRetry={() => void health.refetch()} />}
      {health.isPending ? (
        <Stack gap="md">
          <Skeleton h={120} />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Skeleton h={140} />
            <Skeleton h={140} />
            <Skeleton h={140} />
          </SimpleGrid>
          <Skeleton h={200} />
        </Stack>
      ) : (
        health.data && (
          <Stack gap="md">
            <ModeCard health={health.data} />
            <SimpleGrid cols={{ base: 1, md: 3 }}>
              <DatabaseCard health={health.data} />
              <BackupCard health={health.data} />
              <ClientsCard health={health.data} />
            </SimpleGrid>
            <SessionsCard sessions={health.data.sessions} />
            <SessionLimitsCard />
          </Stack>
        )
      )}
    </>
  )
}

function ModeCard({ health }: { health: ServerHealth }) {
  const { t } = useTranslation()
  const facility = health.mode === 'facility'
  return (
    <Paper p="lg" data-testid="server-mode">
      <Group gap="sm" mb={6}>
        <Text fw={600}>{t('server.mode.label')}</Text>
        <Badge color={facility ? 'teal' : 'gray'} variant="light" size="lg" data-testid="server-mode-badge">
          {facility ? t('server.mode.facility') : t('server.mode.embedded')}
        </Badge>
      </Group>
      <Text fz="sm" c="dimmed">
        {facility ? t('server.mode.facilityHint') : t('server.mode.embeddedHint')}
      </Text>
      {health.tls && (
        <Stack gap="xs" mt="md">
          <Copyable label={t('server.address')} value={`https://${health.tls.listen}`} testId="server-address" />
          <Copyable label={t('server.fingerprint')} value={health.tls.fingerprint} testId="server-fingerprint" />
          <Text fz="xs" c="dimmed">
            {t('server.fingerprintHint')} {t('server.certValidUntil', { date: formatInstant(health.tls.notAfter) })}
          </Text>
        </Stack>
      )}
      <Text fz="xs" c="dimmed" mt="sm">
        {t('server.version', { app: health.appVersion, schema: health.schemaVersion, started: formatInstant(health.startedAt) })}
      </Text>
    </Paper>
  )
}

/** A value an administrator reads out or pastes elsewhere (a fingerprint to compare on a workstation): monospace, copy. */
function Copyable({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation()
  return (
    <div>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Group gap={6} wrap="nowrap" align="center">
        <Code fz="sm" style={{ wordBreak: 'break-all' }} data-testid={testId}>
          {value}
        </Code>
        <CopyButton value={value} timeout={1500}>
          {({ copied, copy }) => (
            <Tooltip label={copied ? t('server.copied') : t('server.copy')} withArrow>
              <ActionIcon variant="subtle" color={copied ? 'teal' : 'gray'} onClick={copy} aria-label={t('server.copy')}>
                {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
              </ActionIcon>
            </Tooltip>
          )}
        </CopyButton>
      </Group>
    </div>
  )
}

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Group justify="space-between" gap="xs" wrap="nowrap">
      <Text fz="sm" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={500} ta="right" className="tabular" data-testid={testId}>
        {children}
      </Text>
    </Group>
  )
}

function DatabaseCard({ health }: { health: ServerHealth }) {
  const { t } = useTranslation()
  const db = health.database
  return (
    <Paper p="lg">
      <Text fw={600} mb="sm">
        {t('server.database.title')}
      </Text>
      <Stack gap={6}>
        <Fact label={t('server.database.size')} testId="server-db-size">
          {formatBytes(db.bytes)}
        </Fact>
        <Fact label={t('server.database.wal')} testId="server-wal-size">
          {formatBytes(db.walBytes)}
        </Fact>
        <Fact label={t('server.database.journal')}>{db.journalMode.toUpperCase()}</Fact>
        <Text fz="xs" c="dimmed" style={{ wordBreak: 'break-all' }} title={db.file}>
          {t('server.database.file')}：{db.file}
        </Text>
      </Stack>
    </Paper>
  )
}

function BackupCard({ health }: { health: ServerHealth }) {
  const { t } = useTranslation()
  const last = health.lastBackup
  const at = last?.createdAt ? dayjs(last.createdAt) : null
  const stale = !at || dayjs().diff(at, 'hour', true) > BACKUP_STALE_HOURS
  return (
    <Paper p="lg" data-testid="server-backup">
      <Text fw={600} mb="sm">
        {t('server.backup.title')}
      </Text>
      <Stack gap={6}>
        <Fact label={t('server.backup.last')}>{last ? `${formatInstant(last.createdAt)} · ${formatBytes(last.bytes)}` : t('server.backup.none')}</Fact>
        <Fact label={t('server.backup.daily')}>
          <Badge size="sm" variant="light" color={health.dailyBackups ? 'teal' : 'orange'}>
            {health.dailyBackups ? t('server.backup.on') : t('server.backup.off')}
          </Badge>
        </Fact>
        {stale && (
          <Alert color="orange" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="server-backup-warning">
            <Text fz="xs">{last && at ? t('server.backup.oldWarn', { time: formatInstant(last.createdAt) }) : t('server.backup.noneWarn')}</Text>
          </Alert>
        )}
        <Anchor component={Link} to="/backup" fz="sm">
          {t('server.backup.open')}
        </Anchor>
      </Stack>
    </Paper>
  )
}

function ClientsCard({ health }: { health: ServerHealth }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="sm">
        {t('server.clients.title')}
      </Text>
      <Text fz={28} fw={700} className="tabular" data-testid="server-live-clients">
        {health.liveClients === null ? t('server.clients.unknown') : health.liveClients}
      </Text>
      <Text fz="xs" c="dimmed">
        {health.liveClients === null ? t('server.clients.unknownHint') : t('server.clients.hint')}
      </Text>
    </Paper>
  )
}
