import { Badge, Button, Group, Paper, Select, Table, Text } from '@mantine/core'
import { IconDeviceDesktop, IconKeyboard } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { Pager } from '../../components/Pager'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { ScoreCell } from './knowledgeUi'
import { PaperEntryModal } from './PaperEntryModal'
import { StartKioskModal } from './StartKioskModal'

const LIMIT = 50

/** Sittings newest first (of one paper or all); start a kiosk sitting or type in a paper sheet. */
export function SittingList() {
  const { t } = useTranslation()
  const canRecord = useCan()('vocational.record')
  const [paperId, setPaperId] = useState<string | null>(null)
  const [offset, setOffset] = useState(0)
  const [starting, setStarting] = useState(false)
  const [entering, setEntering] = useState(false)
  const papers = useApiQuery('knowledge:papers', { limit: 500 })
  const sittings = useApiQuery('knowledge:sittings', { ...(paperId ? { paperId } : {}), offset, limit: LIMIT }, { keepPrevious: true })
  return (
    <Paper p="md">
      <Group justify="space-between" mb="sm">
        <Select
          aria-label={t('knowledge.common.paper')}
          placeholder={t('knowledge.sittings.allPapers')}
          data={(papers.data?.rows ?? []).map((p) => ({ value: p.id, label: p.title }))}
          value={paperId}
          onChange={(v) => {
            setPaperId(v)
            setOffset(0)
          }}
          clearable
          w={260}
        />
        {canRecord && (
          <Group gap="xs">
            <Button leftSection={<IconDeviceDesktop size={16} />} onClick={() => setStarting(true)} data-testid="start-kiosk">
              {t('knowledge.sittings.startKiosk')}
            </Button>
            <Button variant="light" leftSection={<IconKeyboard size={16} />} onClick={() => setEntering(true)} data-testid="enter-paper">
              {t('knowledge.sittings.enterPaper')}
            </Button>
          </Group>
        )}
      </Group>
      {sittings.isError && <ErrorAlert error={sittings.error} onRetry={() => void sittings.refetch()} />}
      {sittings.isPending && <TableSkeleton rows={6} />}
      {sittings.data?.total === 0 && <EmptyState title={t('knowledge.sittings.empty')} hint={t('knowledge.sittings.emptyHint')} />}
      {sittings.data && sittings.data.total > 0 && (
        <>
          <Table striped highlightOnHover data-testid="sitting-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.common.date')}</Table.Th>
                <Table.Th>{t('knowledge.common.person')}</Table.Th>
                <Table.Th>{t('knowledge.common.paper')}</Table.Th>
                <Table.Th>{t('knowledge.common.mode')}</Table.Th>
                <Table.Th>{t('knowledge.common.score')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.common.wrong')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {sittings.data.rows.map((s) => (
                <Table.Tr key={s.id} c={s.voided ? 'dimmed' : undefined}>
                  <Table.Td className="tabular">{formatDate(s.answeredOn)}</Table.Td>
                  <Table.Td>
                    <Link to={`/people/${s.personId}`}>{s.personName}</Link>
                  </Table.Td>
                  <Table.Td>{s.paperTitle}</Table.Td>
                  <Table.Td><Badge variant="light" color={s.mode === 'kiosk' ? 'indigo' : 'gray'}>{t(`knowledge.modes.${s.mode}`)}</Badge></Table.Td>
                  <Table.Td><ScoreCell row={s} /></Table.Td>
                  <Table.Td ta="right" className="tabular">{s.wrongCount === null ? t('common.dash') : s.wrongCount}</Table.Td>
                  <Table.Td>
                    <Button size="compact-xs" variant="subtle" component={Link} to={`/knowledge/attempts/${s.id}`} data-testid="sitting-view">
                      {t('knowledge.common.view')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Pager offset={offset} limit={LIMIT} total={sittings.data.total} onChange={setOffset} />
        </>
      )}
      {starting && <StartKioskModal papers={papers.data?.rows ?? []} onClose={() => setStarting(false)} />}
      {entering && <PaperEntryModal papers={papers.data?.rows ?? []} onClose={() => setEntering(false)} />}
      {!canRecord && <Text fz="xs" c="dimmed" mt="xs" />}
    </Paper>
  )
}
