import { ActionIcon, Badge, Button, Group, Modal, Stack, Table, Text, TextInput, Tooltip } from '@mantine/core'
import { IconEdit, IconPlayerPause, IconPlayerPlay, IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TradeRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useContractForm } from '../../../lib/useContractForm'
import { NO_INPUT } from '../coursesUi'

/**
 * The facility's trades (职业/工种): add, rename (with the code), deactivate or reactivate. Each change names the
 * revision it was read at, so a trade changed by someone else meanwhile is refused, not overwritten.
 */
export function TradesEditor({ canEdit }: { canEdit: boolean }) {
  const { t } = useTranslation()
  const trades = useApiQuery('trades:list', NO_INPUT)
  const [editing, setEditing] = useState<TradeRow | 'new' | null>(null)
  const setActive = useApiMutation('trades:update', { success: t('courses.settings.tradeSaved') })
  return (
    <Stack gap="xs" data-testid="trades-editor">
      {trades.isError && <ErrorAlert error={trades.error} onRetry={() => void trades.refetch()} />}
      {trades.isPending && <TableSkeleton rows={3} />}
      {trades.data && trades.data.length === 0 && <Text fz="sm" c="dimmed">{t('courses.settings.noTrades')}</Text>}
      {trades.data && trades.data.length > 0 && (
        <Table withTableBorder striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('courses.settings.tradeName')}</Table.Th>
              <Table.Th>{t('courses.settings.tradeCode')}</Table.Th>
              <Table.Th ta="right">{t('courses.settings.courseCount')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              {canEdit && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trades.data.map((tr) => (
              <Table.Tr key={tr.id} data-testid="trade-row" style={tr.active ? undefined : { opacity: 0.6 }}>
                <Table.Td fw={500}>{tr.name}</Table.Td>
                <Table.Td className="tabular">{tr.code ?? t('common.dash')}</Table.Td>
                <Table.Td ta="right" className="tabular">{tr.courseCount}</Table.Td>
                <Table.Td><Badge variant="light" color={tr.active ? 'teal' : 'gray'}>{tr.active ? t('common.active') : t('courses.settings.inactive')}</Badge></Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Group gap={2} justify="flex-end" wrap="nowrap">
                      <Tooltip label={t('courses.settings.rename')}>
                        <ActionIcon variant="subtle" aria-label={`${t('courses.settings.rename')} ${tr.name}`} onClick={() => setEditing(tr)}><IconEdit size={16} /></ActionIcon>
                      </Tooltip>
                      <Tooltip label={tr.active ? t('courses.settings.deactivate') : t('courses.settings.reactivate')}>
                        <ActionIcon variant="subtle" color="gray" aria-label={`${tr.active ? t('courses.settings.deactivate') : t('courses.settings.reactivate')} ${tr.name}`}
                          loading={setActive.isPending && setActive.variables?.id === tr.id}
                          onClick={() => setActive.mutate({ id: tr.id, revision: tr.revision, name: tr.name, code: tr.code, active: !tr.active })}>
                          {tr.active ? <IconPlayerPause size={16} /> : <IconPlayerPlay size={16} />}
                        </ActionIcon>
                      </Tooltip>
                    </Group>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {canEdit && (
        <Group>
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="add-trade">{t('courses.settings.addTrade')}</Button>
        </Group>
      )}
      {editing && <TradeModal trade={editing === 'new' ? null : editing} onClose={() => setEditing(null)} />}
    </Stack>
  )
}

function TradeModal({ trade, onClose }: { trade: TradeRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues = { name: trade?.name ?? '', code: trade?.code ?? '' }
  const toFields = (v: typeof initialValues) => ({ name: v.name.trim(), code: v.code.trim() || null })
  const create = useContractForm('trades:create', { initialValues, check: 'input', toInput: toFields, success: t('courses.settings.tradeSaved'), onSuccess: onClose })
  const update = useContractForm('trades:update', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ id: trade?.id ?? '', revision: trade?.revision ?? 1, active: trade?.active ?? true, ...toFields(v) }),
    success: t('courses.settings.tradeSaved'),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = trade ? update : create
  return (
    <Modal opened onClose={onClose} title={trade ? t('courses.settings.rename') : t('courses.settings.addTrade')}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('courses.settings.tradeName')} labelProps={REQUIRED} description={t('courses.settings.tradeNameHint')} data-autofocus {...form.getInputProps('name')} />
          <TextInput label={t('courses.settings.tradeCode')} description={t('courses.settings.tradeCodeHint')} className="tabular" {...form.getInputProps('code')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
