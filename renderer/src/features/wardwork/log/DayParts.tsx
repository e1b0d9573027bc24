import { Anchor, Badge, Paper, SimpleGrid, Table, Text } from '@mantine/core'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { WardDay, WardDayCounts, WardRecords, WardRecordType } from '@shared/contract'
import { showDateTime, signed, useListLabel, useWardworkLists } from '../wardworkUi'

export const COUNT_KEYS: ReadonlyArray<keyof WardDayCounts> = [
  'residentsAtStart',
  'admitted',
  'transferredIn',
  'left',
  'residentsAtEnd',
  'inHospital',
  'medicalOut',
  'medicalBack',
  'visits',
  'talksDone',
  'talksPlanned',
  'rewards',
  'sanctions',
  'activeMeasures',
]

/** The day's figures as tiles. */
export function DayCounts({ counts }: { counts: WardDayCounts }) {
  const { t } = useTranslation()
  return (
    <SimpleGrid cols={{ base: 3, md: 7 }} spacing="xs" data-testid="ww-day-counts">
      {COUNT_KEYS.map((key) => (
        <Paper key={key} withBorder p="xs" data-testid={`ww-count-${key}`}>
          <Text fz="xs" c="dimmed">
            {t(`wardwork.day.counts.${key}`)}
          </Text>
          <Text fz="xl" fw={700} className="tabular">
            {counts[key]}
          </Text>
        </Paper>
      ))}
    </SimpleGrid>
  )
}

export interface RecordRow {
  key: string
  type: WardRecordType
  date: string
  personId: string
  personName: string
  detail: string
}

type Label = ReturnType<typeof useListLabel>

/** Every record of the lists as one row each (date order), for the ward's records and the day's lists. */
export function recordRows(r: Pick<WardRecords, 'talks' | 'conduct' | 'visits' | 'medical' | 'measures'>, label: Label, t: TFunction): RecordRow[] {
  const rows: RecordRow[] = [
    ...r.talks.map((x) => ({
      key: x.id,
      type: 'talk' as const,
      date: x.doneOn ?? x.plannedOn ?? '',
      personId: x.personId,
      personName: x.personName,
      detail: `${label('talkKinds', x.kind)} · ${t(`wardwork.talk.statuses.${x.status}`)}${x.staff ? ` · ${x.staff}` : ''}${x.summary ? ` · ${x.summary}` : ''}`,
    })),
    ...r.conduct.map((x) => ({
      key: x.id,
      type: 'conduct' as const,
      date: x.on,
      personId: x.personId,
      personName: x.personName,
      detail: `${label('conductCategories', x.category)} ${signed(x.points)} · ${x.reason}`,
    })),
    ...r.visits.map((x) => ({
      key: x.id,
      type: 'visit' as const,
      date: x.on,
      personId: x.personId,
      personName: x.personName,
      detail: `${label('visitKinds', x.kind)} · ${x.visitor}${x.relation ? `（${x.relation}）` : ''}${x.minutes ? ` · ${x.minutes}′` : ''}`,
    })),
    ...r.medical.map((x) => ({
      key: x.id,
      type: 'medical' as const,
      date: x.outAt.slice(0, 10),
      personId: x.personId,
      personName: x.personName,
      detail: `${x.hospital} · ${showDateTime(x.outAt)} → ${x.backAt ? showDateTime(x.backAt) : t('wardwork.medical.stillOut')} · ${x.reason}`,
    })),
    ...r.measures.map((x) => ({
      key: x.id,
      type: 'measure' as const,
      date: x.startOn,
      personId: x.personId,
      personName: x.personName,
      detail: `${label('measureKinds', x.kind)} · ${x.startOn} → ${x.endOn ?? t('wardwork.measure.active')} · ${x.reason}`,
    })),
  ]
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.type.localeCompare(b.type)))
}

const TYPE_COLORS: Record<WardRecordType, string> = { talk: 'blue', conduct: 'grape', visit: 'teal', medical: 'orange', measure: 'red' }

/** The rows as a table, each person linked to their 大队管理 tab. */
export function RecordTable({ rows, showDate }: { rows: RecordRow[]; showDate: boolean }) {
  const { t } = useTranslation()
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped data-testid="ww-record-table">
        <Table.Thead>
          <Table.Tr>
            {showDate && <Table.Th w={110}>{t('wardwork.records.date')}</Table.Th>}
            <Table.Th w={120}>{t('wardwork.records.types')}</Table.Th>
            <Table.Th w={100}>{t('wardwork.common.person')}</Table.Th>
            <Table.Th>{t('wardwork.records.detail')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={`${row.type}-${row.key}`}>
              {showDate && <Table.Td className="tabular">{row.date}</Table.Td>}
              <Table.Td>
                <Badge variant="light" color={TYPE_COLORS[row.type]}>
                  {t(`wardwork.types.${row.type}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/people/${row.personId}?tab=wardwork`} fz="sm">
                  {row.personName}
                </Anchor>
              </Table.Td>
              <Table.Td fz="sm">{row.detail}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  )
}

/** The day's records in one table. */
export function DayLists({ day }: { day: WardDay }) {
  const { t } = useTranslation()
  const lists = useWardworkLists()
  const label = useListLabel(lists.data)
  const done = new Set(day.talksDone.map((x) => x.id))
  const talks = [...day.talksDone, ...day.talksPlanned.filter((x) => !done.has(x.id))]
  const rows = recordRows({ ...day, talks }, label, t)
  if (rows.length === 0) {
    return (
      <Text fz="sm" c="dimmed">
        {t('wardwork.records.empty')}
      </Text>
    )
  }
  return <RecordTable rows={rows} showDate={false} />
}
