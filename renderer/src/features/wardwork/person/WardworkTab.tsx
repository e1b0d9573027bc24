import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import { WARD_RECORD_TYPES, type PersonFile, type WardRecordMeta, type WardRecordType, type WardworkLists } from '@shared/contract'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { todayIso } from '../../../lib/format'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { showDateTime, signed, useListLabel, useWardworkLists } from '../wardworkUi'
import { blankValues, EntryModal, valuesOf, type Values } from './EntryModal'

const TYPE_NAME = { talk: 'Talk', conduct: 'Conduct', visit: 'Visit', medical: 'Medical', measure: 'Measure' } as const
type Opened = { type: WardRecordType; initial: Values; editing?: { id: string; revision: number }; title: string }

function localNow(): string {
  const d = new Date()
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${todayIso()}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** The person file's 大队管理 tab: talks, the 奖惩 ledger with its running total, visits, outside medical visits, measures. */
export function WardworkTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const writable = can('wardwork.record') && canWriteIn(file.wardId) && !file.voided
  const data = useApiQuery('wardwork:person', { personId: file.id })
  const lists = useWardworkLists()
  const label = useListLabel(lists.data)
  const today = useFacility().data?.today ?? todayIso()
  const [search, setSearch] = useSearchParams()
  const asked = search.get('new') as WardRecordType | null
  const [opened, setOpened] = useState<Opened | null>(null)
  const [voiding, setVoiding] = useState<{ type: WardRecordType; id: string } | null>(null)
  const voidMethod = `wardwork:void${TYPE_NAME[voiding?.type ?? 'talk']}` as 'wardwork:voidTalk'
  const voidRecord = useApiMutation(voidMethod)

  if (data.isError || lists.isError) return <ErrorAlert error={data.error ?? lists.error} onRetry={() => void data.refetch()} />
  if (data.isPending || lists.isPending) {
    return (
      <Paper p="lg">
        <TableSkeleton rows={5} />
      </Paper>
    )
  }
  const l: WardworkLists = lists.data
  const p = data.data
  const closeNew = () => {
    if (search.has('new')) {
      const next = new URLSearchParams(search)
      next.delete('new')
      setSearch(next, { replace: true })
    }
    setOpened(null)
  }
  const openNew = (type: WardRecordType) => setOpened({ type, initial: blankValues(type, l, today, localNow()), title: t(`wardwork.${type}.add`) })
  const openEdit = (type: WardRecordType, record: WardRecordMeta, patch: Values = {}, title = t('wardwork.common.edit')) =>
    setOpened({ type, initial: { ...valuesOf(record), ...patch }, editing: { id: record.id, revision: record.revision }, title })
  // ?new=talk|conduct|… (the ward day screen links here) opens that form once the lists are in.
  const shown = opened ?? (asked && writable && WARD_RECORD_TYPES.includes(asked) ? { type: asked, initial: blankValues(asked, l, today, localNow()), title: t(`wardwork.${asked}.add`) } : null)

  const actions = (type: WardRecordType, r: WardRecordMeta, extra?: ReactNode) =>
    writable && !r.voided ? (
      <Group gap={4} justify="flex-end" wrap="nowrap">
        {extra}
        <Button size="compact-xs" variant="subtle" onClick={() => openEdit(type, r)}>
          {t('wardwork.common.edit')}
        </Button>
        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding({ type, id: r.id })}>
          {t('wardwork.common.void')}
        </Button>
      </Group>
    ) : r.voided ? (
      <Badge color="gray" variant="light" title={r.voided.reason}>
        {t('wardwork.common.voided')}
      </Badge>
    ) : null
  const rowStyle = (r: WardRecordMeta) => (r.voided ? { textDecoration: 'line-through', opacity: 0.55 } : undefined)

  return (
    <Stack gap="md" data-testid="wardwork-tab">
      <Section type="talk" title={t('wardwork.talk.title')} count={p.talks.length} writable={writable} onAdd={openNew} empty={t('wardwork.talk.empty')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wardwork.talk.kind')}</Table.Th>
            <Table.Th>{t('wardwork.talk.status')}</Table.Th>
            <Table.Th>{t('wardwork.talk.plannedOn')}</Table.Th>
            <Table.Th>{t('wardwork.talk.doneOn')}</Table.Th>
            <Table.Th>{t('wardwork.talk.staff')}</Table.Th>
            <Table.Th>{t('wardwork.talk.summary')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.talks.map((r) => (
            <Table.Tr key={r.id} style={rowStyle(r)}>
              <Table.Td>{label('talkKinds', r.kind)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.status === 'done' ? 'teal' : r.status === 'planned' ? 'blue' : 'gray'}>
                  {t(`wardwork.talk.statuses.${r.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td className="tabular">{r.plannedOn ?? ''}</Table.Td>
              <Table.Td className="tabular">{r.doneOn ?? ''}</Table.Td>
              <Table.Td>{r.staff ?? ''}</Table.Td>
              <Table.Td maw={280}>
                <Text fz="sm" lineClamp={2}>
                  {r.summary ?? ''}
                </Text>
              </Table.Td>
              <Table.Td>
                {actions(
                  'talk',
                  r,
                  r.status === 'planned' && (
                    <Button size="compact-xs" variant="light" onClick={() => openEdit('talk', r, { status: 'done', doneOn: today }, t('wardwork.talk.markDone'))}>
                      {t('wardwork.talk.markDone')}
                    </Button>
                  ),
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Section>

      <Section
        type="conduct"
        title={t('wardwork.conduct.title')}
        count={p.conduct.entries.length}
        writable={writable}
        onAdd={openNew}
        empty={t('wardwork.conduct.empty')}
        summary={t('wardwork.conduct.total', { total: signed(p.conduct.total), rewards: p.conduct.rewards, sanctions: signed(p.conduct.sanctions) })}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wardwork.conduct.on')}</Table.Th>
            <Table.Th>{t('wardwork.conduct.category')}</Table.Th>
            <Table.Th ta="right">{t('wardwork.conduct.points')}</Table.Th>
            <Table.Th ta="right">{t('wardwork.conduct.running')}</Table.Th>
            <Table.Th>{t('wardwork.conduct.reason')}</Table.Th>
            <Table.Th>{t('wardwork.conduct.approvedBy')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.conduct.entries.map((r) => (
            <Table.Tr key={r.id} style={rowStyle(r)}>
              <Table.Td className="tabular">{r.on}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={r.kind === 'reward' ? 'teal' : 'red'}>
                  {label('conductCategories', r.category)}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" className="tabular" c={r.points < 0 ? 'red' : undefined}>
                {signed(r.points)}
              </Table.Td>
              <Table.Td ta="right" className="tabular" fw={600}>
                {r.voided ? '' : signed(r.runningTotal)}
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>{r.approvedBy ?? ''}</Table.Td>
              <Table.Td>{actions('conduct', r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Section>

      <Section type="visit" title={t('wardwork.visit.title')} count={p.visits.length} writable={writable} onAdd={openNew} empty={t('wardwork.visit.empty')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wardwork.visit.on')}</Table.Th>
            <Table.Th>{t('wardwork.visit.kind')}</Table.Th>
            <Table.Th>{t('wardwork.visit.visitor')}</Table.Th>
            <Table.Th>{t('wardwork.visit.relation')}</Table.Th>
            <Table.Th ta="right">{t('wardwork.visit.minutes')}</Table.Th>
            <Table.Th>{t('wardwork.visit.officer')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.visits.map((r) => (
            <Table.Tr key={r.id} style={rowStyle(r)}>
              <Table.Td className="tabular">{r.on}</Table.Td>
              <Table.Td>{label('visitKinds', r.kind)}</Table.Td>
              <Table.Td>{r.visitor}</Table.Td>
              <Table.Td>{r.relation ?? ''}</Table.Td>
              <Table.Td ta="right" className="tabular">
                {r.minutes ?? ''}
              </Table.Td>
              <Table.Td>{r.officer ?? ''}</Table.Td>
              <Table.Td>{actions('visit', r)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Section>

      <Section type="medical" title={t('wardwork.medical.title')} count={p.medical.length} writable={writable} onAdd={openNew} empty={t('wardwork.medical.empty')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wardwork.medical.hospital')}</Table.Th>
            <Table.Th>{t('wardwork.medical.outAt')}</Table.Th>
            <Table.Th>{t('wardwork.medical.backAt')}</Table.Th>
            <Table.Th>{t('wardwork.medical.reason')}</Table.Th>
            <Table.Th>{t('wardwork.medical.escort')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.medical.map((r) => (
            <Table.Tr key={r.id} style={rowStyle(r)}>
              <Table.Td>{r.hospital}</Table.Td>
              <Table.Td className="tabular">{showDateTime(r.outAt)}</Table.Td>
              <Table.Td className="tabular">
                {r.backAt ? (
                  showDateTime(r.backAt)
                ) : (
                  <Badge color="orange" variant="light">
                    {t('wardwork.medical.stillOut')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>{r.escort ?? ''}</Table.Td>
              <Table.Td>
                {actions(
                  'medical',
                  r,
                  !r.backAt && (
                    <Button size="compact-xs" variant="light" onClick={() => openEdit('medical', r, { backAt: showDateTime(localNow()) }, t('wardwork.medical.markBack'))}>
                      {t('wardwork.medical.markBack')}
                    </Button>
                  ),
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Section>

      <Section type="measure" title={t('wardwork.measure.title')} count={p.measures.length} writable={writable} onAdd={openNew} empty={t('wardwork.measure.empty')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('wardwork.measure.kind')}</Table.Th>
            <Table.Th>{t('wardwork.measure.startOn')}</Table.Th>
            <Table.Th>{t('wardwork.measure.endOn')}</Table.Th>
            <Table.Th>{t('wardwork.measure.reviewOn')}</Table.Th>
            <Table.Th>{t('wardwork.measure.staff')}</Table.Th>
            <Table.Th>{t('wardwork.measure.reason')}</Table.Th>
            <Table.Th />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {p.measures.map((r) => (
            <Table.Tr key={r.id} style={rowStyle(r)}>
              <Table.Td>{label('measureKinds', r.kind)}</Table.Td>
              <Table.Td className="tabular">{r.startOn}</Table.Td>
              <Table.Td className="tabular">
                {r.endOn ?? (
                  <Badge color="orange" variant="light">
                    {t('wardwork.measure.active')}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td className="tabular">{r.reviewOn ?? ''}</Table.Td>
              <Table.Td>{r.staff ?? ''}</Table.Td>
              <Table.Td>{r.reason}</Table.Td>
              <Table.Td>
                {actions(
                  'measure',
                  r,
                  !r.endOn && (
                    <Button size="compact-xs" variant="light" onClick={() => openEdit('measure', r, { endOn: today }, t('wardwork.measure.end'))}>
                      {t('wardwork.measure.end')}
                    </Button>
                  ),
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Section>

      {shown && <EntryModal key={`${shown.type}-${shown.editing?.id ?? 'new'}`} type={shown.type} personId={file.id} lists={l} initial={shown.initial} editing={shown.editing} title={shown.title} onClose={closeNew} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('wardwork.common.voidTitle')}
        loading={voidRecord.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) =>
          voidRecord.mutateAsync({ personId: file.id, id: voiding!.id, reason }).then(
            () => setVoiding(null),
            (error: unknown) => {
              if (isApiCallError(error) && error.code !== 'invalid_input') setVoiding(null)
              throw error
            },
          )
        }
      />
    </Stack>
  )
}

function Section(props: { type: WardRecordType; title: string; count: number; writable: boolean; onAdd: (type: WardRecordType) => void; empty: string; summary?: string; children: ReactNode }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg" data-testid={`ww-section-${props.type}`}>
      <Group justify="space-between" mb="sm">
        <Group gap="sm">
          <Text fw={600}>{props.title}</Text>
          {props.summary && (
            <Text fz="sm" c="dimmed" data-testid={`ww-summary-${props.type}`}>
              {props.summary}
            </Text>
          )}
        </Group>
        {props.writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => props.onAdd(props.type)} data-testid={`ww-add-${props.type}`}>
            {t(`wardwork.${props.type}.add`)}
          </Button>
        )}
      </Group>
      {props.count === 0 ? (
        <Text fz="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table>{props.children}</Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  )
}
