import { Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { InfoGrid } from '../../../components/InfoGrid'
import { formatInstant } from '../../../lib/format'
import { RevealIdNumber } from './RevealIdNumber'
import { RevisionHistory } from './RevisionHistory'

export function BasicTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const id = file.identity
  return (
    <Stack gap="md">
      <Paper p="lg">
        <Text fw={600} mb="md">
          {t('form.identity')}
        </Text>
        <InfoGrid
          items={[
            { label: t('field.name'), value: id.name },
            { label: t('field.sex'), value: t(`sex.${id.sex}`) },
            { label: t('field.ethnicity'), value: id.ethnicity },
            { label: t('field.birthDate'), value: t('common.withNote', { text: id.birthDate, note: t('file.age', { count: file.age }) }) },
            { label: t('field.idNumber'), value: <RevealIdNumber personId={file.id} masked={file.idNumberMasked} /> },
            { label: t('field.householdAddress'), value: id.householdAddress, span: true },
          ]}
        />
      </Paper>
      <Paper p="lg">
        <Text fw={600} mb="md">
          {t('form.decision')}
        </Text>
        <InfoGrid
          cols={4}
          items={[
            { label: t('field.decisionOrgan'), value: id.decisionOrgan },
            { label: t('field.decisionDocNo'), value: id.decisionDocNo },
            { label: t('field.decisionDate'), value: id.decisionDate },
            { label: t('field.admissionDate'), value: id.admissionDate },
          ]}
        />
      </Paper>
      <Paper p="lg">
        <Text fw={600} mb="md">
          {t('form.contact')}
        </Text>
        <InfoGrid
          items={[
            { label: t('field.emergencyContactName'), value: id.emergencyContactName },
            { label: t('field.emergencyContactRelation'), value: id.emergencyContactRelation },
            { label: t('field.emergencyContactPhone'), value: id.emergencyContactPhone },
          ]}
        />
      </Paper>
      <RevisionHistory personId={file.id} />
      <Group gap="lg">
        <Text fz="xs" c="dimmed">
          {t('file.createdBy', { at: formatInstant(file.createdAt), by: file.createdBy })}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('file.updatedBy', { at: formatInstant(file.updatedAt), by: file.updatedBy })}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('file.revision', { revision: file.revision })}
        </Text>
      </Group>
    </Stack>
  )
}
