import { Divider, SimpleGrid, Text, Textarea } from '@mantine/core'
import type { GetInputPropsReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import { NumberField } from '../../../components/NumberField'
import { REQUIRED } from '../../../components/required'

type SessionFieldPath = 'durationMinutes' | `note.${'presentingIssue' | 'intervention' | 'response' | 'riskObserved' | 'plan'}`

/** The form's getInputProps, for the fields a counselling record has whether it is being written or edited. */
type InputPropsFor = (path: SessionFieldPath) => GetInputPropsReturnType

/** Duration in minutes; never clamps (the contract's 5–480 refuses what is out of range, with the limit). */
export function SessionDurationField({ inputProps }: { inputProps: InputPropsFor }) {
  const { t } = useTranslation()
  return (
    <NumberField
      label={t('psych.session.duration')}
      labelProps={REQUIRED}
      min={5}
      max={480}
      step={5}
      rightSectionWidth={48}
      rightSection={
        <Text fz="xs" c="dimmed" pr={6}>
          {t('psych.session.minutes')}
        </Text>
      }
      {...inputProps('durationMinutes')}
    />
  )
}

/** The structured note of a counselling record (主诉 … 后续计划), the same on the new-record and the edit forms. */
export function SessionNoteFields({ inputProps }: { inputProps: InputPropsFor }) {
  const { t } = useTranslation()
  return (
    <>
      <Divider label={t('psych.session.noteTitle')} labelPosition="left" />
      <Textarea label={t('psych.session.note.presentingIssue')} labelProps={REQUIRED} autosize minRows={2} {...inputProps('note.presentingIssue')} />
      <Textarea label={t('psych.session.note.intervention')} labelProps={REQUIRED} autosize minRows={2} {...inputProps('note.intervention')} />
      <Textarea label={t('psych.session.note.response')} labelProps={REQUIRED} autosize minRows={2} {...inputProps('note.response')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Textarea label={t('psych.session.note.riskObserved')} description={t('psych.session.riskHint')} autosize minRows={2} {...inputProps('note.riskObserved')} />
        <Textarea label={t('psych.session.note.plan')} autosize minRows={2} {...inputProps('note.plan')} />
      </SimpleGrid>
    </>
  )
}
