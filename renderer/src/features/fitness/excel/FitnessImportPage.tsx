import { Alert, Badge, Button, Group, Paper, Progress, ScrollArea, Skeleton, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconCircleCheck, IconFileSpreadsheet } from '@tabler/icons-react'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate, useSearchParams } from 'react-router'
import { FITNESS_MEASURES, type FitnessMeasure, type FitnessStandard } from '@shared/domain/fitness'
import { api } from '../../../api/client'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { host } from '../../../api/host'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { translateKey } from '../../../i18n/errorText'
import { loadExcel, parseSheet } from '../../people/import/parseSheet'
import { checkMeasure } from '../day/measureCheck'
import { cellKind, useProblemText, type DayPerson } from '../day/useDayGrid'
import { useFacility } from '../../shell/useFacility'
import { useStandardLabel } from '../fitnessUi'
import { exemptReason, useStandards } from '../fitnessQueries'
import { importColumns, TEMPLATE_INFO_HEADERS } from './fitnessSheet'
import { rowMatcher, type MatchedRow, type RowProblem } from './matchRows'

type Stage =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'reading'; fileName: string; done: number; total: number }
  | { kind: 'preview'; fileName: string; rows: MatchedRow[]; ignored: string[] }

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }]
const CHUNK = 250
const nextFrame = () => new Promise((resolve) => setTimeout(resolve, 0))

/**
 * /fitness/import?ward=…&date=…&standard=… — a sheet typed by hand or exported by test equipment, checked row by row
 * (unknown person, duplicate, bad value; then the server's dry run of the very batch) and shown before anything is
 * written. The confirm button appears only when every row is clean; the save is the test day's all-or-nothing save.
 */
export function FitnessImportPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const facility = useFacility()
  const wardId = params.get('ward') ?? ''
  const date = params.get('date') ?? facility.data?.today ?? ''
  const standards = useStandards()
  const standardName = useStandardLabel()
  const standardId = params.get('standard') ?? standards.data?.defaultStandardId ?? ''
  const standard = standards.data?.standards.find((s) => s.id === standardId) ?? null
  const day = useApiQuery('fitness:testDay', { wardId, date, standardId }, { enabled: Boolean(wardId && date && standardId) })
  const back = { to: `/fitness?ward=${wardId}&date=${date}&standard=${standardId}`, label: t('fitness.day.title') }
  const error = standards.error ?? day.error ?? facility.error

  return (
    <>
      <PageHeader back={back} title={t('fitness.import.title')} subtitle={day.data ? `${day.data.wardName} · ${date} · ${standard ? standardName(standard) : ''}` : undefined} />
      {!wardId ? (
        <Alert color="yellow">{t('fitness.import.noWard')}</Alert>
      ) : error ? (
        <ErrorAlert error={error} />
      ) : !day.data || !standard ? (
        <Skeleton h={200} />
      ) : (
        <ImportFlow
          standard={standard}
          wardId={wardId}
          date={date}
          backTo={back.to}
          // The day's people carry their masked ID (also those who have left the ward since): the sheet's name + ID tail.
          people={day.data.people.map((p) => ({
            ...p, idTail: p.idNumberMasked.slice(-4), idMasked: p.idNumberMasked, exemptReason: exemptReason(p), saved: p.saved !== null && p.saved.voided === null,
          }))}
        />
      )}
    </>
  )
}

function ImportFlow({ standard, wardId, date, backTo, people }: { standard: FitnessStandard; wardId: string; date: string; backTo: string; people: DayPerson[] }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const problemText = useProblemText()
  const [stage, setStage] = useState<Stage>({ kind: 'choose', problem: null })
  const [checkError, setCheckError] = useState<unknown>(null)
  const save = useApiMutation('fitness:saveTestDay', { success: false })

  const matchPeople = useMemo(() => people.map((p) => ({ personId: p.personId, name: p.name, idTail: p.idTail, cell: (m: FitnessMeasure) => { const k = cellKind(p, m); return k === 'locked' ? 'input' as const : k } })), [people])

  async function choose() {
    const picked = await host.openFile({ title: t('fitness.import.pick'), filters: XLSX })
    if (!picked) return
    setCheckError(null)
    setStage({ kind: 'reading', fileName: picked.name, done: 0, total: 0 })
    const parsed = await parseSheet(await loadExcel(), picked.bytes, importColumns())
    if (!parsed.ok) {
      const p = parsed.problem
      return setStage({ kind: 'choose', problem: p.kind === 'unreadable' ? t('fitness.import.problem.unreadable', { detail: p.detail }) : p.kind === 'missing_columns' ? t('fitness.import.problem.missing_columns', { headers: p.headers.join('、') }) : t('fitness.import.problem.no_sheet') })
    }
    if (parsed.rows.length === 0) return setStage({ kind: 'choose', problem: t('fitness.import.noRows') })
    // Checked in chunks, so a long file shows its progress instead of freezing the window.
    const matched: MatchedRow[] = []
    const match = rowMatcher((measure, text) => checkMeasure(standard, measure, text), matchPeople)
    for (let at = 0; at < parsed.rows.length; at += CHUNK) {
      setStage({ kind: 'reading', fileName: picked.name, done: at, total: parsed.rows.length })
      await nextFrame()
      matched.push(...match(parsed.rows.slice(at, at + CHUNK)))
    }
    await serverCheck(matched)
    setStage({ kind: 'preview', fileName: picked.name, rows: matched, ignored: parsed.ignoredHeaders.filter((h) => !TEMPLATE_INFO_HEADERS.includes(h.trim())) })
  }

  /** The server's dry run of the clean rows (rules only it knows: already saved, not in the ward that day…). */
  async function serverCheck(rows: MatchedRow[]) {
    const clean = rows.filter((r) => r.problems.length === 0 && !r.skipped && r.personId)
    if (clean.length === 0) return
    try {
      const check = await api.invoke('fitness:checkTestDay', { wardId, date, standardId: standard.id, rows: clean.map((r) => ({ personId: r.personId!, measurements: r.measurements })) })
      for (const e of check.errors) {
        if (e.row !== null) clean[e.row]?.problems.push({ kind: 'server', message: translateKey(e.message) })
        else setCheckError(new Error(translateKey(e.message)))
      }
    } catch (error) {
      if (isApiCallError(error) && error.fields) {
        for (const [field, raw] of Object.entries(error.fields)) {
          const index = /^rows\.(\d+)/.exec(field)?.[1]
          if (index !== undefined) clean[Number(index)]?.problems.push({ kind: 'server', message: translateKey(raw) })
        }
      } else setCheckError(error)
    }
  }

  const describe = (p: RowProblem): string => {
    switch (p.kind) {
      case 'unknown_person':
        return t('fitness.import.unknownPerson')
      case 'duplicate':
        return t('fitness.import.duplicate', { row: p.firstRow })
      case 'bad_value':
        return problemText(p.measure, p.check)
      case 'not_applicable':
        return t(p.exempt ? 'fitness.import.exemptValue' : 'fitness.import.notApplicable', { measure: t(`fitness.measures.${p.measure}`) })
      case 'server':
        return p.message
    }
  }

  const confirm = () => {
    if (stage.kind !== 'preview') return
    const rows = stage.rows.filter((r) => !r.skipped).map((r) => ({ personId: r.personId!, measurements: r.measurements }))
    save.mutate(
      { wardId, date, standardId: standard.id, rows },
      {
        onSuccess: (output) => {
          notifications.show({ color: 'teal', title: t('common.success'), message: t('fitness.import.done', { count: output.testIds.length }) })
          void navigate(backTo)
        },
        onError: () => void serverCheck(stage.rows).then(() => setStage({ ...stage, rows: [...stage.rows] })),
      },
    )
  }

  if (stage.kind === 'choose' || stage.kind === 'reading') {
    return (
      <Paper p="lg" maw={760}>
        <Stack>
          <Text fz="sm">{t('fitness.import.intro')}</Text>
          {stage.kind === 'choose' && stage.problem && (
            <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="fitness-import-problem">
              {stage.problem}
            </Alert>
          )}
          {checkError !== null && <ErrorAlert error={checkError} />}
          {stage.kind === 'reading' ? (
            <Stack gap={4} data-testid="fitness-import-progress">
              <Text fz="sm">{stage.total > 0 ? t('fitness.import.checking', { done: stage.done, total: stage.total }) : t('fitness.import.reading', { name: stage.fileName })}</Text>
              <Progress value={stage.total > 0 ? (100 * stage.done) / stage.total : 5} animated />
            </Stack>
          ) : (
            <Group>
              <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void choose()} data-testid="fitness-import-pick">
                {t('fitness.import.pick')}
              </Button>
            </Group>
          )}
        </Stack>
      </Paper>
    )
  }

  const bad = stage.rows.filter((r) => r.problems.length > 0)
  const skipped = stage.rows.filter((r) => r.skipped)
  const ready = stage.rows.filter((r) => r.problems.length === 0 && !r.skipped)
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Group gap="xs">
          <Text fw={600}>{stage.fileName}</Text>
          <Badge color={bad.length > 0 ? 'red' : 'teal'} variant="light" data-testid="fitness-import-summary">
            {t('fitness.import.preview', { total: stage.rows.length, bad: bad.length })}
            {skipped.length > 0 && ` · ${t('fitness.import.skippedCount', { count: skipped.length })}`}
          </Badge>
        </Group>
        <Group gap="xs">
          <Button variant="default" onClick={() => setStage({ kind: 'choose', problem: null })} data-testid="fitness-import-again">
            {t('fitness.import.again')}
          </Button>
          {bad.length === 0 && ready.length > 0 && (
            <Button leftSection={<IconCircleCheck size={16} />} onClick={confirm} loading={save.isPending} data-testid="fitness-import-confirm">
              {t('fitness.import.confirm', { count: ready.length })}
            </Button>
          )}
        </Group>
      </Group>
      {bad.length > 0 ? (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="fitness-import-blocked">
          {t('fitness.import.noneImported')}
        </Alert>
      ) : ready.length === 0 ? (
        <Alert color="yellow" icon={<IconAlertTriangle size={18} />}>
          {t('fitness.import.noValues')}
        </Alert>
      ) : (
        <Alert color="teal" icon={<IconCircleCheck size={18} />}>
          {t('fitness.import.confirmHint')}
        </Alert>
      )}
      {stage.ignored.length > 0 && (
        <Text fz="xs" c="dimmed">
          {t('fitness.import.ignored', { headers: stage.ignored.join('、') })}
        </Text>
      )}
      <Paper>
        <ScrollArea.Autosize mah="calc(100vh - 300px)">
          <Table striped stickyHeader data-testid="fitness-import-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={60}>{t('fitness.import.row')}</Table.Th>
                <Table.Th w={120}>{t('fitness.import.person')}</Table.Th>
                <Table.Th>{t('fitness.import.values')}</Table.Th>
                <Table.Th>{t('fitness.import.errors')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {[...bad, ...ready, ...skipped].map((r) => (
                <Table.Tr key={r.row} data-testid="fitness-import-row" data-bad={r.problems.length > 0 || undefined} data-skipped={r.skipped || undefined} c={r.skipped ? 'dimmed' : undefined} bg={r.problems.length > 0 ? 'red.0' : undefined}>
                  <Table.Td className="tabular">{r.row}</Table.Td>
                  <Table.Td>{r.name || '—'}</Table.Td>
                  <Table.Td fz="xs" c="dimmed">
                    {FITNESS_MEASURES.filter((m) => r.measurements[m] !== undefined)
                      .map((m) => `${t(`fitness.measures.${m}`)} ${r.measurements[m]}`)
                      .join(' · ')}
                  </Table.Td>
                  <Table.Td>
                    {r.skipped ? (
                      <Text fz="sm" c="dimmed">
                        {t('fitness.import.skipped')}
                      </Text>
                    ) : r.problems.length === 0 ? (
                      <Badge color="teal" variant="light">
                        {t('fitness.import.ok')}
                      </Badge>
                    ) : (
                      <Stack gap={2}>
                        {r.problems.map((p, i) => (
                          <Text key={i} fz="sm" c="red.7" data-testid="fitness-import-error">
                            {describe(p)}
                          </Text>
                        ))}
                      </Stack>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
      </Paper>
    </Stack>
  )
}
