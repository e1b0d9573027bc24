import { Alert, Badge, Button, Group, Menu, Paper, Skeleton, Stack, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconAlertTriangle, IconDeviceFloppy, IconDownload, IconFileSpreadsheet, IconFileUpload, IconNotes, IconTrash, IconUsersGroup } from '@tabler/icons-react'
import { useCallback, useMemo, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TestDay } from '@shared/contract'
import { FITNESS_MEASURES, type FitnessMeasure, type FitnessStandard, type Measurements } from '@shared/domain/fitness'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { useErrorText, translateKey } from '../../../i18n/errorText'
import { formatInstant } from '../../../lib/format'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { exemptReason } from '../fitnessQueries'
import { FitnessGrid, type GridValues, type GridWrite } from '../grid/FitnessGrid'
import { useDayExcel } from '../excel/useDayExcel'
import { LeaveGuard } from './LeaveGuard'
import { measurementsOf } from './measureCheck'
import { measureText } from './measureText'
import { cellKind, useDayGrid, type DayPerson } from './useDayGrid'

interface Props {
  wardId: string
  date: string
  standard: FitnessStandard
  /** Ward, date and standard pickers, shown in the editor's toolbar beside its buttons. */
  pickers: ReactNode
}

type ServerErrors = Map<string, { row?: string; cells: Partial<Record<FitnessMeasure, string>> }>

const textsOf = (measurements: Measurements): Record<string, string> =>
  Object.fromEntries(Object.entries(measurements).map(([m, v]) => [m, measureText(v)]))

/** One ward, date and standard: the day's people (with masked IDs), saved tests and draft, then the grid. */
export function TestDayEditor({ wardId, date, standard, pickers }: Props) {
  const day = useApiQuery('fitness:testDay', { wardId, date, standardId: standard.id })
  if (day.isError) {
    return (
      <Stack gap="sm">
        <Paper p="sm">{pickers}</Paper>
        <ErrorAlert error={day.error} onRetry={() => void day.refetch()} />
      </Stack>
    )
  }
  if (day.isPending) {
    return (
      <Stack gap="sm" data-testid="fitness-day-loading">
        <Paper p="sm">{pickers}</Paper>
        <Skeleton h={360} />
      </Stack>
    )
  }
  return <DayGrid day={day.data} standard={standard} refetch={() => void day.refetch()} pickers={pickers} />
}

const draftTexts = (draft: TestDay['draft']): GridValues => (draft ? Object.fromEntries(draft.rows.map((r) => [r.personId, textsOf(r.measurements)])) : {})

/** The grid of one day: typing, live grades, drafts, the all-or-nothing save. A draft left on the day is resumed. */
function DayGrid({ day, standard, refetch, pickers }: { day: TestDay; standard: FitnessStandard; refetch: () => void; pickers: ReactNode }) {
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  // Reading only without the permission, or in a ward the trainer is not responsible for (包队责任制).
  const outsideWards = can('fitness.record') && !canWriteIn(day.wardId)
  const readOnly = !can('fitness.record') || outsideWards
  const errorText = useErrorText()
  const { wardId, date } = day

  // A draft is the trainers' unfinished work: readers see only saved results.
  const openDraft = readOnly ? null : day.draft
  const [texts, setTexts] = useState<GridValues>(() => draftTexts(openDraft))
  const [dirty, setDirty] = useState(false)
  const [serverErrors, setServerErrors] = useState<ServerErrors>(new Map())
  const [refused, setRefused] = useState<number | null>(null)
  const [draft, setDraft] = useState<{ id: string; revision: number } | null>(() => (openDraft ? { id: openDraft.id, revision: openDraft.revision } : null))
  const [staleDraft, setStaleDraft] = useState(false)
  // The notice that a kept draft was resumed, until the first keystroke.
  const [resumed, setResumed] = useState(openDraft)

  const people: DayPerson[] = useMemo(() => {
    return day.people.map((p) => {
      const idMasked = p.idNumberMasked
      return {
        personId: p.personId,
        name: p.name,
        idTail: idMasked.slice(-4),
        idMasked,
        sex: p.sex,
        age: p.age,
        covered: p.covered,
        applicable: p.applicable,
        exempt: p.exempt,
        exemptReason: exemptReason(p),
        saved: p.saved !== null && p.saved.voided === null,
      }
    })
  }, [day])

  const savedTexts = useMemo(
    () => Object.fromEntries(day.people.filter((p) => p.saved && !p.saved.voided).map((p) => [p.personId, textsOf(p.saved!.measurements)])),
    [day],
  )
  const values: GridValues = useMemo(() => ({ ...texts, ...savedTexts }), [texts, savedTexts])
  const { columns, rows, describeRow } = useDayGrid({ standard, people, serverErrors })

  const onWrite = useCallback((writes: GridWrite[]) => {
    if (writes.length === 0) return
    setTexts((old) => {
      const next: Record<string, Record<string, string>> = { ...old }
      for (const w of writes) next[w.rowKey] = { ...next[w.rowKey], [w.column]: w.text }
      return next
    })
    setServerErrors((old) => {
      if (old.size === 0) return old
      const next = new Map(old)
      for (const w of writes) {
        const entry = next.get(w.rowKey)
        if (!entry) continue
        const cells = { ...entry.cells }
        delete cells[w.column as FitnessMeasure]
        next.set(w.rowKey, { cells })
      }
      return next
    })
    setDirty(true)
    setResumed(null)
  }, [])

  // What would be sent: each unsaved person's valid values; cells with a problem are counted and block the save.
  const batch = useMemo(() => {
    const out: Array<{ personId: string; measurements: Measurements }> = []
    let invalid = 0
    for (const person of people) {
      if (person.saved) continue
      const allowed = new Set(FITNESS_MEASURES.filter((m) => cellKind(person, m) === 'input'))
      const { measurements, problems } = measurementsOf(standard, texts[person.personId] ?? {}, allowed)
      invalid += Object.keys(problems).length
      if (Object.keys(measurements).length > 0 || Object.keys(problems).length > 0) out.push({ personId: person.personId, measurements })
    }
    return { rows: out, invalid }
  }, [people, texts, standard])

  const saveDay = useApiMutation('fitness:saveTestDay', { success: false, notifyError: false })
  const saveDraft = useApiMutation('fitness:saveDraft', { success: false, notifyError: false })
  const discardDraft = useApiMutation('fitness:discardDraft', { success: t('fitness.day.discarded') })

  const onSave = () => {
    if (batch.invalid > 0) {
      notifications.show({ color: 'red', title: t('common.failed'), message: t('fitness.day.fixFirst', { count: batch.invalid }) })
      return
    }
    const rowsToSave = batch.rows.filter((r) => Object.keys(r.measurements).length > 0)
    if (rowsToSave.length === 0) {
      notifications.show({ color: 'yellow', message: t('fitness.day.nothingToSave') })
      return
    }
    saveDay.mutate(
      { wardId, date, standardId: standard.id, rows: rowsToSave, ...(draft ? { draftId: draft.id, draftRevision: draft.revision } : {}) },
      {
        onSuccess: (output) => {
          notifications.show({ color: 'teal', title: t('common.success'), message: t('fitness.day.saved', { count: output.testIds.length }) })
          const savedIds = new Set(rowsToSave.map((r) => r.personId))
          setTexts((old) => Object.fromEntries(Object.entries(old).filter(([id]) => !savedIds.has(id))))
          setServerErrors(new Map())
          setRefused(null)
          setDraft(null)
          setDirty(false)
        },
        onError: (error) => {
          const mapped = rowErrors(error, rowsToSave.map((r) => r.personId))
          if (isApiCallError(error) && error.code === 'conflict') {
            // The draft this day was resumed from was changed, saved or discarded by someone else meanwhile.
            setStaleDraft(true)
            refetch()
          } else if (mapped.size > 0) {
            setServerErrors(mapped)
            setRefused(mapped.size)
            // Someone may have saved some of these people meanwhile: their rows then show the saved values, locked.
            refetch()
          } else notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
        },
      },
    )
  }

  const onSaveDraft = () => {
    saveDraft.mutate(
      { wardId, date, standardId: standard.id, rows: batch.rows.filter((r) => Object.keys(r.measurements).length > 0), ...(draft ? { revision: draft.revision } : {}) },
      {
        onSuccess: (output) => {
          setDraft(output)
          setDirty(false)
          notifications.show({ color: 'teal', title: t('common.success'), message: batch.invalid > 0 ? t('fitness.day.draftSavedWithout', { count: batch.invalid }) : t('fitness.day.draftSaved') })
        },
        onError: (error) => {
          if (isApiCallError(error) && error.code === 'conflict') {
            setStaleDraft(true)
            refetch()
          } else notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
        },
      },
    )
  }

  const reloadDraft = () => {
    const fresh = day.draft
    setDraft(fresh ? { id: fresh.id, revision: fresh.revision } : null)
    setTexts(fresh ? Object.fromEntries(fresh.rows.map((r) => [r.personId, textsOf(r.measurements)])) : {})
    setStaleDraft(false)
    setDirty(false)
  }

  const onDiscard = () => {
    if (!draft || !window.confirm(t('fitness.day.discardConfirm'))) return
    discardDraft.mutate({ wardId, id: draft.id, revision: draft.revision }, { onSuccess: () => reloadAfterDiscard() })
  }
  const reloadAfterDiscard = () => {
    setDraft(null)
    setTexts({})
    setDirty(false)
  }

  const excel = useDayExcel({ day, people, columns: columns.map((c) => c.key as FitnessMeasure), standard })

  const entered = people.filter((p) => !p.saved && Object.values(texts[p.personId] ?? {}).some((v) => v.trim() !== '')).length
  const savedCount = people.filter((p) => p.saved).length

  return (
    <Stack gap="sm">
      <LeaveGuard when={dirty && !readOnly} />
      {readOnly && <Alert color="gray" icon={<IconNotes size={18} />}>{t(outsideWards ? 'fitness.day.readOnlyWard' : 'fitness.day.readOnly')}</Alert>}
      {staleDraft && (
        <Alert color="orange" icon={<IconAlertTriangle size={18} />} data-testid="fitness-draft-stale">
          <Group justify="space-between" wrap="nowrap">
            <Text fz="sm">
              {day.draft ? t('fitness.day.draftStale', { by: day.draft.updatedBy, at: formatInstant(day.draft.updatedAt) }) : t('fitness.day.draftGone')}
            </Text>
            <Button size="xs" variant="light" color="orange" onClick={reloadDraft}>
              {t('fitness.day.reloadDraft')}
            </Button>
          </Group>
        </Alert>
      )}
      {!staleDraft && resumed && (
        <Alert color="blue" icon={<IconNotes size={18} />} data-testid="fitness-draft-resumed">
          {t('fitness.day.draftResumed', { by: resumed.updatedBy, at: formatInstant(resumed.updatedAt) })}
        </Alert>
      )}
      {refused !== null && (
        <Alert color="red" icon={<IconAlertTriangle size={18} />} data-testid="fitness-refused">
          {t('fitness.day.serverRefused', { count: refused })}
        </Alert>
      )}
      <Paper p="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="xs">
          {pickers}
          <Group gap="xs">
            <Menu position="bottom-end">
              <Menu.Target>
                <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={excel.busy} data-testid="fitness-excel">
                  {t('fitness.day.excel')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {!readOnly && (
                  <Menu.Item leftSection={<IconDownload size={16} />} onClick={excel.template} data-testid="fitness-template">
                    {t('fitness.day.template')}
                  </Menu.Item>
                )}
                {!readOnly && (
                  <Menu.Item leftSection={<IconFileUpload size={16} />} component={Link} to={`/fitness/import?ward=${wardId}&date=${date}&standard=${standard.id}`} data-testid="fitness-import-link">
                    {t('fitness.day.import')}
                  </Menu.Item>
                )}
                <Menu.Item leftSection={<IconFileSpreadsheet size={16} />} onClick={excel.exportDay} disabled={savedCount === 0} data-testid="fitness-export">
                  {t('fitness.day.export')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            {!readOnly && draft && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={onDiscard} loading={discardDraft.isPending}>
                {t('fitness.day.discard')}
              </Button>
            )}
            {!readOnly && (
              <Button variant="default" leftSection={<IconNotes size={16} />} onClick={onSaveDraft} loading={saveDraft.isPending} disabled={!dirty} data-testid="fitness-save-draft">
                {t('fitness.day.saveDraft')}
              </Button>
            )}
            {!readOnly && (
              <Button leftSection={<IconDeviceFloppy size={16} />} onClick={onSave} loading={saveDay.isPending} data-testid="fitness-save">
                {t('fitness.day.save')}
              </Button>
            )}
          </Group>
        </Group>
        <Group gap="xs" mt={8}>
          {!readOnly && (
            <Text fz="sm" c="dimmed" className="tabular" data-testid="fitness-day-summary">
              {t('fitness.day.summary', { entered, total: people.length - savedCount, invalid: batch.invalid })}
            </Text>
          )}
          {savedCount > 0 && (
            <Badge variant="light" color="teal">
              {readOnly ? t('fitness.day.savedCount', { count: savedCount }) : t('fitness.day.existing', { count: savedCount })}
            </Badge>
          )}
        </Group>
      </Paper>
      {people.length === 0 ? (
        <Paper>
          <EmptyState icon={<IconUsersGroup size={24} />} title={t('fitness.day.empty')} hint={t('fitness.day.emptyHint')} />
        </Paper>
      ) : (
        <>
          <FitnessGrid
            columns={columns}
            rows={rows}
            values={values}
            describeRow={describeRow}
            onWrite={onWrite}
            onPasteDropped={({ onLockedCells, outside }) => notifications.show({ color: 'yellow', message: t('fitness.day.pasteDropped', { locked: onLockedCells, outside }) })}
            headLabel={t('fitness.day.person')}
            tailHeads={`${t('fitness.total')} / ${t('fitness.grade')}`}
            tailWidth={230}
            readOnly={readOnly}
            testId="fitness-grid"
          />
          <Text fz="xs" c="dimmed">
            {t('fitness.day.stepHint')}
          </Text>
        </>
      )}
    </Stack>
  )
}

/**
 * The server's row-level refusals (fields `rows.N.<measure>` or `rows.N.personId`, N the index in the batch sent) on
 * the person's row and cell. Anything else is not a row error (the caller shows it as one message).
 */
function rowErrors(error: unknown, sentIds: readonly string[]): ServerErrors {
  const out: ServerErrors = new Map()
  if (!isApiCallError(error) || !error.fields) return out
  for (const [field, raw] of Object.entries(error.fields)) {
    const match = /^rows\.(\d+)(?:\.(?:measurements\.)?(\w+))?$/.exec(field)
    const personId = match ? sentIds[Number(match[1])] : undefined
    if (!match || !personId) continue
    const entry = out.get(personId) ?? { cells: {} }
    const message = translateKey(raw)
    const measure = match[2] as FitnessMeasure | undefined
    if (measure && (FITNESS_MEASURES as readonly string[]).includes(measure)) entry.cells[measure] = message
    else entry.row = entry.row ? `${entry.row}；${message}` : message
    out.set(personId, entry)
  }
  return out
}
