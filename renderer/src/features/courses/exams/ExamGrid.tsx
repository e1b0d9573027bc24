import { Alert, Badge, Button, Checkbox, Group, Kbd, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconDeviceFloppy, IconKeyboard } from '@tabler/icons-react'
import { useRef, useState, type KeyboardEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { CourseDetail, ExamPersonRow } from '@shared/contract'
import { examResult } from '@shared/domain/vocational'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { REQUIRED } from '../../../components/required'
import { translateFieldError } from '../../../i18n/errorText'
import { todayIso } from '../../../lib/format'
import { useFacility } from '../../shell/useFacility'
import { ResultBadge } from '../coursesUi'
import { readScore } from './scores'

type Part = 'theory' | 'practical'
const PARTS: readonly Part[] = ['theory', 'practical']

interface Entry {
  theory: string
  practical: string
  /** Marked absent: sent with no score (缺考). */
  absent: boolean
}
const BLANK: Entry = { theory: '', practical: '', absent: false }

/**
 * One sitting's results typed as a grid: a row per person who may sit (those who passed are not offered again), theory
 * and practical per row. Enter moves down the column (from the last row to the next column's top, then to 保存); Tab
 * goes across. Each row's result (合格/不合格/缺考) follows the typed scores with `examResult` against the course's
 * marks. A row left blank and not marked 缺考 is not sent.
 */
export function ExamGrid({ course, people, onDone }: { course: CourseDetail; people: ExamPersonRow[]; onDone: () => void }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const rows = people.filter((p) => p.maySit)
  const [examDate, setExamDate] = useState(today)
  const [entries, setEntries] = useState<Record<string, Entry>>({})
  const [errors, setErrors] = useState<Record<string, string>>({})
  const gridRef = useRef<HTMLTableSectionElement>(null)
  const saveRef = useRef<HTMLButtonElement>(null)
  const record = useApiMutation('courses:recordExams', { success: t('courses.exams.saved'), onSuccess: onDone })
  const entryOf = (personId: string) => entries[personId] ?? BLANK
  const marks = course.effectivePassMarks
  const setEntry = (personId: string, change: Partial<Entry>) => {
    setEntries((e) => ({ ...e, [personId]: { ...entryOf(personId), ...change } }))
    setErrors({})
  }

  /** What a row would send, or why it cannot, or nothing (left blank). */
  const rowState = (personId: string) => {
    const e = entryOf(personId)
    if (e.absent) return { send: true as const, theory: null, practical: null, problems: {} as Partial<Record<Part, string>> }
    const theory = readScore(e.theory)
    const practical = readScore(e.practical)
    const problems: Partial<Record<Part, string>> = {}
    if (!theory.ok) problems.theory = t('courses.exams.scoreRange')
    if (!practical.ok) problems.practical = t('courses.exams.scoreRange')
    const tv = theory.ok ? theory.value : null
    const pv = practical.ok ? practical.value : null
    return { send: e.theory.trim() !== '' || e.practical.trim() !== '', theory: tv, practical: pv, problems }
  }

  function save() {
    const found: Record<string, string> = {}
    if (!examDate || examDate > today) found.examDate = translateFieldError('v.date')
    const sent: Array<{ personId: string; theory: number | null; practical: number | null; note: null }> = []
    for (const p of rows) {
      const s = rowState(p.personId)
      for (const part of PARTS) if (s.problems[part]) found[`${p.personId}.${part}`] = s.problems[part]
      if (s.send) sent.push({ personId: p.personId, theory: s.theory, practical: s.practical, note: null })
    }
    if (sent.length === 0 && Object.keys(found).length === 0) found._ = t('courses.exams.nothingTyped')
    setErrors(found)
    if (Object.keys(found).length > 0) return
    record.mutate(
      { courseId: course.id, examDate, rows: sent },
      {
        onError: (e) => {
          if (!isApiCallError(e) || !e.fields) return
          // rows.<i>.<part> of the call → the person's cell.
          const mapped: Record<string, string> = {}
          for (const [path, key] of Object.entries(e.fields)) {
            const m = /^rows\.(\d+)\.?(\w*)$/.exec(path)
            const row = m ? sent[Number(m[1])] : undefined
            mapped[row ? `${row.personId}.${m?.[2] || 'theory'}` : path] = translateFieldError(key)
          }
          setErrors(mapped)
        },
      },
    )
  }

  const inputAt = (row: number, col: number) => gridRef.current?.querySelector<HTMLInputElement>(`input[data-row="${row}"][data-col="${col}"]`)
  function onCellKey(e: KeyboardEvent<HTMLInputElement>, row: number, col: number) {
    if (e.key !== 'Enter' || e.nativeEvent.isComposing) return
    e.preventDefault()
    const next = row + 1 < rows.length ? inputAt(row + 1, col) : col + 1 < PARTS.length ? inputAt(0, col + 1) : null
    if (next) {
      next.focus()
      next.select()
    } else saveRef.current?.focus()
  }

  if (rows.length === 0) return <Alert color="gray">{t('courses.exams.nobodyToExam')}</Alert>
  const liveAttempts = (p: ExamPersonRow) => p.attempts.filter((a) => !a.voided).length

  return (
    <Stack gap="sm" data-testid="exam-grid">
      <Group align="flex-end">
        <DateField label={t('courses.exams.examDate')} labelProps={REQUIRED} maxDate={today} value={examDate} onChange={setExamDate} error={errors.examDate} w={180} />
        <Alert variant="light" color="gray" p="xs" icon={<IconKeyboard size={16} />} style={{ flex: 1 }}>
          <Text fz="xs"><Kbd size="xs">Enter</Kbd> ↓ <Kbd size="xs">Tab</Kbd> → · {t('courses.exams.keys')} · {t('courses.exams.scoreHint')}</Text>
        </Alert>
      </Group>
      {errors._ && <Alert color="red">{errors._}</Alert>}
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('courses.exams.person')}</Table.Th>
            <Table.Th w={130}>{t('courses.exams.theory')}（≥{marks.theory}）</Table.Th>
            <Table.Th w={130}>{t('courses.exams.practical')}（≥{marks.practical}）</Table.Th>
            <Table.Th w={90}>{t('courses.exams.results.absent')}</Table.Th>
            <Table.Th w={110}>{t('courses.exams.result')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody ref={gridRef}>
          {rows.map((p, row) => {
            const e = entryOf(p.personId)
            const s = rowState(p.personId)
            const hasProblem = Object.keys(s.problems).length > 0
            const result = e.absent ? 'absent' : s.send && !hasProblem ? examResult({ theory: s.theory, practical: s.practical }, marks) : null
            return (
              <Table.Tr key={p.personId} data-testid="exam-row" data-person={p.name} data-result={result ?? ''}>
                <Table.Td>
                  <Text fw={500} span>{p.name}</Text>
                  <Badge ml={6} size="xs" variant="outline" color={liveAttempts(p) > 0 ? 'orange' : 'gray'}>{t('courses.exams.attempt', { n: liveAttempts(p) + 1 })}</Badge>
                </Table.Td>
                {PARTS.map((part, col) => (
                  <Table.Td key={part}>
                    <TextInput size="xs" className="tabular" inputMode="decimal" autoComplete="off" disabled={e.absent}
                      data-row={row} data-col={col} aria-label={`${p.name} ${t(`courses.exams.${part}`)}`}
                      value={e[part]} error={errors[`${p.personId}.${part}`] ?? s.problems[part]}
                      onChange={(ev) => setEntry(p.personId, { [part]: ev.currentTarget.value })}
                      onFocus={(ev) => ev.currentTarget.select()}
                      onKeyDown={(ev) => onCellKey(ev, row, col)} />
                  </Table.Td>
                ))}
                <Table.Td>
                  <Checkbox size="xs" tabIndex={-1} aria-label={`${p.name} ${t('courses.exams.results.absent')}`} checked={e.absent}
                    onChange={(ev) => setEntry(p.personId, { absent: ev.currentTarget.checked, theory: '', practical: '' })} />
                </Table.Td>
                <Table.Td data-testid="exam-row-result">{result ? <ResultBadge result={result} /> : <Text fz="xs" c="dimmed">{t('courses.exams.notTyped')}</Text>}</Table.Td>
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      <Group justify="flex-end">
        <Button ref={saveRef} leftSection={<IconDeviceFloppy size={16} />} loading={record.isPending} onClick={save} data-testid="save-exams">{t('courses.exams.save')}</Button>
      </Group>
    </Stack>
  )
}
