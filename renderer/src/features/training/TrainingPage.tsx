import { Badge, Button, Checkbox, Grid, Group, Paper, Select, Stack, Tabs, Text, UnstyledButton } from '@mantine/core'
import { IconBarbell, IconEdit, IconList, IconPlayerPause, IconPlayerPlay, IconPlus, IconUsers } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { TrainingGroupRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, todayIso } from '../../lib/format'
import { useCan, useCanWriteInWard, useUser } from '../auth/UserContext'
import { useFacility } from '../shell/useFacility'
import { useWards } from '../wards/useWards'
import { GroupModal } from './GroupModal'
import { MembersPanel } from './MembersPanel'
import { RecordSession } from './RecordSession'
import { SessionList } from './SessionList'
import { IntensityBadge } from './trainingUi'

/** 运动戒毒 for trainers: a ward's training groups, their members, recording a session, the sessions recorded. */
export function TrainingPage() {
  const { t } = useTranslation()
  const can = useCan()
  const user = useUser()
  const today = useFacility().data?.today ?? todayIso()
  const wards = useWards()
  const [params, setParams] = useSearchParams()
  const activeWards = (wards.data ?? []).filter((w) => w.active)
  const wardId = params.get('ward') ?? activeWards.find((w) => user.wardIds.includes(w.id))?.id ?? activeWards[0]?.id ?? null
  const groupId = params.get('group')
  const [showInactive, setShowInactive] = useState(false)
  const [creating, setCreating] = useState(false)
  const [editing, setEditing] = useState<TrainingGroupRow | null>(null)
  const groups = useApiQuery('training:groups', { wardId: wardId ?? '', includeInactive: showInactive }, { enabled: wardId !== null })
  const group = groups.data?.find((g) => g.id === groupId) ?? null
  const canWriteIn = useCanWriteInWard()
  // Recording needs the permission and, under ward scoping (包队责任制), a ward the trainer is responsible for.
  const canRecord = can('fitness.record') && canWriteIn(wardId)
  const tab = params.get('tab') ?? (canRecord && group?.active ? 'record' : 'members')
  const setActive = useApiMutation('training:setGroupActive', { success: false })
  const go = (next: Record<string, string | null>) => {
    const p = new URLSearchParams(params)
    for (const [k, v] of Object.entries(next)) {
      if (v === null) p.delete(k)
      else p.set(k, v)
    }
    setParams(p, { replace: true })
  }

  return (
    <>
      <PageHeader
        title={t('training.title')}
        subtitle={t('training.subtitle')}
        actions={
          <Select
            aria-label={t('training.ward')}
            data={activeWards.map((w) => ({ value: w.id, label: w.name }))}
            value={wardId}
            onChange={(v) => go({ ward: v, group: null })}
            allowDeselect={false}
            w={180}
            data-testid="training-ward"
          />
        }
      />
      {wards.isError && <ErrorAlert error={wards.error} onRetry={() => void wards.refetch()} />}
      <Grid>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Paper p="md">
            <Group justify="space-between" mb="sm">
              <Text fw={600}>{t('training.groups')}</Text>
              {canRecord && wardId && (
                <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)} data-testid="new-group">
                  {t('training.newGroup')}
                </Button>
              )}
            </Group>
            <Checkbox size="xs" mb="sm" label={t('training.showInactive')} checked={showInactive} onChange={(e) => setShowInactive(e.currentTarget.checked)} />
            {groups.isError && <ErrorAlert error={groups.error} onRetry={() => void groups.refetch()} />}
            {(groups.isPending || wards.isPending) && <TableSkeleton rows={3} />}
            {groups.data && groups.data.length === 0 && <EmptyState title={t('training.noGroups')} hint={t('training.noGroupsHint')} icon={<IconBarbell size={28} />} />}
            <Stack gap={6}>
              {groups.data?.map((g) => (
                <UnstyledButton key={g.id} onClick={() => go({ group: g.id })} data-testid="group-item"
                  style={{ padding: 10, borderRadius: 6, border: '1px solid var(--mantine-color-gray-3)', background: g.id === groupId ? 'var(--mantine-color-blue-0)' : undefined, opacity: g.active ? 1 : 0.6 }}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text fw={600}>{g.name}</Text>
                    {g.active ? <IntensityBadge value={g.intensity} quiet /> : <Badge color="gray">{t('training.inactive')}</Badge>}
                  </Group>
                  <Text fz="xs" c="dimmed">
                    {t('training.trainer')}：{g.trainerName} · {t('training.memberCount', { count: g.memberCount })} · {t('training.lastSession')}：{g.lastSessionDate ? formatDate(g.lastSessionDate) : t('training.never')}
                  </Text>
                </UnstyledButton>
              ))}
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Paper p="md">
            {!group && wardId && (
              <Stack>
                <Text c="dimmed">{t('training.pickGroup')}</Text>
                <Text fw={600}>{t('training.session.list')}</Text>
                <SessionList key={wardId} wardId={wardId} today={today} canRecord={canRecord} />
              </Stack>
            )}
            {group && wardId && (
              <Stack>
                <Group justify="space-between">
                  <Group gap="xs">
                    <Text fz="lg" fw={700} data-testid="group-title">{group.name}</Text>
                    <IntensityBadge value={group.intensity} quiet />
                    <Text fz="sm" c="dimmed">{t('training.trainer')}：{group.trainerName}</Text>
                  </Group>
                  {canRecord && (
                    <Group gap="xs">
                      <Button size="xs" variant="default" leftSection={<IconEdit size={14} />} onClick={() => setEditing(group)}>{t('common.edit')}</Button>
                      <Button size="xs" variant="subtle" color="gray" loading={setActive.isPending}
                        leftSection={group.active ? <IconPlayerPause size={14} /> : <IconPlayerPlay size={14} />}
                        onClick={() => setActive.mutate({ wardId, id: group.id, revision: group.revision, active: !group.active })}>
                        {group.active ? t('training.deactivate') : t('training.reactivate')}
                      </Button>
                    </Group>
                  )}
                </Group>
                <Tabs value={tab} onChange={(v) => go({ tab: v })} keepMounted={false}>
                  <Tabs.List>
                    {canRecord && group.active && <Tabs.Tab value="record" leftSection={<IconBarbell size={14} />}>{t('training.tabs.record')}</Tabs.Tab>}
                    <Tabs.Tab value="members" leftSection={<IconUsers size={14} />}>{t('training.tabs.members')}</Tabs.Tab>
                    <Tabs.Tab value="sessions" leftSection={<IconList size={14} />}>{t('training.tabs.sessions')}</Tabs.Tab>
                  </Tabs.List>
                  <Tabs.Panel value="record" pt="md">
                    {canRecord && group.active && <RecordSession key={group.id} wardId={wardId} groupId={group.id} today={today} defaultIntensity={group.intensity} />}
                  </Tabs.Panel>
                  <Tabs.Panel value="members" pt="md">
                    <MembersPanel wardId={wardId} groupId={group.id} today={today} canRecord={canRecord && group.active} />
                  </Tabs.Panel>
                  <Tabs.Panel value="sessions" pt="md">
                    <SessionList key={group.id} wardId={wardId} groupId={group.id} today={today} canRecord={canRecord} />
                  </Tabs.Panel>
                </Tabs>
              </Stack>
            )}
          </Paper>
        </Grid.Col>
      </Grid>
      {creating && wardId && <GroupModal wardId={wardId} defaultTrainerId={user.role === 'trainer' ? user.id : ''} onClose={() => setCreating(false)} onCreated={(id) => go({ group: id, tab: 'members' })} />}
      {editing && wardId && <GroupModal wardId={wardId} group={editing} defaultTrainerId="" onClose={() => setEditing(null)} />}
    </>
  )
}
