import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconLogout, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { SignedInSession } from '@shared/contract/server'
import { useApiMutation } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { formatInstant } from '../../lib/format'

/**
 * Who is signed in now, newest activity first, the administrator's own session marked. 结束会话 ends every session of
 * that staff member (his next action returns him to sign-in); 全部下线 ends everyone's but this one, after a confirm.
 */
export function SessionsCard({ sessions }: { sessions: SignedInSession[] }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState(false)
  const [ending, setEnding] = useState<string | null>(null)
  const end = useApiMutation('server:endSessions', {
    success: false,
    onSuccess: ({ ended }) => notifications.show({ color: 'teal', message: t('server.sessions.ended', { count: ended }) }),
  })
  const rows = [...sessions].sort((a, b) => Number(b.current) - Number(a.current) || b.lastSeen.localeCompare(a.lastSeen))
  const others = sessions.filter((s) => !s.current).length
  return (
    <Paper p="lg" data-testid="server-sessions">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text fw={600}>{t('server.sessions.title')}</Text>
          <Text fz="sm" c="dimmed">
            {t('server.sessions.count', { count: sessions.length })}
          </Text>
        </Group>
        <Button variant="light" color="red" leftSection={<IconLogout size={16} />} disabled={others === 0} onClick={() => setConfirming(true)} data-testid="sessions-end-all">
          {t('server.sessions.endAll')}
        </Button>
      </Group>
      {rows.length === 0 ? (
        <EmptyState title={t('server.sessions.empty')} icon={<IconUsers size={24} />} />
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table verticalSpacing="xs" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('server.sessions.staff')}</Table.Th>
                <Table.Th>{t('server.sessions.role')}</Table.Th>
                <Table.Th>{t('server.sessions.createdAt')}</Table.Th>
                <Table.Th>{t('server.sessions.lastSeen')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((s) => (
                <Table.Tr key={s.handle} data-testid="session-row" data-staff={s.displayName} data-current={s.current || undefined}>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Text fz="sm" fw={500}>
                        {s.displayName}
                      </Text>
                      {s.current && (
                        <Badge size="sm" variant="light" color="teal" data-testid="session-current">
                          {t('server.sessions.current')}
                        </Badge>
                      )}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text fz="sm">{t(`role.${s.role}`)}</Text>
                  </Table.Td>
                  <Table.Td className="tabular">
                    <Text fz="sm">{formatInstant(s.createdAt)}</Text>
                  </Table.Td>
                  <Table.Td className="tabular">
                    <Text fz="sm">{formatInstant(s.lastSeen)}</Text>
                  </Table.Td>
                  <Table.Td ta="right">
                    {!s.current && (
                      <Button
                        size="compact-sm"
                        variant="subtle"
                        color="red"
                        loading={end.isPending && ending === s.staffId}
                        onClick={() => {
                          setEnding(s.staffId)
                          end.mutate({ staffId: s.staffId })
                        }}
                        data-testid="session-end"
                      >
                        {t('server.sessions.end')}
                      </Button>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('server.sessions.confirmTitle')}>
        <Stack>
          <Text fz="sm">{t('server.sessions.confirmBody')}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={end.isPending && ending === null}
              data-testid="sessions-end-all-confirm"
              onClick={() => {
                setEnding(null)
                end.mutate({}, { onSuccess: () => setConfirming(false) })
              }}
            >
              {t('server.sessions.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
