import { ActionIcon, Badge, Button, Grid, Group, Paper, ScrollArea, Stack, Table, Text, Tooltip } from '@mantine/core'
import { IconBarbell, IconEdit, IconPrinter, IconScale, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { FitnessTestView, PersonFile } from '@shared/contract'
import { FITNESS_ITEMS, type FitnessItem } from '@shared/domain/fitness'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { ReasonModal } from '../../../components/ReasonModal'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { CompareRadar } from '../charts/CompareRadar'
import { ItemProgressChart } from '../charts/ItemProgressChart'
import { GradeBadge, useStandardLabel, useViewNote } from '../fitnessUi'
import { useStandards } from '../fitnessQueries'
import { measuresOf } from '../day/useDayGrid'
import { ContraindicationsSection } from './ContraindicationsSection'
import { EditTestModal } from './EditTestModal'
import { RegradeModal } from './RegradeModal'

/** The person file's 体质测试 tab: every test of the stay, progress per item, latest vs previous, contraindications. */
export function FitnessTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const personId = file.id
  const history = useApiQuery('fitness:personHistory', { personId })
  const standards = useStandards()
  const viewNote = useViewNote()
  const standardLabel = useStandardLabel()
  const [editing, setEditing] = useState<FitnessTestView | null>(null)
  const [voiding, setVoiding] = useState<FitnessTestView | null>(null)
  const [regrading, setRegrading] = useState<FitnessTestView | null>(null)
  const voidTest = useApiMutation('fitness:voidTest')
  const canWriteIn = useCanWriteInWard()
  // Recording also needs the person's ward to be one of the user's (包队责任制).
  const writable = can('fitness.record') && canWriteIn(file.wardId) && !file.voided

  if (history.isError) return <ErrorAlert error={history.error} onRetry={() => void history.refetch()} />
  if (history.isPending) {
    return (
      <Paper p="lg">
        <TableSkeleton rows={4} />
      </Paper>
    )
  }
  const tests = history.data.tests
  const live = tests.filter((x) => !x.voided && x.grading.covered)
  const items = FITNESS_ITEMS.filter((item) => tests.some((x) => x.grading.applicable.includes(item) || x.exemptItems.includes(item)))
  const latest = tests.find((x) => x.id === history.data.latestId) ?? null
  const previous = tests.find((x) => x.id === history.data.previousId) ?? null
  const compared = latest && previous ? items.filter((i) => latest.grading.items[i] !== undefined && previous.grading.items[i] !== undefined) : []
  const standardName = (id: string) => {
    const standard = standards.data?.standards.find((s) => s.id === id)
    return standard ? standardLabel(standard) : id
  }

  return (
    <Stack gap="md" data-testid="fitness-tab">
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('fitness.person.history')}</Text>
          {latest && (
            <Button component={Link} to={`/print/fitness/${personId}/${latest.id}`} size="xs" variant="default" leftSection={<IconPrinter size={14} />} data-testid="fitness-print-latest">
              {t('fitness.person.print')}
            </Button>
          )}
        </Group>
        {tests.length === 0 ? (
          <EmptyState icon={<IconBarbell size={24} />} title={t('fitness.person.empty')} hint={t('fitness.person.emptyHint')} />
        ) : (
          <ScrollArea>
            <Table striped miw={1040} data-testid="fitness-history" style={{ whiteSpace: 'nowrap' }}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('fitness.date')}</Table.Th>
                  <Table.Th>{t('fitness.ageBand')}</Table.Th>
                  {items.map((item) => (
                    <Table.Th key={item} ta="center" fz="xs" style={{ whiteSpace: 'nowrap' }} title={t(`fitness.items.${item}`)}>
                      {t(`fitness.itemsShort.${item}`)}
                    </Table.Th>
                  ))}
                  <Table.Th ta="right">{t('fitness.total')}</Table.Th>
                  <Table.Th>{t('fitness.grade')}</Table.Th>
                  <Table.Th>{t('fitness.standard')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {[...tests].reverse().map((test) => (
                  <Table.Tr key={test.id} c={test.voided ? 'dimmed' : undefined} data-testid="fitness-history-row" data-voided={test.voided ? true : undefined}>
                    <Table.Td className="tabular">
                      <Text fz="sm" td={test.voided ? 'line-through' : undefined}>
                        {test.date}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {test.wardName}
                      </Text>
                    </Table.Td>
                    <Table.Td className="tabular" fz="sm">
                      {test.grading.ageBand ?? t('fitness.sexAge', { sex: t(`fitness.sex.${test.sex}`), age: test.age })}
                    </Table.Td>
                    {items.map((item) => (
                      <Table.Td key={item} ta="center" className="tabular">
                        <ItemPoints test={test} item={item} />
                      </Table.Td>
                    ))}
                    <Table.Td ta="right" className="tabular" fw={600}>
                      {test.grading.covered ? test.grading.total : '—'}
                    </Table.Td>
                    <Table.Td>
                      {test.voided ? (
                        <Tooltip label={test.voided.reason}>
                          <Badge color="gray" variant="outline">
                            {t('fitness.person.voided')}
                          </Badge>
                        </Tooltip>
                      ) : test.grading.grade ? (
                        <GradeBadge grade={test.grading.grade} size="sm" />
                      ) : (
                        <Text fz="xs" c="dimmed">
                          {viewNote(test.grading)}
                        </Text>
                      )}
                      {/* Re-gradings under other standards, kept beside the test's own grade. */}
                      {test.regrades.map((g) => (
                        <Text key={g.id} fz="xs" c="dimmed" data-testid="fitness-regrade">
                          {t('fitness.person.regradeLine', {
                            standard: standardName(g.standardId),
                            result: g.grade ? `${g.total} · ${t(`fitness.grades.${g.grade}`)}` : (viewNote(g) ?? t('fitness.grades.none')),
                          })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td fz="xs" maw={180} style={{ whiteSpace: 'normal' }}>
                      {standardName(test.standardId)}
                      <Text fz="xs" c="dimmed">
                        {t('fitness.person.versionNote', { version: test.revision })}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={2} wrap="nowrap" justify="flex-end">
                        {!test.voided && (
                          <Tooltip label={t('fitness.person.print')}>
                            <ActionIcon component={Link} to={`/print/fitness/${personId}/${test.id}`} variant="subtle" aria-label={t('fitness.person.print')}>
                              <IconPrinter size={16} />
                            </ActionIcon>
                          </Tooltip>
                        )}
                        {writable && !test.voided && (
                          <>
                            <Tooltip label={t('fitness.person.edit')}>
                              <ActionIcon variant="subtle" onClick={() => setEditing(test)} aria-label={t('fitness.person.edit')} data-testid="fitness-edit">
                                <IconEdit size={16} />
                              </ActionIcon>
                            </Tooltip>
                            {(standards.data?.standards.length ?? 0) > 1 && (
                              <Tooltip label={t('fitness.person.regrade')}>
                                <ActionIcon variant="subtle" onClick={() => setRegrading(test)} aria-label={t('fitness.person.regrade')} data-testid="fitness-regrade-open">
                                  <IconScale size={16} />
                                </ActionIcon>
                              </Tooltip>
                            )}
                            <Tooltip label={t('fitness.person.void')}>
                              <ActionIcon variant="subtle" color="red" onClick={() => setVoiding(test)} aria-label={t('fitness.person.void')}>
                                <IconTrash size={16} />
                              </ActionIcon>
                            </Tooltip>
                          </>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea>
        )}
      </Paper>

      {live.length > 0 && (
        <Grid gutter="md">
          <Grid.Col span={{ base: 12, lg: 7 }}>
            <Paper p="lg" h="100%">
              <Text fw={600} mb="sm">
                {t('fitness.person.progress')}
              </Text>
              {live.length < 2 ? (
                <Text fz="sm" c="dimmed">
                  {t('fitness.person.progressNeedsTwo')}
                </Text>
              ) : (
                <ItemProgressChart
                  dates={live.map((x) => x.date)}
                  series={items.map((item) => ({ key: item, label: t(`fitness.items.${item}`), points: live.map((x) => x.grading.items[item] ?? null) }))}
                />
              )}
            </Paper>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <Paper p="lg" h="100%">
              <Text fw={600} mb="sm">
                {t('fitness.person.compare')}
              </Text>
              {latest && previous && compared.length >= 3 ? (
                <CompareRadar
                  labels={compared.map((i) => t(`fitness.items.${i}`))}
                  latest={compared.map((i) => latest.grading.items[i] ?? 0)}
                  previous={compared.map((i) => previous.grading.items[i] ?? 0)}
                  latestLabel={`${t('fitness.person.latest')} ${latest.date}`}
                  previousLabel={`${t('fitness.person.previous')} ${previous.date}`}
                />
              ) : (
                <Text fz="sm" c="dimmed">
                  {t('fitness.person.compareNeedsTwo')}
                </Text>
              )}
            </Paper>
          </Grid.Col>
        </Grid>
      )}

      <ContraindicationsSection personId={personId} contraindications={history.data.contraindications} writable={writable} />

      {editing && standards.data && (
        <EditTestModal test={editing} standard={standards.data.standards.find((s) => s.id === editing.standardId) ?? null} onClose={() => setEditing(null)} />
      )}
      {regrading && standards.data && <RegradeModal test={regrading} standards={standards.data.standards} onClose={() => setRegrading(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('fitness.person.voidTitle')}
        loading={voidTest.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidTest.mutateAsync({ personId, id: voiding!.id, reason }).then(() => setVoiding(null))}
      />
    </Stack>
  )
}

function ItemPoints({ test, item }: { test: FitnessTestView; item: FitnessItem }) {
  const { t } = useTranslation()
  if (test.exemptItems.includes(item)) return <Text fz="xs" c="yellow.8">{t('fitness.exempt')}</Text>
  if (!test.grading.applicable.includes(item)) return <Text fz="xs" c="dimmed">—</Text>
  const points = test.grading.items[item]
  if (points === undefined) {
    const measured = measuresOf(item).some((m) => test.measurements[m] !== undefined)
    return <Text fz="xs" c="dimmed">{measured ? t('fitness.noNormShort') : t('fitness.person.missing')}</Text>
  }
  return (
    <Text fz="sm" c={points === 0 ? 'red.7' : undefined} fw={points === 0 ? 600 : undefined}>
      {points}
    </Text>
  )
}
