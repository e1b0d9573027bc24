import { Alert, Button, Card, Group, Loader, Modal, Progress, Stack, Switch, Text, Title } from '@mantine/core'
import { IconAlertTriangle, IconDownload, IconFileSpreadsheet, IconPrinter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { IMPORT_COLUMNS, MAX_IMPORT_ROWS, type ImportPreview, type ImportReport, type ImportRowInput, type ImportRowResult } from '@shared/contract'
import { api } from '../../../api/client'
import { useApiMutation } from '../../../api/hooks'
import { host } from '../../../api/host'
import { useJobProgress } from '../../../api/progress'
import { PageHeader } from '../../../components/PageHeader'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { translateFieldError } from '../../../i18n/errorText'
import { useWards } from '../../wards/useWards'
import { loadExcel, parseSheet } from './parseSheet'
import { PreviewTable } from './PreviewTable'
import { buildReport, buildTemplate } from './workbooks'

type Stage =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'reading'; fileName: string }
  | { kind: 'preview'; fileName: string; rows: ImportRowInput[]; ignored: string[]; preview: ImportPreview; exclude: number[]; recheck: boolean }
  | { kind: 'done'; fileName: string; report: ImportReport; rows: ImportRowResult[] }

const XLSX_FILTER = [{ name: 'Excel', extensions: ['xlsx'] }]
const baseName = (fileName: string) => fileName.replace(/\.xlsx$/i, '')

/**
 * Onboarding: download the template, choose the filled-in file, check the preview (nothing written), confirm, watch the
 * progress, keep the report. The sheet is parsed here (exceljs, loaded only on this page); the core checks every row.
 */
export function ImportPage() {
  const { t } = useTranslation()
  const [stage, setStage] = useState<Stage>({ kind: 'choose', problem: null })
  const [previewError, setPreviewError] = useState<unknown>(null)
  const [onlyErrors, setOnlyErrors] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const commit = useApiMutation('people:importCommit', { success: false })
  const progress = useJobProgress('people:importCommit')

  async function runPreview(fileName: string, rows: ImportRowInput[], ignored: string[], exclude: number[], recheck = false) {
    setPreviewError(null)
    try {
      const preview = await api.invoke('people:importPreview', { fileName, rows, exclude })
      setStage({ kind: 'preview', fileName, rows, ignored, preview, exclude, recheck })
    } catch (error) {
      setPreviewError(error)
      setStage({ kind: 'choose', problem: null })
    }
  }

  async function chooseFile() {
    const picked = await host.openFile({ title: t('import.chooseFile'), filters: XLSX_FILTER })
    if (!picked) return
    setStage({ kind: 'reading', fileName: picked.name })
    const parsed = await parseSheet(await loadExcel(), picked.bytes, IMPORT_COLUMNS)
    if (!parsed.ok) {
      const { problem } = parsed
      const text =
        problem.kind === 'missing_columns'
          ? t('import.missingColumns', { columns: problem.headers.join('、') })
          : problem.kind === 'no_sheet'
            ? t('import.noSheet')
            : t('import.unreadable')
      return setStage({ kind: 'choose', problem: text })
    }
    if (parsed.rows.length === 0) return setStage({ kind: 'choose', problem: t('import.noRows') })
    if (parsed.rows.length > MAX_IMPORT_ROWS) return setStage({ kind: 'choose', problem: t('import.tooManyRows', { count: parsed.rows.length }) })
    setOnlyErrors(false)
    await runPreview(picked.name, parsed.rows, parsed.ignoredHeaders, [])
  }

  async function changeExclude(exclude: number[]) {
    if (stage.kind !== 'preview') return
    setBusy(true)
    await runPreview(stage.fileName, stage.rows, stage.ignored, exclude)
    setBusy(false)
  }

  async function confirmImport() {
    if (stage.kind !== 'preview') return
    setConfirming(false)
    try {
      const report = await commit.mutateAsync({ fileName: stage.fileName, rows: stage.rows, exclude: stage.exclude })
      setStage({ kind: 'done', fileName: stage.fileName, report, rows: stage.preview.rows })
    } catch {
      // The data changed since the preview (or the file did not pass after all): check again and show the rows.
      await runPreview(stage.fileName, stage.rows, stage.ignored, stage.exclude, true)
    }
  }

  return (
    <>
      <PageHeader title={t('import.title')} subtitle={t('import.subtitle')} back={{ to: '/people', label: t('import.back') }} />
      {previewError !== null && <ErrorAlert error={previewError} title={t('common.failed')} />}
      {(stage.kind === 'choose' || stage.kind === 'reading') && <ChooseStep stage={stage} onChoose={() => void chooseFile()} />}
      {stage.kind === 'preview' && (
        <PreviewStep
          stage={stage}
          onlyErrors={onlyErrors}
          setOnlyErrors={setOnlyErrors}
          busy={busy || commit.isPending}
          onExclude={(exclude) => void changeExclude(exclude)}
          onAnother={() => setStage({ kind: 'choose', problem: null })}
          onConfirm={() => setConfirming(true)}
        />
      )}
      {stage.kind === 'preview' && commit.isPending && (
        <Group gap="sm" mt="md" data-testid="import-progress">
          <Text fz="sm">{t('import.importing')}</Text>
          <Progress flex={1} value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0} animated />
          {progress && (
            <Text fz="sm" c="dimmed" className="tabular">
              {progress.done} / {progress.total}
            </Text>
          )}
        </Group>
      )}
      {stage.kind === 'done' && <DoneStep stage={stage} onAnother={() => setStage({ kind: 'choose', problem: null })} />}
      {stage.kind === 'preview' && (
        <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('import.confirmTitle')} centered>
          <Stack>
            <Text fz="sm">{t('import.confirmText', { count: stage.preview.counts.valid, excluded: stage.preview.counts.excluded })}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('common.cancel')}
              </Button>
              <Button onClick={() => void confirmImport()}>{t('import.confirm', { count: stage.preview.counts.valid })}</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </>
  )
}

function ChooseStep({ stage, onChoose }: { stage: Extract<Stage, { kind: 'choose' | 'reading' }>; onChoose: () => void }) {
  const { t } = useTranslation()
  const wards = useWards()
  const [building, setBuilding] = useState(false)
  const activeWards = (wards.data ?? []).filter((w) => w.active).map((w) => w.name)

  async function downloadTemplate() {
    setBuilding(true)
    try {
      const data = await buildTemplate(await loadExcel(), activeWards)
      await host.saveFile({ defaultName: t('import.templateName'), filters: XLSX_FILTER, data })
    } finally {
      setBuilding(false)
    }
  }

  return (
    <Stack>
      <Card withBorder padding="lg">
        <Title order={5}>{t('import.templateTitle')}</Title>
        <Text fz="sm" c="dimmed" mt={4} mb="sm">
          {t('import.templateHint')}
        </Text>
        {wards.isError && <ErrorAlert error={wards.error} onRetry={() => void wards.refetch()} />}
        <Group>
          <Button variant="light" leftSection={<IconDownload size={16} />} loading={building || wards.isPending} onClick={() => void downloadTemplate()}>
            {t('import.downloadTemplate')}
          </Button>
        </Group>
      </Card>
      <Card withBorder padding="lg">
        <Title order={5}>{t('import.chooseTitle')}</Title>
        <Text fz="sm" c="dimmed" mt={4} mb="sm">
          {t('import.chooseHint')}
        </Text>
        {stage.kind === 'choose' && stage.problem && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} mb="sm" data-testid="import-file-problem">
            {stage.problem}
          </Alert>
        )}
        {stage.kind === 'reading' ? (
          <Group gap="sm">
            <Loader size="sm" />
            <Text fz="sm">{t('import.reading', { file: stage.fileName })}</Text>
          </Group>
        ) : (
          <Group>
            <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={onChoose}>
              {t('import.chooseFile')}
            </Button>
          </Group>
        )}
      </Card>
    </Stack>
  )
}

interface PreviewStepProps {
  stage: Extract<Stage, { kind: 'preview' }>
  onlyErrors: boolean
  setOnlyErrors: (value: boolean) => void
  busy: boolean
  onExclude: (exclude: number[]) => void
  onAnother: () => void
  onConfirm: () => void
}

function PreviewStep({ stage, onlyErrors, setOnlyErrors, busy, onExclude, onAnother, onConfirm }: PreviewStepProps) {
  const { t } = useTranslation()
  const { preview, exclude } = stage
  const { counts } = preview
  const rows = onlyErrors ? preview.rows.filter((r) => r.status !== 'valid') : preview.rows
  const toggle = (row: number) => onExclude(exclude.includes(row) ? exclude.filter((n) => n !== row) : [...exclude, row])
  const invalidRows = preview.rows.filter((r) => r.status === 'invalid').map((r) => r.row)
  return (
    <Stack>
      <Group justify="space-between" align="flex-end">
        <Stack gap={4}>
          <Title order={5}>{t('import.previewTitle', { file: stage.fileName })}</Title>
          <Group gap="xs" data-testid="import-counts">
            <Text fz="sm">{t('import.countTotal', { count: counts.total })}</Text>
            <Text fz="sm" c="teal">{t('import.countValid', { count: counts.valid })}</Text>
            <Text fz="sm" c={counts.invalid > 0 ? 'red' : 'dimmed'}>{t('import.countInvalid', { count: counts.invalid })}</Text>
            <Text fz="sm" c="dimmed">{t('import.countExcluded', { count: counts.excluded })}</Text>
          </Group>
          {preview.wards.map((w) => (
            <Text key={w.wardName} fz="xs" c={w.occupancy + w.incoming > w.capacity ? 'red' : 'dimmed'}>
              {t('import.wardLoad', { ward: w.wardName, occupancy: w.occupancy, incoming: w.incoming, capacity: w.capacity })}
            </Text>
          ))}
        </Stack>
        <Group>
          <Switch label={t('import.onlyErrors')} checked={onlyErrors} onChange={(e) => setOnlyErrors(e.currentTarget.checked)} />
          {invalidRows.length > 0 && (
            <Button variant="default" size="xs" disabled={busy} onClick={() => onExclude([...exclude, ...invalidRows])}>
              {t('import.excludeErrors')}
            </Button>
          )}
          {exclude.length > 0 && (
            <Button variant="default" size="xs" disabled={busy} onClick={() => onExclude([])}>
              {t('import.includeAll')}
            </Button>
          )}
        </Group>
      </Group>
      {stage.recheck && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />}>
          {t('import.recheck')}
        </Alert>
      )}
      {stage.ignored.length > 0 && (
        <Text fz="sm" c="dimmed">
          {t('import.ignoredColumns', { columns: stage.ignored.join('、') })}
        </Text>
      )}
      {rows.length === 0 ? (
        <Text fz="sm" c="dimmed" ta="center" py="lg">
          {t('import.noErrorRows')}
        </Text>
      ) : (
        <PreviewTable rows={rows} onToggleExclude={toggle} busy={busy} />
      )}
      <Text fz="sm" c="dimmed">
        {t('import.nothingWritten')}
      </Text>
      {counts.invalid > 0 && (
        <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} data-testid="import-blocked">
          {t('import.blocked', { count: counts.invalid })}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onAnother} disabled={busy}>
          {t('import.chooseAnother')}
        </Button>
        <Button onClick={onConfirm} disabled={counts.invalid > 0 || counts.valid === 0} loading={busy}>
          {t('import.confirm', { count: counts.valid })}
        </Button>
      </Group>
    </Stack>
  )
}

function DoneStep({ stage, onAnother }: { stage: Extract<Stage, { kind: 'done' }>; onAnother: () => void }) {
  const { t } = useTranslation()
  const { report } = stage
  async function downloadReport() {
    const data = await buildReport(await loadExcel(), report, stage.rows, {
      headers: { row: t('import.colRow'), name: t('import.columns.name'), idNumber: t('import.columns.idNumber'), ward: t('import.columns.ward'), outcome: t('import.outcome'), note: t('import.note') },
      imported: t('import.imported'),
      skipped: t('import.skipped'),
      problem: translateFieldError,
    })
    await host.saveFile({ defaultName: `${t('import.reportName', { file: baseName(stage.fileName) })}.xlsx`, filters: XLSX_FILTER, data })
  }
  return (
    <Stack>
      <Alert color="teal" variant="light" title={t('import.doneTitle', { file: stage.fileName })} data-testid="import-done">
        {t('import.doneText', { imported: report.imported.length, skipped: report.excluded.length })}
      </Alert>
      <Group className="no-print">
        <Button component={Link} to="/people">
          {t('import.toRoster')}
        </Button>
        <Button variant="light" leftSection={<IconDownload size={16} />} onClick={() => void downloadReport()}>
          {t('import.downloadReport')}
        </Button>
        <Button variant="default" leftSection={<IconPrinter size={16} />} onClick={() => void host.printToPdf({ defaultName: `${t('import.reportName', { file: baseName(stage.fileName) })}.pdf` })}>
          {t('import.print')}
        </Button>
        <Button variant="subtle" onClick={onAnother}>
          {t('import.another')}
        </Button>
      </Group>
      <PreviewTable rows={stage.rows} outcome />
    </Stack>
  )
}
