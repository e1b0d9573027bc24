import { ActionIcon, Alert, Button, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { vocationalSettingsSchema, type VocationalSettings } from '@shared/contract'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'
import { useCan } from '../../auth/UserContext'
import { shareToPercent, useCourseSettings } from '../coursesUi'
import { TradesEditor } from './TradesEditor'

/**
 * Settings → 教育培训: the trades list, the education subjects, the default pass mark and the attendance a certificate
 * needs. All are the facility's own rules (no national rule was found), and the card says so.
 */
export function CoursesSettingsCard() {
  const { t } = useTranslation()
  const can = useCan()
  const settings = useCourseSettings()
  return (
    <Paper p="lg" data-testid="courses-settings">
      <Text fw={600} mb="sm">{t('courses.settings.title')}</Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">{t('courses.settings.hint')}</Alert>
      <Text fw={500} mb={4}>{t('courses.settings.trades')}</Text>
      <TradesEditor canEdit={can('vocational.record')} />
      <Text fw={500} mt="lg" mb={4}>{t('courses.settings.rules')}</Text>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Skeleton h={160} />}
      {settings.data && <RulesForm key={settings.data.version} settings={settings.data} />}
    </Paper>
  )
}

interface Values {
  passMark: number | string
  minAttendancePercent: number | string
  educationSubjects: string[]
}

function RulesForm({ settings }: { settings: VocationalSettings }) {
  const { t } = useTranslation()
  const toInput = (v: Values) => ({
    version: settings.version,
    passMark: v.passMark === '' ? Number.NaN : Number(v.passMark),
    // Shown as a percent, stored as a share (0.8): the percent's limits are checked below with its own message.
    minAttendanceRate: v.minAttendancePercent === '' ? Number.NaN : Math.round(Number(v.minAttendancePercent) * 10) / 1000,
    educationSubjects: v.educationSubjects.map((s) => s.trim()),
  })
  const { form, submit, mutation } = useContractForm('courses:setSettings', {
    initialValues: { passMark: settings.passMark, minAttendancePercent: shareToPercent(settings.minAttendanceRate), educationSubjects: settings.educationSubjects } as Values,
    check: 'input',
    schema: vocationalSettingsSchema,
    toInput,
    rename: (path) => (path === 'minAttendanceRate' ? 'minAttendancePercent' : path),
    extraValidate: (v) => {
      const p = Number(v.minAttendancePercent)
      return v.minAttendancePercent !== '' && (!Number.isFinite(p) || p < 0 || p > 100) ? { minAttendancePercent: t('courses.settings.minAttendanceHint') } : {}
    },
    success: t('courses.settings.saved'),
  })
  const subjectsError = typeof form.errors.educationSubjects === 'string' ? form.errors.educationSubjects : null
  return (
    <form onSubmit={submit}>
      <Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NumberField label={t('courses.settings.passMark')} labelProps={REQUIRED} description={t('courses.settings.passMarkHint')} decimal min={0} max={100} {...form.getInputProps('passMark')} />
          <NumberField label={t('courses.settings.minAttendance')} labelProps={REQUIRED} description={t('courses.settings.minAttendanceHint')} decimal min={0} max={100} {...form.getInputProps('minAttendancePercent')} />
        </SimpleGrid>
        <Stack gap={4}>
          <Text fz="sm" fw={500}>{t('courses.settings.subjects')}</Text>
          <Text fz="xs" c="dimmed">{t('courses.settings.subjectsHint')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
            {form.values.educationSubjects.map((_s, i) => (
              <Group key={i} gap={4} wrap="nowrap">
                <TextInput style={{ flex: 1 }} aria-label={`${t('courses.settings.subjects')} ${i + 1}`} {...form.getInputProps(`educationSubjects.${i}`)} />
                <ActionIcon variant="subtle" color="red" aria-label={t('common.clear')} onClick={() => form.removeListItem('educationSubjects', i)}><IconTrash size={14} /></ActionIcon>
              </Group>
            ))}
          </SimpleGrid>
          {subjectsError && <Text c="red" fz="sm">{subjectsError}</Text>}
        </Stack>
        <Group justify="space-between">
          <Button variant="default" size="xs" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('educationSubjects', '')}>{t('courses.settings.addSubject')}</Button>
          <Button type="submit" loading={mutation.isPending}>{t('common.save')}</Button>
        </Group>
      </Stack>
    </form>
  )
}
