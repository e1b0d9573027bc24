import { Alert, Button, Group, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FitnessTestView } from '@shared/contract'
import { FITNESS_MEASURES, MEASURE_ITEM, type FitnessMeasure, type FitnessStandard, type Measurements } from '@shared/domain/fitness'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { useErrorText } from '../../../i18n/errorText'
import { checkMeasure } from '../day/measureCheck'
import { measureText } from '../day/measureText'
import { useProblemText } from '../day/useDayGrid'

/**
 * Corrects one saved test's values. The edit names the revision it was read at: if someone changed the test in the
 * meantime the server refuses it and says so (nothing is overwritten); the test is graded again under its standard.
 */
export function EditTestModal({ test, standard, onClose }: { test: FitnessTestView; standard: FitnessStandard | null; onClose: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const problemText = useProblemText()
  const measures = FITNESS_MEASURES.filter((m) => test.grading.applicable.includes(MEASURE_ITEM[m]))
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(measures.map((m) => [m, measureText(test.measurements[m])])))
  const [note, setNote] = useState('')
  const [failure, setFailure] = useState<string | null>(null)
  const update = useApiMutation('fitness:updateTest', { notifyError: false })

  const problems: Partial<Record<FitnessMeasure, string>> = {}
  const measurements: Measurements = {}
  for (const m of measures) {
    if (!standard) break
    const check = checkMeasure(standard, m, texts[m])
    if (check.kind === 'ok') measurements[m] = check.value
    else if (check.kind !== 'empty') problems[m] = problemText(m, check)
  }
  const invalid = Object.keys(problems).length > 0

  const submit = () => {
    setFailure(null)
    update.mutate(
      { personId: test.personId, id: test.id, revision: test.revision, measurements, changeNote: note.trim() || null },
      {
        onSuccess: onClose,
        onError: (error) => setFailure(isApiCallError(error) && error.code === 'conflict' ? t('fitness.person.stale') : errorText(error)),
      },
    )
  }

  return (
    <Modal opened onClose={onClose} title={`${t('fitness.person.editTitle')} · ${test.date}`} size="lg">
      <Stack>
        <Text fz="sm" c="dimmed">
          {t('fitness.person.editHint')} {t('fitness.person.versionNote', { version: test.revision })}
        </Text>
        <SimpleGrid cols={3}>
          {measures.map((m) => (
            <TextInput
              key={m}
              label={`${t(`fitness.measures.${m}`)}${t(`fitness.units.${m}`) ? `（${t(`fitness.units.${m}`)}）` : ''}`}
              value={texts[m] ?? ''}
              onChange={(e) => setTexts({ ...texts, [m]: e.currentTarget.value })}
              error={problems[m]}
              inputMode="decimal"
              classNames={{ input: 'tabular' }}
            />
          ))}
        </SimpleGrid>
        <TextInput label={t('fitness.person.changeNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={200} />
        {failure && (
          <Alert color="red" data-testid="fitness-edit-error">
            {failure}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={submit} disabled={invalid || !standard} loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
