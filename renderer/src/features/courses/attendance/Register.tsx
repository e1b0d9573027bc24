import { Alert, Badge, Button, Group, Kbd, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconKeyboard } from '@tabler/icons-react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { contract, type CourseDetail, type CourseSessionDetail, type Input } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'
import { ATTENDANCE_STATUSES, type AttendanceStatus } from '@shared/domain/vocational'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { REQUIRED } from '../../../components/required'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { translateFieldError } from '../../../i18n/errorText'
import { ATTENDANCE_COLOURS, hoursText } from '../coursesUi'

interface Mark {
  status: AttendanceStatus
  /** Hours typed for a late arrival ('' = the session's hours). */
  hours: string
  reasonText: string
}
const PRESENT: Mark = { status: 'present', hours: '', reasonText: '' }

interface Person {
  personId: string
  name: string
  wardName: string | null
}

interface Props {
  course: CourseDetail
  today: string
  /** A recorded session to change (sent with its revision); absent for a new one. */
  editing?: CourseSessionDetail
  onDone: () => void
}

/**
 * The attendance register of one session, by keyboard: everyone on the day's register is present; ↑↓ choose a person,
 * 1–6 give the status (其他 opens its text, 迟到 its hours), Enter saves the whole session in one call. Counts per status
 * follow each key; refusals stay on their field or row.
 */
export function Register({ course, today, editing, onDone }: Props) {
  const { t } = useTranslation()
  const [fields, setFields] = useState({
    date: editing?.date ?? today,
    startTime: editing?.startTime ?? '08:30',
    hours: (editing?.hours ?? 2) as number | string,
    topic: editing?.topic ?? '',
  })
  const [marks, setMarks] = useState<Record<string, Mark>>(() =>
    Object.fromEntries(
      (editing?.attendance ?? [])
        .filter((a) => a.status !== 'present')
        .map((a) => [a.personId, { status: a.status, hours: a.status === 'late' && a.hours !== editing?.hours ? String(a.hours) : '', reasonText: a.reasonText ?? '' }]),
    ),
  )
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [focused, setFocused] = useState(0)
  const listRef = useRef<HTMLTableSectionElement>(null)
  const dateReady = isValidIsoDate(fields.date)
  const register = useApiQuery('courses:register', { courseId: course.id, date: fields.date }, { enabled: dateReady && !editing })
  const rows: Person[] = editing ? editing.attendance : (register.data ?? [])
  const markOf = (personId: string) => marks[personId] ?? PRESENT
  const counts = Object.fromEntries(ATTENDANCE_STATUSES.map((s) => [s, rows.filter((r) => markOf(r.personId).status === s).length])) as Record<AttendanceStatus, number>
  const sessionHours = fields.hours === '' ? null : Number(fields.hours)

  const onSaved = () => {
    setMarks({})
    setErrors({})
    setFields((f) => ({ ...f, topic: '' }))
    onDone()
  }
  const record = useApiMutation('courses:recordSession', { success: t('courses.attendance.saved'), onSuccess: onSaved })
  const edit = useApiMutation('courses:editSession', { success: t('courses.attendance.updated'), onSuccess: onSaved })
  const saving = record.isPending || edit.isPending

  const setMark = (personId: string, change: Partial<Mark>) => {
    setMarks((m) => ({ ...m, [personId]: { ...markOf(personId), ...change } }))
    setErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith('attendance.'))))
  }

  function input(): Input<'courses:recordSession'> {
    return {
      courseId: course.id,
      date: fields.date,
      startTime: fields.startTime.trim(),
      // A blank number is sent as NaN so it fails as "enter a number" instead of passing as 0.
      hours: fields.hours === '' ? Number.NaN : Number(fields.hours),
      topic: fields.topic.trim(),
      teacher: null,
      note: null,
      attendance: rows.map((r) => {
        const m = markOf(r.personId)
        return {
          personId: r.personId,
          status: m.status,
          // Only a late arrival's hours are typed; the others follow from the status on the server.
          ...(m.status === 'late' && m.hours.trim() !== '' ? { hours: Number(m.hours) } : {}),
          reasonText: m.status === 'other' ? m.reasonText.trim() || null : null,
          note: null,
        }
      }),
    }
  }

  function save() {
    const value = input()
    const found: Record<string, string> = {}
    const parsed = contract['courses:recordSession'].input.safeParse(value)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const path = issue.path.map(String).join('.')
        if (!(path in found)) found[path] = translateFieldError(issue.message)
      }
    }
    // 其他 needs its text: the register says so at the row before the server would.
    value.attendance.forEach((a, i) => {
      if (a.status === 'other' && !a.reasonText && !(`attendance.${i}.reasonText` in found)) found[`attendance.${i}.reasonText`] = t('courses.attendance.reasonTextHint')
    })
    if (Object.keys(found).length > 0) {
      setErrors(found)
      return
    }
    setErrors({})
    const onError = (e: Error) => {
      if (isApiCallError(e) && e.fields) setErrors(Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [k, translateFieldError(v)])))
    }
    if (editing) edit.mutate({ ...value, id: editing.id, revision: editing.revision }, { onError })
    else record.mutate(value, { onError })
  }

  function onListKey(e: KeyboardEvent) {
    // Keys typed in a row's own fields (the text of 其他, a late arrival's hours) are theirs, not the list's.
    if (e.target !== e.currentTarget) return
    const row = rows[focused]
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault()
      const next = Math.max(0, Math.min(rows.length - 1, focused + (e.key === 'ArrowDown' ? 1 : -1)))
      setFocused(next)
      listRef.current?.querySelectorAll('[data-testid="register-row"]')[next]?.scrollIntoView({ block: 'nearest' })
      return
    }
    if (e.key === 'Enter') {
      e.preventDefault()
      save()
      return
    }
    if (!row || !/^[1-6]$/.test(e.key)) return
    e.preventDefault()
    const status = ATTENDANCE_STATUSES[Number(e.key) - 1]!
    setMark(row.personId, { status })
    if (status === 'other') requestAnimationFrame(() => document.getElementById(`reason-${row.personId}`)?.focus())
  }

  const enterSaves = (e: KeyboardEvent) => {
    if (e.key === 'Enter') {
      e.preventDefault()
      save()
    }
  }
  // Leaving a row's field with Escape hands the keys back to the list.
  const rowFieldKeys = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault()
      listRef.current?.focus()
    } else enterSaves(e)
  }
  const rowError = (i: number) => errors[`attendance.${i}.reasonText`] ?? errors[`attendance.${i}.hours`] ?? errors[`attendance.${i}.status`] ?? errors[`attendance.${i}.personId`] ?? errors[`attendance.${i}`]

  return (
    <Stack gap="sm" data-testid="register">
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <DateField label={t('courses.attendance.date')} labelProps={REQUIRED} minDate={course.startDate} maxDate={today} value={fields.date} disabled={!!editing}
          onChange={(date) => setFields((f) => ({ ...f, date }))} error={errors.date} onKeyDown={enterSaves} />
        <TextInput label={t('courses.attendance.startTime')} labelProps={REQUIRED} description={t('courses.attendance.startTimeHint')} value={fields.startTime} className="tabular"
          onChange={(e) => {
            const startTime = e.currentTarget.value
            setFields((f) => ({ ...f, startTime }))
          }} error={errors.startTime} onKeyDown={enterSaves} />
        <NumberField label={t('courses.attendance.hours')} labelProps={REQUIRED} description={t('courses.attendance.hoursHint')} decimal min={0.5} max={8} step={0.5}
          value={fields.hours} onChange={(v) => setFields((f) => ({ ...f, hours: v }))} error={errors.hours} onKeyDown={enterSaves} />
        <TextInput label={t('courses.attendance.topic')} labelProps={REQUIRED} description={t('courses.attendance.topicHint')} value={fields.topic} data-autofocus
          onChange={(e) => {
            const topic = e.currentTarget.value
            setFields((f) => ({ ...f, topic }))
          }} error={errors.topic} onKeyDown={enterSaves} />
      </SimpleGrid>

      <Alert variant="light" color="gray" p="xs" icon={<IconKeyboard size={16} />} data-testid="register-keys">
        <Group gap="md">
          <Text fz="xs">{t('courses.attendance.keys')}</Text>
          {ATTENDANCE_STATUSES.map((s, n) => (
            <Text key={s} fz="xs" span><Kbd size="xs">{n + 1}</Kbd> {t(`courses.attendance.statuses.${s}`)}</Text>
          ))}
        </Group>
      </Alert>
      {rows.length > 0 && (
        <Group gap={6} data-testid="register-counts">
          <Text fz="sm" fw={600}>{t('courses.attendance.summary', { total: rows.length })}</Text>
          {ATTENDANCE_STATUSES.map((s) => (
            <Badge key={s} variant={counts[s] > 0 && s !== 'present' ? 'filled' : 'light'} color={counts[s] > 0 ? ATTENDANCE_COLOURS[s] : 'gray'} data-testid={`count-${s}`} data-count={counts[s]}>
              {t(`courses.attendance.statuses.${s}`)} {counts[s]}
            </Badge>
          ))}
        </Group>
      )}
      {register.isError && <ErrorAlert error={register.error} onRetry={() => void register.refetch()} />}
      {!editing && dateReady && register.isPending && <TableSkeleton rows={4} />}
      {!editing && register.data && rows.length === 0 && <Alert color="yellow">{t('courses.attendance.noStudents')}</Alert>}
      {errors.attendance && <Alert color="red">{errors.attendance}</Alert>}
      {errors._ && <Alert color="red">{errors._}</Alert>}
      {rows.length > 0 && (
        <Table striped highlightOnHover withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={40}>#</Table.Th>
              <Table.Th>{t('courses.attendance.person')}</Table.Th>
              <Table.Th>{t('courses.roster.ward')}</Table.Th>
              <Table.Th>{t('courses.attendance.status')}</Table.Th>
              <Table.Th>{t('courses.attendance.personHours')}</Table.Th>
              <Table.Th>{t('courses.attendance.reasonText')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody ref={listRef} tabIndex={0} onKeyDown={onListKey} data-testid="register-list" aria-label={t('courses.attendance.keys')} style={{ outline: 'none' }}>
            {rows.map((r, i) => {
              const m = markOf(r.personId)
              const error = rowError(i)
              const credited = m.status === 'present' || m.status === 'late' ? (m.status === 'late' && m.hours !== '' ? m.hours : sessionHours === null ? '' : hoursText(sessionHours)) : '0'
              return (
                <Table.Tr key={r.personId} data-testid="register-row" data-person={r.name} data-status={m.status}
                  onClick={(e) => {
                    setFocused(i)
                    if (!(e.target as HTMLElement).closest('input, button')) listRef.current?.focus()
                  }}
                  style={i === focused ? { boxShadow: 'inset 3px 0 0 var(--mantine-color-blue-6)', background: 'var(--mantine-color-blue-0)' } : undefined}>
                  <Table.Td><Text fz="xs" c="dimmed">{i + 1}</Text></Table.Td>
                  <Table.Td fw={500}>{r.name}</Table.Td>
                  <Table.Td><Text fz="sm" c="dimmed">{r.wardName ?? t('common.dash')}</Text></Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      {ATTENDANCE_STATUSES.map((s, n) => (
                        <Badge key={s} size="sm" style={{ cursor: 'pointer' }} color={m.status === s ? ATTENDANCE_COLOURS[s] : 'gray'} variant={m.status === s ? 'filled' : 'outline'}
                          onClick={() => setMark(r.personId, { status: s })} title={`${n + 1} ${t(`courses.attendance.statuses.${s}`)}`}
                          data-testid={m.status === s ? 'register-status' : undefined}>
                          {m.status === s ? t(`courses.attendance.statuses.${s}`) : n + 1}
                        </Badge>
                      ))}
                    </Group>
                  </Table.Td>
                  <Table.Td w={110}>
                    {m.status === 'late' ? (
                      <TextInput size="xs" w={80} value={m.hours} placeholder={sessionHours === null ? '' : hoursText(sessionHours)} aria-label={`${r.name} ${t('courses.attendance.personHours')}`}
                        error={errors[`attendance.${i}.hours`] ? true : undefined} inputMode="decimal" className="tabular"
                        onChange={(e) => setMark(r.personId, { hours: e.currentTarget.value })} onKeyDown={rowFieldKeys} />
                    ) : (
                      <Text fz="sm" className="tabular" c={credited === '0' ? 'dimmed' : undefined}>{credited}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {m.status === 'other' && (
                      <TextInput id={`reason-${r.personId}`} size="xs" placeholder={t('courses.attendance.reasonTextHint')} value={m.reasonText}
                        aria-label={`${r.name} ${t('courses.attendance.reasonText')}`} error={errors[`attendance.${i}.reasonText`] ? true : undefined}
                        onChange={(e) => setMark(r.personId, { reasonText: e.currentTarget.value })} onKeyDown={rowFieldKeys} />
                    )}
                    {error && <Text fz="xs" c="red" data-testid="register-row-error">{error}</Text>}
                  </Table.Td>
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      )}
      <Group justify="flex-end">
        <Text fz="xs" c="dimmed"><Kbd>Enter</Kbd></Text>
        <Button leftSection={<IconDeviceFloppy size={16} />} loading={saving} disabled={rows.length === 0} onClick={save} data-testid="save-register">
          {t('courses.attendance.save')}
        </Button>
      </Group>
    </Stack>
  )
}
