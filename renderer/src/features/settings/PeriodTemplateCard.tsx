import { Alert, Button, Checkbox, Group, NumberInput, Paper, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core'
import { IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PERIODS, type Period, type PeriodTemplate } from '@shared/domain/periods'
import { useApiMutation } from '../../api/hooks'
import { PeriodBadge } from '../../components/PeriodBadge'

/** Every forward move between two periods; the template allows a subset. */
const FORWARD: Array<[Period, Period]> = PERIODS.flatMap((from, i) => PERIODS.slice(i + 1).map((to): [Period, Period] => [from, to]))
const moveKey = ([a, b]: [Period, Period]) => `${a}>${b}`

export function PeriodTemplateCard({ template }: { template: PeriodTemplate | undefined }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg">
      <Text fw={600} mb="sm">
        {t('settings.template')}
      </Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
        {t('settings.templateNote')}
      </Alert>
      {template ? <TemplateEditor key={JSON.stringify(template)} template={template} /> : <Skeleton h={200} />}
    </Paper>
  )
}

function TemplateEditor({ template }: { template: PeriodTemplate }) {
  const { t } = useTranslation()
  const [name, setName] = useState(template.name)
  const [moves, setMoves] = useState(() => new Set(template.moves.map(moveKey)))
  const [dwell, setDwell] = useState<Record<Period, number | string>>(() => ({
    detox: template.minDwellDays.detox ?? '',
    education: template.minDwellDays.education ?? '',
    rehabilitation: template.minDwellDays.rehabilitation ?? '',
    return: template.minDwellDays.return ?? '',
  }))
  const save = useApiMutation('facility:setPeriodTemplate')
  const toggle = (key: string, on: boolean) =>
    setMoves((prev) => {
      const next = new Set(prev)
      if (on) next.add(key)
      else next.delete(key)
      return next
    })
  const days = (v: number | string): number | null => (v === '' || v === null ? null : Number(v))
  const submit = () =>
    save.mutate({
      template: {
        id: template.id,
        name: name.trim(),
        moves: FORWARD.filter((m) => moves.has(moveKey(m))),
        minDwellDays: { detox: days(dwell.detox), education: days(dwell.education), rehabilitation: days(dwell.rehabilitation), return: days(dwell.return) },
      },
    })
  return (
    <Stack>
      <TextInput label={t('settings.templateName')} maw={520} value={name} onChange={(e) => setName(e.currentTarget.value)} />
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
                <NumberInput
                  w={140}
                  size="xs"
                  min={0}
                  max={1000}
                  allowDecimal={false}
                  placeholder={t('settings.minDwellPlaceholder')}
                  aria-label={`${t('settings.minDwell')} ${t(`period.${p}`)}`}
                  value={dwell[p]}
                  onChange={(v) => setDwell((prev) => ({ ...prev, [p]: v }))}
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
        <Button onClick={submit} loading={save.isPending} disabled={moves.size === 0 || !name.trim()}>
          {t('settings.saveTemplate')}
        </Button>
      </Group>
    </Stack>
  )
}
