import { Badge, Button, Chip, Group, Paper, Stack, Switch, Text, TextInput, ThemeIcon } from '@mantine/core'
import { IconCalendarCheck, IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { DUE_CENTRES, type DueCentre, type DueItem, type WardDueWork } from '@shared/contract'
import { EmptyState } from '../../../components/EmptyState'
import { CENTRE_COLORS, CENTRE_ICONS, useRuleLabel } from '../dueUi'
import { DueTable } from './DueTable'

/** Rows shown per centre before "show all": a long list is read from its most urgent end. */
const FIRST_ROWS = 10

const STATUS_ORDER = { overdue: 0, due: 1, done: 2, exempt: 3 } as const

/** Most urgent first: overdue by how late, then due by date, then today's done work. */
export function byUrgency(a: DueItem, b: DueItem): number {
  return STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || a.dueOn.localeCompare(b.dueOn) || a.personName.localeCompare(b.personName, 'zh-CN')
}

/** The day's work grouped by centre (心理, 康复训练, 诊断评估, 大队管理, 出所准备), each with its counts. */
export function DueGroups({ data, readOnly }: { data: WardDueWork; readOnly: boolean }) {
  const { t } = useTranslation()
  const [q, setQ] = useState('')
  const [showDone, setShowDone] = useState(false)
  const query = q.trim()
  const shown = data.items.filter(
    (i) => (showDone || i.status === 'due' || i.status === 'overdue') && (!query || i.personName.includes(query) || i.idTail.includes(query)),
  )
  const openCount = data.items.filter((i) => i.status === 'due' || i.status === 'overdue').length
  const doneCount = data.items.length - openCount
  return (
    <Stack gap="md" data-testid="due-groups">
      <Group justify="space-between">
        <TextInput
          size="xs"
          w={220}
          leftSection={<IconSearch size={14} />}
          placeholder={t('duework.day.searchName')}
          aria-label={t('duework.day.searchName')}
          value={q}
          onChange={(e) => setQ(e.currentTarget.value)}
        />
        {doneCount > 0 && <Switch size="xs" label={`${t('duework.day.showDone')}（${doneCount}）`} checked={showDone} onChange={(e) => setShowDone(e.currentTarget.checked)} />}
      </Group>
      {openCount === 0 && !showDone ? (
        <Paper>
          <EmptyState
            icon={<IconCalendarCheck size={24} />}
            title={!readOnly ? t('duework.day.empty') : t('duework.day.emptyDay', { date: data.today })}
            hint={t('duework.day.emptyHint')}
          />
        </Paper>
      ) : shown.length === 0 ? (
        <Paper>
          <EmptyState icon={<IconSearch size={24} />} title={t('duework.day.noMatch')} />
        </Paper>
      ) : (
        DUE_CENTRES.map((centre) => {
          const items = shown.filter((i) => i.centre === centre)
          return items.length > 0 ? <CentreGroup key={centre} centre={centre} items={items} data={data} readOnly={readOnly} /> : null
        })
      )}
    </Stack>
  )
}

function CentreGroup({ centre, items, data, readOnly }: { centre: DueCentre; items: DueItem[]; data: WardDueWork; readOnly: boolean }) {
  const { t } = useTranslation()
  const ruleLabel = useRuleLabel()
  const [all, setAll] = useState(false)
  const [rule, setRule] = useState<string | null>(null)
  const Icon = CENTRE_ICONS[centre]
  // Per rule, how many (overdue first): a long list is read rule by rule.
  const rules = [...new Set(items.map((i) => i.rule))].map((r) => {
    const of = items.filter((i) => i.rule === r)
    return { rule: r, total: of.length, overdue: of.filter((i) => i.status === 'overdue').length }
  })
  const sorted = items.filter((i) => !rule || i.rule === rule).sort(byUrgency)
  const visible = all ? sorted : sorted.slice(0, FIRST_ROWS)
  const counts = data.counts[centre]
  return (
    <Paper p="md" pb="xs" data-testid={`centre-${centre}`}>
      <Group justify="space-between" mb={6}>
        <Group gap="xs">
          <ThemeIcon size={28} radius="md" variant="light" color={CENTRE_COLORS[centre]}>
            <Icon size={17} />
          </ThemeIcon>
          <Text fw={600}>{t(`duework.centre.${centre}`)}</Text>
        </Group>
        <Group gap={6}>
          {counts.overdue > 0 && (
            <Badge color="red" variant="filled" data-testid="centre-overdue">
              {t('duework.day.overdue')} {counts.overdue}
            </Badge>
          )}
          <Badge color="yellow" variant="light" data-testid="centre-due">
            {t('duework.day.due')} {counts.due}
          </Badge>
        </Group>
      </Group>
      {rules.length > 1 && (
        <Group gap={6} mb={4}>
          {rules.map((r) => (
            <Chip key={r.rule} size="xs" checked={rule === r.rule} onChange={() => setRule((cur) => (cur === r.rule ? null : r.rule))} color={r.overdue > 0 ? 'red' : 'yellow'} variant="outline">
              {ruleLabel(r.rule)} {r.total}
            </Chip>
          ))}
        </Group>
      )}
      <DueTable items={visible} today={data.today} readOnly={readOnly} />
      {sorted.length > visible.length && (
        <Button variant="subtle" size="compact-sm" my={4} onClick={() => setAll(true)}>
          {t('duework.day.showAll', { count: sorted.length })}
        </Button>
      )}
    </Paper>
  )
}
