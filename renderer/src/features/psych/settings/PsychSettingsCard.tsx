import { Alert, Badge, Button, Checkbox, Group, Paper, SegmentedControl, Select, SimpleGrid, Skeleton, Stack, Table, Text } from '@mantine/core'
import { IconFileImport, IconInfoCircle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { psychSettingsSchema, type InstrumentView } from '@shared/contract'
import type { PsychSettings } from '@shared/domain/psych'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { REQUIRED } from '../../../components/required'
import { useContractForm } from '../../../lib/useContractForm'
import { useBi, useInstruments, usePsychSettings } from '../psychUi'
import { ImportTextsModal } from './ImportTextsModal'

type Values = PsychSettings

/** Settings → 心理测评设置 (psych.configure): cut-off sets, rounding, screening instruments (the screening intervals are due-work rules: 待办规则), SCL-90 rule, item texts. */
export function PsychSettingsCard() {
  const { t } = useTranslation()
  const settings = usePsychSettings()
  const instruments = useInstruments()
  return (
    <Paper p="lg" data-testid="psych-settings">
      <Text fw={600} mb="sm">
        {t('psych.config.title')}
      </Text>
      <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} mb="md">
        {t('psych.config.note')}
      </Alert>
      {(settings.isError || instruments.isError) && <ErrorAlert error={settings.error ?? instruments.error} onRetry={() => void settings.refetch()} />}
      {(settings.isPending || instruments.isPending) && <Skeleton h={260} />}
      {settings.data && instruments.data && <SettingsForm key={JSON.stringify(settings.data)} settings={settings.data} instruments={instruments.data} />}
    </Paper>
  )
}

function SettingsForm({ settings, instruments }: { settings: PsychSettings & { version: string }; instruments: InstrumentView[] }) {
  const { t } = useTranslation()
  const bi = useBi()
  const [importing, setImporting] = useState<InstrumentView | null>(null)
  const initialValues: Values = {
    ...settings,
    // Only instruments that have cut-off sets (SCL-90 has none: an empty value would fail validation unseen).
    cutoffSets: Object.fromEntries(
      instruments.flatMap((i) => {
        const set = settings.cutoffSets[i.id] ?? i.activeCutoffSetId
        return set ? [[i.id, set]] : []
      }),
    ),
  }
  const { form, mutation: save, submit } = useContractForm('psych:updateSettings', {
    initialValues,
    // The input wraps the settings in `{ settings }`: the values are checked against the settings themselves.
    schema: psychSettingsSchema,
    rename: (path) => path.replace(/^settings\./, ''),
    toInput: (v) => ({
      version: settings.version,
      settings: {
        ...v,
        cutoffSets: v.cutoffSets,
      },
    }),
    onSuccess: (_o, _i, form) => form.resetDirty(),
  })
  const toggleScreening = (id: string, on: boolean) =>
    form.setFieldValue(
      'screeningInstruments',
      on ? [...form.values.screeningInstruments, id] : form.values.screeningInstruments.filter((x) => x !== id),
    )
  const screeningError = Object.entries(form.errors).find(([k]) => k.startsWith('screeningInstruments'))?.[1]
  return (
    <>
    <form onSubmit={submit}>
      <Stack gap="lg">
        <Table.ScrollContainer minWidth={760}>
          <Table data-testid="psych-instruments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('psych.instrument')}</Table.Th>
                <Table.Th w={360}>{t('psych.cutoffSet')}</Table.Th>
                <Table.Th w={110}>{t('psych.config.screening')}</Table.Th>
                <Table.Th w={220}>{t('psych.config.texts')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {instruments.map((i) => (
                <Table.Tr key={i.id} data-instrument={i.id}>
                  <Table.Td>
                    <Text fz="sm" fw={500}>
                      {i.shortName}
                    </Text>
                    <Text fz="xs" c="dimmed">
                      {bi(i.name)} · {t('psych.version', { version: i.version })} · {t('psych.config.items', { count: i.items.length })}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {i.cutoffSets.length > 1 ? (
                      <Select
                        size="xs"
                        aria-label={`${t('psych.cutoffSet')} ${i.shortName}`}
                        data={i.cutoffSets.map((c) => ({ value: c.id, label: `${bi(c.name)}${c.isDefault ? t('psych.rescore.default') : ''}` }))}
                        {...form.getInputProps(`cutoffSets.${i.id}`)}
                      />
                    ) : (
                      <Text fz="sm">{bi(i.cutoffSets[0]?.name) || '—'}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Checkbox
                      aria-label={`${t('psych.config.screening')} ${i.shortName}`}
                      checked={form.values.screeningInstruments.includes(i.id)}
                      onChange={(e) => toggleScreening(i.id, e.currentTarget.checked)}
                    />
                  </Table.Td>
                  <Table.Td>
                    {i.itemTextsShipped ? (
                      <Badge variant="light" color="teal">
                        {t('psych.config.textsShipped')}
                      </Badge>
                    ) : (
                      <Group gap={6} wrap="nowrap">
                        <Badge variant="light" color={i.itemTextsLoaded ? 'teal' : 'orange'}>
                          {i.itemTextsLoaded ? t('psych.config.textsLoaded') : t('psych.config.textsMissing')}
                        </Badge>
                        <Button size="compact-xs" variant="subtle" leftSection={<IconFileImport size={12} />} onClick={() => setImporting(i)} data-testid={`import-${i.id}`}>
                          {i.itemTextsLoaded ? t('psych.import.replace') : t('psych.import.open')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {screeningError && (
          <Text c="red" fz="xs" mt={-12}>
            {t('psych.config.screeningRequired')}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
          <Select
            label={t('psych.roundingLabel')}
            labelProps={REQUIRED}
            description={t('psych.config.roundingHint')}
            data={[
              { value: 'truncate', label: t('psych.rounding.truncate') },
              { value: 'round_half_up', label: t('psych.rounding.round_half_up') },
            ]}
            {...form.getInputProps('rounding')}
          />
          <Text fz="sm" c="dimmed" data-testid="psych-screening-days-moved">
            {t('psych.config.screeningDaysMoved')}
          </Text>
          <Stack gap={4}>
            <Text fz="sm" fw={500}>
              {t('psych.config.scl90Rule')}
            </Text>
            <Text fz="xs" c="dimmed">
              {t('psych.config.scl90RuleHint')}
            </Text>
            <SegmentedControl
              data={[
                { value: '>=', label: t('psych.config.ruleGte') },
                { value: '>', label: t('psych.config.ruleGt') },
              ]}
              {...form.getInputProps('scl90FactorRule')}
            />
          </Stack>
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending} disabled={!form.isDirty()}>
            {t('psych.config.save')}
          </Button>
        </Group>
      </Stack>
    </form>
    {importing && <ImportTextsModal instrument={importing} onClose={() => setImporting(null)} />}
    </>
  )
}
