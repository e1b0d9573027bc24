import { Alert, Button, Checkbox, Group, Kbd, Paper, Progress, Stack, Text, Textarea } from '@mantine/core'
import { IconAlertTriangle, IconDeviceFloppy, IconInfoCircle, IconKeyboard } from '@tabler/icons-react'
import { useRef, useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { InstrumentView, Output } from '@shared/contract'
import type { AssessmentSetting } from '@shared/domain/psych'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { REQUIRED } from '../../../components/required'
import { translateFieldError } from '../../../i18n/errorText'
import { useBi } from '../psychUi'
import { ItemForm, type ItemFormHandle } from './ItemForm'

interface Props {
  personId: string
  instrument: InstrumentView
  setting: AssessmentSetting
  /** The administration date, or null while the date field does not hold a valid date. */
  date: string | null
  onSaved: (output: Output<'psych:submitAssessment'>) => void
  /** Extra buttons beside save (batch mode: skip this person). */
  extraActions?: ReactNode
  autoFocus?: boolean
  /** Reports how many items are answered (batch mode asks before leaving a half-entered form). */
  onProgress?: (answered: number) => void
}

/** Instructions, the item form and the save bar for one person and one instrument. */
export function AssessmentEntry({ personId, instrument, setting, date, onSaved, extraActions, autoFocus = true, onProgress }: Props) {
  const { t } = useTranslation()
  const bi = useBi()
  const form = useRef<ItemFormHandle>(null)
  const saveButton = useRef<HTMLButtonElement>(null)
  const [answers, setAnswers] = useState<Array<number | null>>(() => instrument.items.map(() => null))
  const [tried, setTried] = useState(false)
  const [incomplete, setIncomplete] = useState(false)
  const [reason, setReason] = useState('')
  const [reasonError, setReasonError] = useState<string | null>(null)
  const [invalidItems, setInvalidItems] = useState<ReadonlySet<number>>(new Set())
  const submit = useApiMutation('psych:submitAssessment', { success: false })

  const total = instrument.items.length
  const answered = answers.filter((a) => a !== null).length
  const missing = instrument.items.filter((_, i) => answers[i] === null).map((item) => item.number)
  const textsMissing = !instrument.itemTextsShipped && !instrument.itemTextsLoaded

  const save = () => {
    setTried(true)
    setReasonError(null)
    if (!date) return
    if (missing.length > 0 && !incomplete) {
      form.current?.focusItem(instrument.items.findIndex((_, i) => answers[i] === null))
      return
    }
    if (missing.length > 0 && !reason.trim()) {
      setReasonError(t('psych.assess.reasonRequired'))
      return
    }
    submit.mutate(
      {
        personId,
        instrumentId: instrument.id,
        setting,
        administeredOn: date,
        answers,
        incompleteReason: missing.length > 0 ? reason.trim() : undefined,
      },
      {
        onSuccess: onSaved,
        onError: (error) => {
          if (!isApiCallError(error) || !error.fields) return
          const items = new Set<number>()
          for (const [path, key] of Object.entries(error.fields)) {
            if (path === 'incompleteReason') setReasonError(translateFieldError(key))
            const m = /^answers\.(\d+)$/.exec(path)
            if (m) items.add(Number(m[1]) + 1)
          }
          setInvalidItems(items)
        },
      },
    )
  }

  return (
    <Stack gap="md">
      {(instrument.instructions || instrument.recallPeriod) && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} title={t('psych.assess.instructions')}>
          <Stack gap={4}>
            {instrument.instructions && <Text fz="sm">{bi(instrument.instructions)}</Text>}
            {instrument.recallPeriod && (
              <Text fz="sm" c="dimmed">
                {t('common.labelValue', { label: t('psych.assess.recallPeriod'), value: bi(instrument.recallPeriod) })}
              </Text>
            )}
          </Stack>
        </Alert>
      )}
      {textsMissing && (
        <Alert color="orange" variant="light" icon={<IconAlertTriangle size={18} />} title={t('psych.assess.noTextsTitle')} data-testid="no-texts-note">
          <Text fz="sm">{t('psych.assess.noTextsBody')}</Text>
          <Text fz="xs" c="dimmed" mt={4}>
            {bi(instrument.licenceNote)}
          </Text>
        </Alert>
      )}
      <Paper p="md">
        <Group gap={8} mb="sm" c="dimmed" fz="xs" wrap="wrap">
          <IconKeyboard size={16} stroke={1.5} />
          <Text fz="xs">{t('psych.assess.keysDigits', { values: instrument.responseOptions.map((o) => o.value).join(' / ') })}</Text>
          <Text fz="xs">
            <Kbd size="xs">Backspace</Kbd> {t('psych.assess.keysBack')}
          </Text>
          <Text fz="xs">
            <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> {t('psych.assess.keysMove')}
          </Text>
          <Text fz="xs">
            <Kbd size="xs">←</Kbd> <Kbd size="xs">→</Kbd> {t('psych.assess.keysOption')}
          </Text>
        </Group>
        <ItemForm
          ref={form}
          instrument={instrument}
          answers={answers}
          onChange={(next) => {
            setAnswers(next)
            onProgress?.(next.filter((a) => a !== null).length)
            if (invalidItems.size > 0) setInvalidItems(new Set())
          }}
          showMissing={tried && !incomplete}
          invalidItems={invalidItems}
          onLast={() => saveButton.current?.focus()}
          autoFocus={autoFocus}
        />
      </Paper>
      <Paper p="md" className="psych-savebar">
        <Stack gap="sm">
          <Group justify="space-between" wrap="nowrap" gap="lg">
            <Stack gap={4} style={{ flex: 1 }} maw={420}>
              <Text fz="sm" fw={500} className="tabular" data-testid="answer-progress">
                {t('psych.assess.progress', { answered, total })}
              </Text>
              <Progress value={total ? (answered / total) * 100 : 0} color={answered === total ? 'teal' : 'ink'} size="sm" aria-hidden />
            </Stack>
            <Group gap="xs" wrap="nowrap">
              {extraActions}
              <Button ref={saveButton} leftSection={<IconDeviceFloppy size={16} />} onClick={save} loading={submit.isPending} disabled={!date}>
                {t('psych.assess.save')}
              </Button>
            </Group>
          </Group>
          {tried && missing.length > 0 && !incomplete && (
            <Alert color="yellow" variant="light" p="xs" icon={<IconAlertTriangle size={16} />} data-testid="missing-items">
              {t('psych.assess.missing', { count: missing.length, items: missing.join('、') })}
            </Alert>
          )}
          <Group align="flex-start" gap="md" wrap="nowrap">
            <Checkbox
              mt={6}
              label={t('psych.assess.incomplete')}
              checked={incomplete}
              onChange={(e) => setIncomplete(e.currentTarget.checked)}
              disabled={missing.length === 0 && !incomplete}
            />
            {incomplete && (
              <Textarea
                style={{ flex: 1 }}
                label={t('psych.assess.incompleteReason')}
                labelProps={REQUIRED}
                description={missing.length > 0 ? t('psych.assess.incompleteHint') : t('psych.assess.incompleteNone')}
                autosize
                minRows={1}
                value={reason}
                error={reasonError}
                onChange={(e) => setReason(e.currentTarget.value)}
              />
            )}
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
