import { Badge, Button, Checkbox, Group, Paper, Select, Table, Text, TextInput } from '@mantine/core'
import { IconEdit, IconPlus, IconSearch, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ItemKind, KnowledgeItemRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { ReasonModal } from '../../components/ReasonModal'
import { TableSkeleton } from '../../components/TableSkeleton'
import { useCan } from '../auth/UserContext'
import { ItemModal } from './ItemModal'
import { KindBadge } from './knowledgeUi'

const LIMIT = 50

/** The item bank: filter by tag and kind, search the questions, add, edit (a new revision), void. */
export function ItemBank() {
  const { t } = useTranslation()
  const can = useCan()
  const canRecord = can('vocational.record')
  const [tag, setTag] = useState<string | null>(null)
  const [kind, setKind] = useState<ItemKind | null>(null)
  const [q, setQ] = useState('')
  const [includeInactive, setIncludeInactive] = useState(false)
  const [offset, setOffset] = useState(0)
  const [editing, setEditing] = useState<KnowledgeItemRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<KnowledgeItemRow | null>(null)
  const tags = useApiQuery('knowledge:tags', {})
  const query = q.trim()
  const items = useApiQuery(
    'knowledge:items',
    { ...(tag ? { tag } : {}), ...(kind ? { kind } : {}), ...(query ? { q: query } : {}), includeInactive, offset, limit: LIMIT },
    { keepPrevious: true },
  )
  const voidItem = useApiMutation('knowledge:voidItem', { success: t('knowledge.bank.voidedDone') })
  const filtered = tag !== null || kind !== null || query !== '' || includeInactive
  const reset = (f: () => void) => {
    f()
    setOffset(0)
  }
  return (
    <Paper p="md">
      <Group justify="space-between" mb="sm" wrap="wrap">
        <Group gap="sm">
          <Select
            aria-label={t('knowledge.common.tag')}
            placeholder={t('knowledge.common.allTags')}
            data={(tags.data ?? []).map((g) => ({ value: g.tag, label: `${g.tag}（${g.active}）` }))}
            value={tag}
            onChange={(v) => reset(() => setTag(v))}
            clearable
            w={180}
          />
          <Select
            aria-label={t('knowledge.common.kind')}
            placeholder={t('knowledge.common.allKinds')}
            data={(['single', 'multiple'] as const).map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
            value={kind}
            onChange={(v) => reset(() => setKind(v as ItemKind | null))}
            clearable
            w={140}
          />
          <TextInput
            aria-label={t('knowledge.common.search')}
            placeholder={t('knowledge.common.search')}
            leftSection={<IconSearch size={16} />}
            value={q}
            onChange={(e) => reset(() => setQ(e.currentTarget.value))}
            w={220}
            title={t('knowledge.bank.smallBank')}
          />
          <Checkbox label={t('knowledge.bank.showInactive')} checked={includeInactive} onChange={(e) => reset(() => setIncludeInactive(e.currentTarget.checked))} />
        </Group>
        {canRecord && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')} data-testid="new-item">
            {t('knowledge.bank.add')}
          </Button>
        )}
      </Group>
      {items.isError && <ErrorAlert error={items.error} onRetry={() => void items.refetch()} />}
      {items.isPending && <TableSkeleton rows={6} />}
      {items.data && items.data.total === 0 && (
        <EmptyState title={filtered ? t('knowledge.bank.noMatch') : t('knowledge.bank.empty')} hint={filtered ? undefined : t('knowledge.bank.emptyHint')} />
      )}
      {items.data && items.data.total > 0 && (
        <>
          <Table striped highlightOnHover data-testid="item-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.common.stem')}</Table.Th>
                <Table.Th w={90}>{t('knowledge.common.kind')}</Table.Th>
                <Table.Th w={90}>{t('knowledge.common.answer')}</Table.Th>
                <Table.Th w={200}>{t('knowledge.common.tags')}</Table.Th>
                {canRecord && <Table.Th w={110}>{t('knowledge.common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.data.rows.map((item) => (
                <Table.Tr key={item.id} c={item.voided || !item.active ? 'dimmed' : undefined}>
                  <Table.Td>
                    <Text fz="sm" lineClamp={2}>{item.stem}</Text>
                    <Text fz="xs" c="dimmed">
                      {item.options.map((o) => `${o.key}. ${o.text}`).join('　')}
                    </Text>
                  </Table.Td>
                  <Table.Td><KindBadge kind={item.kind} /></Table.Td>
                  <Table.Td className="tabular" fw={600}>{item.answer.join('')}</Table.Td>
                  <Table.Td>
                    <Group gap={4}>
                      {item.tags.map((g) => <Badge key={g} variant="outline" size="sm">{g}</Badge>)}
                      {item.voided && <Badge color="gray" size="sm">{t('knowledge.common.voided')}</Badge>}
                      {!item.voided && !item.active && <Badge color="yellow" size="sm">{t('knowledge.common.inactive')}</Badge>}
                    </Group>
                  </Table.Td>
                  {canRecord && (
                    <Table.Td>
                      {!item.voided && (
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="subtle" leftSection={<IconEdit size={14} />} onClick={() => setEditing(item)}>
                            {t('common.edit')}
                          </Button>
                          <Button size="compact-xs" variant="subtle" color="red" aria-label={t('knowledge.common.void')} onClick={() => setVoiding(item)}>
                            <IconTrash size={14} />
                          </Button>
                        </Group>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager offset={offset} limit={LIMIT} total={items.data.total} onChange={setOffset} />
        </>
      )}
      {editing && <ItemModal item={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('knowledge.bank.voidTitle')}
        warning={t('knowledge.bank.voidWarning')}
        loading={voidItem.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidItem.mutateAsync({ id: voiding!.id, reason }).then(() => setVoiding(null))}
      />
    </Paper>
  )
}
