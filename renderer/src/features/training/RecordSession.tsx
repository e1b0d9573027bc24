import { Alert, Badge, Button, Group, Kbd, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconKeyboard } from '@tabler/icons-react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type Input, type TrainingRosterRow, type TrainingSessionDetail } from '@shared/contract'
import { ABSENCE_REASONS, SESSION_MINUTES, type AbsenceReason } from '@shared/domain/training'
import { isValidIsoDate } from '@shared/domain/dates'
import { isApiCallError } from '../../api/errors'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { TableSkeleton } from '../../components/TableSkeleton'
import { translateFieldError } from '../../i18n/errorText'
import { IntensityBadge, useIntensityGroups } from './trainingUi'

interface Mark {
  present: boolean
  reason: AbsenceReason | null
  reasonText: string
  note: string
}
const PRESENT: Mark = { present: true, reason: null, reasonText: '', note: '' }

interface Props {
  wardId: string
  groupId: string
  today: string
  defaultIntensity: string | null
  /** Editing a recorded session (its version is sent with the edit); absent for a new one. */
  editing?: TrainingSessionDetail
  onDone?: () => void
}

/**
 * Records one session of a group with its attendance, by keyboard: the roster of the day is listed with everyone
 * present; ↑↓ pick a person, Space toggles, 1–4 give an absence its reason, 0 marks present again, Enter saves. The
 * whole session is saved in one call (all or nothing); errors stay on their fields and rows.
 */
export function RecordSession({ wardId, groupId, today, defaultIntensity, editing, onDone }: Props) {
  const { t } = useTranslation()
  const intensity = useIntensityGroups()
  const [fields, setFields] = useState({
    date: editing?.date ?? today,
    startTime: editing?.startTime ?? '08:30',
    durationMinutes: (editing?.durationMinutes ?? 60) as number | string,
    content: editing?.content ?? '',
    intensity: editing ? editing.intensity : defaultIntensity,
    note: editing?.note ?? '',
  })
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      (editing?.attendance ?? []).filter((a) => !a.present).map((a) => [a.personId, { present: false, reason: a.reason, reasonText: a.reasonText ?? '', note: a.note ?? '' }]),
    ),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [focused, setFocused] = useState(0)
  const listRef = useRef<HTMLTableSectionElement>(null)
  const dateReady = isValidIsoDate(fields.date)
  const roster = useApiQuery('training:roster', { wardId, groupId, date: fields.date }, { enabled: dateReady })
  const rows: TrainingRosterRow[] = roster.data ?? []
  const markOf = (personId: string) => marks[personId] ?? PRESENT
  const absent = rows.filter((r) => !markOf(r.personId).present).length

  const onSaved = () => {
    setMarks({})
    setErrors({})
    setFields((f) => ({ ...f, content: '', note: '' }))
    onDone?.()
  }
  const record = useApiMutation('training:recordSession', { success: t('training.session.saved'), onSuccess: onSaved })
  const update = useApiMutation('training:updateSession', { success: t('training.session.updated'), onSuccess: onSaved })
  const saving = record.isPending || update.isPending

  const setMark = (personId: string, change: Partial<Mark>) => {
    setMarks((m) => ({ ...m, [personId]: { ...markOf(personId), ...change } }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('attendance.'))))
  }

  function input(): Input<'training:recordSession'> {
    return {
      wardId,
      groupId,
      date: fields.date,
      startTime: fields.startTime.trim(),
      // A blank number field is '': sent as NaN so it fails as "enter a number" instead of passing as 0.
      durationMinutes: fields.durationMinutes === '' ? Number.NaN : Number(fields.durationMinutes),
      content: fields.content,
      intensity: fields.intensity,
      note: fields.note.trim() || null,
      attendance: rows.map((r) => {
        const m = markOf(r.personId)
        return { personId: r.personId, present: m.present, reason: m.present ? null : m.reason, reasonText: m.reasonText.trim() || null, note: m.note.trim() || null }
      }),
    }
  }

  function save() {
    const value = input()
    const parsed = contract['training:recordSession'].input.safeParse(value)
    if (!parsed.success) {
      const found: Record<string, string> = {}
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        if (!(path in found)) found[path] = translateFieldError(issue.message)
      }
      setErrors(found)
      return
    }
    setErrors({})
    const onError = (e: Error) => {
      if (isApiCallError(e) && e.fields) setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translateFieldError(v)])))
    }
    if (editing) update.mutate({ ...value, id: editing.id, revision: editing.revision }, { onError })
    else record.mutate(value, { onError })
  }

  function onListKey(e: KeyboardEvent) {
    // Keys typed in a row's own fields (a note, the reason's text, its menu) are theirs, not the list's.
    if (e.target !== e.currentTarget) return
    const row = rows[focused]
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, focused + (e.key === 'ArrowDown' ? 1 : -1)))
      setFocused(next)
      listRef.current?.children[next]?.scrollIntoView({ block: 'nearest' })
      return
    }
    if (e.key === 'Enter') {
      e.preventDefault()
      save()
      return
    }
    if (!row) return
    if (e.key === ' ') {
      e.preventDefault()
      const m = markOf(row.personId)
      setMark(row.personId, m.present ? { present: false } : { present: true, reason: null, reasonText: '' })
    } else if (e.key === '0') {
      setMark(row.personId, { present: true, reason: null, reasonText: '' })
    } else if (/^[1-4]$/.test(e.key)) {
      const reason = ABSENCE_REASONS[Number(e.key) - 1]!
      setMark(row.personId, { present: false, reason })
      // 其他 needs its text: go straight to it.
      if (reason === 'other') requestAnimationFrame(() => document.getElementById(`reason-text-${row.personId}`)?.focus())
    }
  }

  const fieldError = (path: string) => errors[path]
  const rowError = (i: number) => errors[`attendance.${i}.reason`] ?? errors[`attendance.${i}.reasonText`] ?? errors[`attendance.${i}.personId`]
  const enterSaves = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      save()
    }
  }

  return (
    <Stack gap="sm" data-testid="record-session">
      <SimpleGrid cols={{ base: 2, md: 5 }}>
        <DateField label={t('training.session.date')} labelProps={REQUIRED} maxDate={today} value={fields.date} onChange={(date) => setFields((f) => ({ ...f, date }))} error={fieldError('date')} onKeyDown={enterSaves} />
        <TextInput label={t('training.session.startTime')} labelProps={REQUIRED} description={t('training.session.startTimeHint')} value={fields.startTime}
          onChange={(e) => setFields((f) => ({ ...f, startTime: e.currentTarget.value }))} error={fieldError('startTime')} onKeyDown={enterSaves} className="tabular" />
        <NumberField label={t('training.session.duration')} labelProps={REQUIRED} description={t('training.session.durationHint')} min={SESSION_MINUTES.min} max={SESSION_MINUTES.max} step={5}
          value={fields.durationMinutes} onChange={(v) => setFields((f) => ({ ...f, durationMinutes: v }))} error={fieldError('durationMinutes')} onKeyDown={enterSaves} />
        <Select label={t('training.session.intensity')} description={t('common.optional')} data={intensity.options} clearable value={fields.intensity}
          onChange={(v) => setFields((f) => ({ ...f, intensity: v }))} error={fieldError('intensity')} />
        <TextInput label={t('training.session.note')} description={t('training.noteHint')} value={fields.note} onChange={(e) => setFields((f) => ({ ...f, note: e.currentTarget.value }))}
          error={fieldError('note')} onKeyDown={enterSaves} />
      </SimpleGrid>
      <TextInput label={t('training.session.content')} labelProps={REQUIRED} description={t('training.session.contentHint')} value={fields.content} data-autofocus
        onChange={(e) => setFields((f) => ({ ...f, content: e.currentTarget.value }))} error={fieldError('content')} onKeyDown={enterSaves} />

      <Group justify="space-between">
        <Text fw={600}>{t('training.session.attendance')}</Text>
        {rows.length > 0 && <Text fz="sm" c="dimmed" data-testid="attendance-summary">{t('training.session.summary', { total: rows.length, present: rows.length - absent, absent })}</Text>}
      </Group>
      <Alert variant="light" color="gray" p="xs" icon={<IconKeyboard size={16} />}>
        <Text fz="xs">{t('training.session.keys')}</Text>
      </Alert>
      {roster.isError && <ErrorAlert error={roster.error} onRetry={() => void roster.refetch()} />}
      {dateReady && roster.isPending && <TableSkeleton rows={4} />}
      {roster.data && rows.length === 0 && <Alert color="yellow">{t('training.session.noMembersOnDate')}</Alert>}
      {errors._ && <Alert color="red">{errors._}</Alert>}
      {rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('training.member.person')}</Table.Th>
              <Table.Th>{t('training.intensity')}</Table.Th>
              <Table.Th>{t('training.session.attendance')}</Table.Th>
              <Table.Th>{t('training.session.reason')}</Table.Th>
              <Table.Th>{t('training.session.personNote')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={listRef} tabIndex={0} onKeyDown={onListKey} data-testid="attendance-list" aria-label={t('training.session.attendance')} style={{ outline: 'none' }}>
            {rows.map((r, i) => {
              const m = markOf(r.personId)
              const error = rowError(i)
              return (
                <Table.Tr key={r.personId} data-testid="attendance-row" data-person={r.name} data-present={m.present}
                  onClick={(e) => {
                    setFocused(i)
                    // A click on the row itself (not one of its fields) hands the keys back to the list.
                    if (!(e.target as HTMLElement).closest('input, button, [role="option"]')) listRef.current?.focus()
                  }}
                  style={i === focused ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)', background: 'var(--mantine-color-blue-0)' } : undefined}>
                  <Table.Td><Text fz="xs" c="dimmed">{i + 1}</Text></Table.Td>
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td><IntensityBadge value={r.intensity} /></Table.Td>
                  <Table.Td>
                    <Badge color={m.present ? 'teal' : 'red'} variant={m.present ? 'light' : 'filled'} style={{ cursor: 'pointer' }}
                      onClick={() => setMark(r.personId, m.present ? { present: false } : { present: true, reason: null, reasonText: '' })}>
                      {m.present ? t('training.session.present') : t('training.session.absent')}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    {!m.present && (
                      <Stack gap={4}>
                        <Select size="xs" placeholder={t('training.session.reason')} value={m.reason} error={error} aria-label={`${r.name} ${t('training.session.reason')}`}
                          data={ABSENCE_REASONS.map((reason, n) => ({ value: reason, label: `${n + 1} ${t(`training.session.reasons.${reason}`)}` }))}
                          onChange={(v) => setMark(r.personId, { reason: (v as AbsenceReason | null) ?? null })} />
                        {m.reason === 'other' && (
                          <TextInput id={`reason-text-${r.personId}`} size="xs" placeholder={t('training.session.reasonTextHint')} value={m.reasonText}
                            aria-label={`${r.name} ${t('training.session.reasonText')}`}
                            onChange={(e) => setMark(r.personId, { reasonText: e.currentTarget.value })} onKeyDown={enterSaves} />
                        )}
                      </Stack>
                    )}
                    {m.present && error && <Text fz="xs" c="red">{error}</Text>}
                  </Table.Td>
                  <Table.Td>
                    <TextInput size="xs" variant="unstyled" placeholder={t('common.optional')} value={m.note} aria-label={`${r.name} ${t('training.session.personNote')}`}
                      onChange={(e) => setMark(r.personId, { note: e.currentTarget.value })} onKeyDown={enterSaves} />
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Text fz="xs" c="dimmed"><Kbd>Enter</Kbd></Text>
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={rows.length === 0} onClick={save} data-testid="save-session">
          {t('training.session.save')}
        </Button>
      </Group>
    </Stack>
  )
}
