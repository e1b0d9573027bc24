import { Badge, Button, Group, Modal, Paper, Stack, Table, Text } from '@mantine/core'
import { IconChartBar, IconEye, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PaperRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { ReasonModal } from '../../components/ReasonModal'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatInstant } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { KindBadge } from './knowledgeUi'
import { PaperModal } from './PaperModal'

const LIMIT = 50

/** Papers: how each was made, its items and sittings; preview, item analysis, void; a new one drawn or picked. */
export function PaperList() {
  const { t } = useTranslation()
  const canRecord = useCan()('vocational.record')
  const [offset, setOffset] = useState(0)
  const [creating, setCreating] = useState(false)
  const [preview, setPreview] = useState<string | null>(null)
  const [voiding, setVoiding] = useState<PaperRow | null>(null)
  const papers = useApiQuery('knowledge:papers', { offset, limit: LIMIT }, { keepPrevious: true })
  const voidPaper = useApiMutation('knowledge:voidPaper')
  return (
    <Paper p="md">
      <Group justify="flex-end" mb="sm">
        {canRecord && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)} data-testid="new-paper">
            {t('knowledge.papers.add')}
          </Button>
        )}
      </Group>
      {papers.isError && <ErrorAlert error={papers.error} onRetry={() => void papers.refetch()} />}
      {papers.isPending && <TableSkeleton rows={4} />}
      {papers.data?.total === 0 && <EmptyState title={t('knowledge.papers.empty')} hint={t('knowledge.papers.emptyHint')} />}
      {papers.data && papers.data.total > 0 && (
        <>
          <Table striped highlightOnHover data-testid="paper-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.papers.titleLabel')}</Table.Th>
                <Table.Th>{t('knowledge.papers.purpose')}</Table.Th>
                <Table.Th>{t('knowledge.papers.method')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.common.items')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.common.passMark')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.common.sittings')}</Table.Th>
                <Table.Th>{t('knowledge.common.date')}</Table.Th>
                <Table.Th>{t('knowledge.common.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {papers.data.rows.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td fw={500}>{p.title}</Table.Td>
                  <Table.Td><Badge variant="outline">{p.purpose}</Badge></Table.Td>
                  <Table.Td>{t(`knowledge.papers.${p.method}`)}</Table.Td>
                  <Table.Td ta="right" className="tabular">{p.itemCount}</Table.Td>
                  <Table.Td ta="right" className="tabular">{p.passMark}</Table.Td>
                  <Table.Td ta="right" className="tabular">{p.sittings}</Table.Td>
                  <Table.Td fz="sm">{formatInstant(p.createdAt)}</Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Button size="compact-xs" variant="subtle" leftSection={<IconEye size={14} />} onClick={() => setPreview(p.id)}>
                        {t('knowledge.papers.preview')}
                      </Button>
                      <Button size="compact-xs" variant="subtle" leftSection={<IconChartBar size={14} />} component={Link} to={`/knowledge/papers/${p.id}/analysis`} data-testid="paper-analysis">
                        {t('knowledge.papers.analysis')}
                      </Button>
                      {canRecord && (
                        <Button size="compact-xs" variant="subtle" color="red" aria-label={t('knowledge.common.void')} onClick={() => setVoiding(p)}>
                          <IconTrash size={14} />
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager offset={offset} limit={LIMIT} total={papers.data.total} onChange={setOffset} />
        </>
      )}
      {creating && <PaperModal onClose={() => setCreating(false)} />}
      {preview && <PaperPreview paperId={preview} onClose={() => setPreview(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('knowledge.papers.voidTitle')}
        warning={t('knowledge.papers.voidWarning')}
        loading={voidPaper.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidPaper.mutateAsync({ id: voiding!.id, reason }).then(() => setVoiding(null))}
      />
    </Paper>
  )
}

/** A paper as staff see it: each item as asked, with its answer. */
function PaperPreview({ paperId, onClose }: { paperId: string; onClose: () => void }) {
  const { t } = useTranslation()
  const paper = useApiQuery('knowledge:paper', { id: paperId })
  const d = paper.data
  return (
    <Modal opened onClose={onClose} title={d?.title ?? t('knowledge.papers.preview')} size="xl">
      {paper.isError && <ErrorAlert error={paper.error} onRetry={() => void paper.refetch()} />}
      {paper.isPending && <TableSkeleton rows={6} />}
      {d && (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge variant="outline">{d.purpose}</Badge>
            <Text fz="sm" c="dimmed">
              {t('knowledge.papers.madeBy', { how: t(`knowledge.papers.${d.method}`) })}
              {d.draws && `：${d.draws.map((x) => `${x.tag} ×${x.count}`).join('，')}（${t('knowledge.papers.seedShown', { seed: d.seed })}）`}
            </Text>
            {d.frozen && <Badge color="gray">{t('knowledge.papers.frozen')}</Badge>}
          </Group>
          {d.items.map((item) => (
            <Paper key={item.position} withBorder p="sm">
              <Group gap="xs" mb={4}>
                <Text fw={600}>{item.position}.</Text>
                <KindBadge kind={item.kind} />
                <Text fz="sm">{item.stem}</Text>
              </Group>
              <Text fz="sm" c="dimmed">{item.options.map((o) => `${o.key}. ${o.text}`).join('　')}</Text>
              <Text fz="sm" fw={600} c="teal.8">{t('knowledge.papers.answerShown', { answer: item.answer.join('') })}</Text>
            </Paper>
          ))}
        </Stack>
      )}
    </Modal>
  )
}
