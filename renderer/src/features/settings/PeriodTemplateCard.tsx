import { Alert, Button, Checkbox, Group, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { FacilityInfo } from '@shared/contract'
import { PERIODS, type Period, type PeriodTemplate } from '@shared/domain/periods'
import { NumberField } from '../../components/NumberField'
import { PeriodBadge } from '../../components/PeriodBadge'
import { useContractForm } from '../../lib/useContractForm'
import { useLoadedVersion } from '../../lib/useLoadedVersion'

/** Every forward move between two periods; the template allows a subset. */
const FORWARD: Array<[Period, Period]> = PERIODS.flatMap((from, i) => PERIODS.slice(i + 1).map((to): [Period, Period] => [from, to]))
const moveKey = ([a, b]: [Period, Period]) => `${a}>${b}`

export function PeriodTemplateCard({ facility }: { facility: FacilityInfo | undefined }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="sm">
        {t('settings.template')}
      </Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
        {t('settings.templateNote')}
      </Alert>
      {facility ? <TemplateEditor template={facility.periodTemplate} version={facility.versions.periodTemplate} /> : <Skeleton h={200} />}
    </Paper>
  )
}

interface TemplateValues {
  name: string
  moves: string[]
  dwell: Record<Period, number | string>
  /** The stored template version the editor started from: saving over a newer one is refused. */
  version: string
}

/** Contract paths (input.template.…) → the editor's fields. */
const templatePath = (path: string) => path.replace(/^template\.minDwellDays\./, 'dwell.').replace(/^template\./, '')

function templateValues(template: PeriodTemplate, version: string): TemplateValues {
  return {
    name: template.name,
    moves: template.moves.map(moveKey),
    dwell: {
      detox: template.minDwellDays.detox ?? '',
      education: template.minDwellDays.education ?? '',
      rehabilitation: template.minDwellDays.rehabilitation ?? '',
      return: template.minDwellDays.return ?? '',
    },
    version,
  }
}

function TemplateEditor({ template, version }: { template: PeriodTemplate; version: string }) {
  const { t } = useTranslation()
  const days = (v: number | string): number | null => (v === '' || v === null ? null : Number(v))
  const { form, mutation: save, submit } = useContractForm('facility:setPeriodTemplate', {
    initialValues: templateValues(template, version),
    check: 'input',
    rename: templatePath,
    toInput: (v) => ({
      template: {
        id: template.id,
        name: v.name.trim(),
        moves: FORWARD.filter((m) => v.moves.includes(moveKey(m))),
        minDwellDays: { detox: days(v.dwell.detox), education: days(v.dwell.education), rehabilitation: days(v.dwell.rehabilitation), return: days(v.dwell.return) },
      },
      version: v.version,
    }),
    onSuccess: (_o, _input, f) => f.resetDirty(),
  })
  useLoadedVersion(form, templateValues(template, version))
  const moves = new Set(form.values.moves)
  const toggle = (key: string, on: boolean) =>
    form.setFieldValue('moves', on ? [...form.values.moves.filter((k) => k !== key), key] : form.values.moves.filter((k) => k !== key))
  return (
    <form onSubmit={submit}>
      <Stack>
        <TextInput label={t('settings.templateName')} maw={520} {...form.getInputProps('name')} />
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
          <div>
            <Text fz="sm" fw={500} mb="xs">
              {t('settings.allowedMoves')}
            </Text>
            <Stack gap={8}>
              {FORWARD.map((m) => (
                <Checkbox
                  key={moveKey(m)}
                  checked={moves.has(moveKey(m))}
                  onChange={(e) => toggle(moveKey(m), e.currentTarget.checked)}
                  label={t('settings.fromTo', { from: t(`period.${m[0]}`), to: t(`period.${m[1]}`) })}
                />
              ))}
            </Stack>
            {moves.size === 0 && (
              <Text c="red" fz="xs" mt="xs">
                {t('settings.movesRequired')}
              </Text>
            )}
          </div>
          <div>
            <Text fz="sm" fw={500} mb="xs">
              {t('settings.minDwell')}
            </Text>
            <Stack gap={8}>
              {PERIODS.map((p) => (
                <Group key={p} gap="md" wrap="nowrap">
                  <PeriodBadge period={p} w={150} />
                  <NumberField
                    w={140}
                    size="xs"
                    min={0}
                    max={1000}
                    placeholder={t('settings.minDwellPlaceholder')}
                    aria-label={`${t('settings.minDwell')} ${t(`period.${p}`)}`}
                    {...form.getInputProps(`dwell.${p}`)}
                    rightSection={
                      <Text fz="xs" c="dimmed" pr={6}>
                        {t('settings.daysUnit')}
                      </Text>
                    }
                  />
                </Group>
              ))}
            </Stack>
          </div>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={moves.size === 0 || !form.values.name.trim()}>
            {t('settings.saveTemplate')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
