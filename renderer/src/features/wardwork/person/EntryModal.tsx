import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core'
import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConductCategory, WardRecordType, WardworkLists } from '@shared/contract'
import { isApiCallError, isSaveProblem } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { NumberField } from '../../../components/NumberField'
import { SaveErrorAlert } from '../../../components/SaveErrorAlert'
import { DraftOffer, useFormDraft } from '../../../lib/useFormDraft'
import { translateFieldError } from '../../../i18n/errorText'
import { parseDateTime, showDateTime } from '../wardworkUi'

export type Values = Record<string, string>
const TYPE_NAME = { talk: 'Talk', conduct: 'Conduct', visit: 'Visit', medical: 'Medical', measure: 'Measure' } as const

/** Blank form values of a new record of the type (today's date, the first kind of the facility's list). */
export function blankValues(type: WardRecordType, lists: WardworkLists, today: string, now: string): Values {
  const first = (l: Array<{ id: string; active: boolean }>) => l.find((e) => e.active)?.id ?? ''
  switch (type) {
    case 'talk':
      // A routine talk is the usual entry; the admission talk is the facility's first list entry.
      return { kind: lists.talkKinds.some((k) => k.id === 'routine' && k.active) ? 'routine' : first(lists.talkKinds), status: 'done', plannedOn: '', doneOn: today, staff: '', place: '', summary: '' }
    case 'conduct': {
      const category = lists.conductCategories.find((c) => c.active && c.kind === 'reward')
      return { kind: 'reward', category: category?.id ?? '', points: String(category?.defaultPoints ?? ''), on: today, reason: '', approvedBy: '' }
    }
    case 'visit':
      return { on: today, visitor: '', relation: '', kind: first(lists.visitKinds), minutes: '', officer: '', note: '' }
    case 'medical':
      return { hospital: '', outAt: showDateTime(now), backAt: '', reason: '', escort: '', outcome: '' }
    case 'measure':
      return { kind: first(lists.measureKinds), startOn: today, endOn: '', reviewOn: '', staff: '', reason: '' }
  }
}

/** Form values of a stored record (every field as text). */
export function valuesOf(record: object): Values {
  return Object.fromEntries(
    Object.entries(record).map(([k, v]) => [k, v === null || v === undefined ? '' : k === 'outAt' || k === 'backAt' ? showDateTime(String(v)) : String(v)]),
  )
}

const NUMBER_FIELDS = new Set(['points', 'minutes'])
const DATETIME_FIELDS = new Set(['outAt', 'backAt'])
const FIELDS: Record<WardRecordType, string[]> = {
  talk: ['kind', 'status', 'plannedOn', 'doneOn', 'staff', 'place', 'summary'],
  conduct: ['kind', 'category', 'points', 'on', 'reason', 'approvedBy'],
  visit: ['on', 'visitor', 'relation', 'kind', 'minutes', 'officer', 'note'],
  medical: ['hospital', 'outAt', 'backAt', 'reason', 'escort', 'outcome'],
  measure: ['kind', 'startOn', 'endOn', 'reviewOn', 'staff', 'reason'],
}

/** The input of a record/update call from the form's text values: blanks to null, numbers and times parsed. */
function toFields(type: WardRecordType, v: Values): Record<string, unknown> {
  return Object.fromEntries(
    FIELDS[type].map((name) => {
      const raw = (v[name] ?? '').trim()
      if (NUMBER_FIELDS.has(name)) return [name, raw === '' ? (name === 'minutes' ? null : NaN) : Number(raw)]
      if (DATETIME_FIELDS.has(name)) return [name, raw === '' ? (name === 'backAt' ? null : '') : parseDateTime(raw)]
      return [name, raw === '' ? null : raw]
    }),
  )
}

interface Props {
  type: WardRecordType
  personId: string
  lists: WardworkLists
  initial: Values
  /** Editing a stored record: its id and the revision it was read at. */
  editing?: { id: string; revision: number }
  title: string
  onClose: () => void
}

/**
 * One entry form for a ward record (new or edit). Enter saves, Esc closes; the server's rules come back as field-level
 * messages that state the limit (points outside the category's range, back before out, a date in the future), and
 * nothing is stored or adjusted until the form is right.
 */
export function EntryModal({ type, personId, lists, initial, editing, title, onClose }: Props) {
  const { t, i18n } = useTranslation()
  const english = i18n.language.startsWith('en')
  const [values, setValues] = useState<Values>(initial)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const method = `wardwork:${editing ? 'update' : 'record'}${TYPE_NAME[type]}` as 'wardwork:recordTalk'
  const save = useApiMutation(method, { notifyError: false })
  // A talk's summary, a visit's note: kept in this browser until saved or discarded.
  const draft = useFormDraft(`wardwork.${type}.${editing ? editing.id : `new.${personId}`}`, { values, setValues })
  const set = (name: string) => (value: string) => setValues((v) => ({ ...v, [name]: value }))
  const err = (name: string) => (errors[name] ? translateFieldError(errors[name]) : undefined)
  const label = (e: { zh: string; en: string }) => (english ? e.en : e.zh)
  const options = (list: Array<{ id: string; zh: string; en: string; active: boolean }>, current: string) =>
    list.filter((e) => e.active || e.id === current).map((e) => ({ value: e.id, label: label(e) }))

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setErrors({})
    const input = { personId, ...(editing ?? {}), ...toFields(type, values) }
    save.mutate(input as never, {
      onSuccess: () => {
        draft.clear()
        onClose()
      },
      // A conflict or a lost connection is shown by SaveErrorAlert; every typed value stays.
      onError: (error) => setErrors(isApiCallError(error) && error.fields ? error.fields : isSaveProblem(error) ? {} : { _: error.message }),
    })
  }

  const text = (name: string, labelKey: string, props: { required?: boolean; autoFocus?: boolean; description?: string } = {}) => (
    <TextInput key={name} label={t(labelKey as never)} value={values[name] ?? ''} onChange={(e) => set(name)(e.currentTarget.value)} error={err(name)} data-autofocus={props.autoFocus || undefined} withAsterisk={props.required} description={props.description} name={name} data-testid={`ww-${name}`} />
  )
  const area = (name: string, labelKey: string, required = false) => (
    <Textarea key={name} label={t(labelKey as never)} value={values[name] ?? ''} onChange={(e) => set(name)(e.currentTarget.value)} error={err(name)} withAsterisk={required} autosize minRows={2} name={name} data-testid={`ww-${name}`} />
  )
  const date = (name: string, labelKey: string, required = false) => (
    <DateField key={name} label={t(labelKey as never)} value={values[name] ?? ''} onChange={set(name)} error={err(name)} withAsterisk={required} clearable={!required} name={name} data-testid={`ww-${name}`} />
  )
  const select = (name: string, labelKey: string, data: Array<{ value: string; label: string }>, onChange?: (v: string) => void) => (
    <Select key={name} label={t(labelKey as never)} value={values[name] ?? ''} data={data} allowDeselect={false} withAsterisk error={err(name)} onChange={(v) => v && (onChange ?? set(name))(v)} name={name} data-testid={`ww-${name}`} />
  )

  const category: ConductCategory | undefined = lists.conductCategories.find((c) => c.id === values.category)
  const body = () => {
    switch (type) {
      case 'talk':
        return [
          <SimpleGrid key="g1" cols={2}>
            {select('kind', 'wardwork.talk.kind', options(lists.talkKinds, initial.kind ?? ''))}
            {select('status', 'wardwork.talk.status', (['planned', 'done', 'cancelled'] as const).map((s) => ({ value: s, label: t(`wardwork.talk.statuses.${s}`) })))}
            {date('plannedOn', 'wardwork.talk.plannedOn', values.status === 'planned')}
            {date('doneOn', 'wardwork.talk.doneOn', values.status === 'done')}
            {text('staff', 'wardwork.talk.staff')}
            {text('place', 'wardwork.talk.place')}
          </SimpleGrid>,
          area('summary', 'wardwork.talk.summary'),
        ]
      case 'conduct':
        return [
          <SimpleGrid key="g1" cols={2}>
            {select('kind', 'wardwork.conduct.kind', (['reward', 'sanction'] as const).map((k) => ({ value: k, label: t(`wardwork.conduct.kinds.${k}`) })), (kind) => {
              const first = lists.conductCategories.find((c) => c.active && c.kind === kind)
              setValues((v) => ({ ...v, kind, category: first?.id ?? '', points: first ? String(first.defaultPoints) : '' }))
            })}
            {select('category', 'wardwork.conduct.category', options(lists.conductCategories.filter((c) => c.kind === values.kind), initial.category ?? ''), (id) => {
              const c = lists.conductCategories.find((x) => x.id === id)
              setValues((v) => ({ ...v, category: id, points: c ? String(c.defaultPoints) : v.points ?? '' }))
            })}
            <NumberField
              key="points"
              label={t('wardwork.conduct.points')}
              value={values.points ?? ''}
              onChange={(v) => set('points')(String(v))}
              description={category ? t('wardwork.conduct.pointsHint', { min: category.minPoints, max: category.maxPoints }) : undefined}
              error={err('points')}
              withAsterisk
              data-testid="ww-points"
            />
            {date('on', 'wardwork.conduct.on', true)}
          </SimpleGrid>,
          area('reason', 'wardwork.conduct.reason', true),
          text('approvedBy', 'wardwork.conduct.approvedBy'),
        ]
      case 'visit':
        return [
          <SimpleGrid key="g1" cols={2}>
            {date('on', 'wardwork.visit.on', true)}
            {select('kind', 'wardwork.visit.kind', options(lists.visitKinds, initial.kind ?? ''))}
            {text('visitor', 'wardwork.visit.visitor', { required: true, autoFocus: true })}
            {text('relation', 'wardwork.visit.relation')}
            <NumberField key="minutes" label={t('wardwork.visit.minutes')} value={values.minutes ?? ''} onChange={(v) => set('minutes')(String(v))} error={err('minutes')} data-testid="ww-minutes" />
            {text('officer', 'wardwork.visit.officer')}
          </SimpleGrid>,
          area('note', 'wardwork.visit.note'),
        ]
      case 'medical':
        return [
          text('hospital', 'wardwork.medical.hospital', { required: true, autoFocus: true }),
          <SimpleGrid key="g1" cols={2}>
            {text('outAt', 'wardwork.medical.outAt', { required: true, description: t('wardwork.medical.timeHint') })}
            {text('backAt', 'wardwork.medical.backAt', { description: t('wardwork.medical.timeHint') })}
          </SimpleGrid>,
          area('reason', 'wardwork.medical.reason', true),
          text('escort', 'wardwork.medical.escort'),
          area('outcome', 'wardwork.medical.outcome'),
        ]
      case 'measure':
        return [
          <SimpleGrid key="g1" cols={2}>
            {select('kind', 'wardwork.measure.kind', options(lists.measureKinds, initial.kind ?? ''))}
            {text('staff', 'wardwork.measure.staff')}
            {date('startOn', 'wardwork.measure.startOn', true)}
            {date('endOn', 'wardwork.measure.endOn')}
            {date('reviewOn', 'wardwork.measure.reviewOn')}
          </SimpleGrid>,
          area('reason', 'wardwork.measure.reason', true),
        ]
    }
  }

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <form onSubmit={submit} data-testid={`ww-form-${type}`}>
        <Stack>
          <DraftOffer draft={draft} />
          {body()}
          {errors._ && <Alert color="red">{errors._}</Alert>}
          <SaveErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('wardwork.common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending} data-testid="ww-save">
              {t('wardwork.common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
