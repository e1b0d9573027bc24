import { Alert, Button, Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { FitnessTestView } from '@shared/contract'
import type { FitnessStandard } from '@shared/domain/fitness'
import { useApiMutation } from '../../../api/hooks'
import { useErrorText } from '../../../i18n/errorText'
import { useStandardLabel } from '../fitnessUi'

/**
 * Grades a saved test again under another standard (a provincial or women's standard added as a file, a newer version).
 * The raw measurements are used as recorded; the new grading is kept beside the original, which stays the test's own.
 */
export function RegradeModal({ test, standards, onClose }: { test: FitnessTestView; standards: readonly FitnessStandard[]; onClose: () => void }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const standardLabel = useStandardLabel()
  const others = standards.filter((s) => s.id !== test.standardId)
  const [standardId, setStandardId] = useState<string | null>(others[0]?.id ?? null)
  const [note, setNote] = useState('')
  const regrade = useApiMutation('fitness:regrade', { notifyError: false, success: t('fitness.person.regraded') })
  const failure = regrade.error ? errorText(regrade.error) : null
  return (
    <Modal opened onClose={onClose} title={`${t('fitness.person.regradeTitle')} · ${test.date}`}>
      <Stack>
        <Text fz="sm" c="dimmed">
          {t('fitness.person.regradeHint')}
        </Text>
        {others.length === 0 ? (
          <Alert color="gray">{t('fitness.person.regradeNoOther')}</Alert>
        ) : (
          <>
            <Select
              label={t('fitness.standard')}
              data={others.map((s) => ({ value: s.id, label: standardLabel(s) }))}
              value={standardId}
              onChange={setStandardId}
              allowDeselect={false}
              data-testid="regrade-standard"
            />
            <TextInput label={t('fitness.person.regradeNote')} description={t('fitness.person.regradeNoteHint')} maxLength={300} value={note} onChange={(e) => setNote(e.currentTarget.value)} />
          </>
        )}
        {failure && <Alert color="red">{failure}</Alert>}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!standardId || others.length === 0}
            loading={regrade.isPending}
            onClick={() => standardId && regrade.mutate({ personId: test.personId, id: test.id, standardId, note: note.trim() || null }, { onSuccess: onClose })}
          >
            {t('fitness.person.regrade')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
