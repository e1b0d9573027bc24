import { Button, Group, Paper, Skeleton, Stack, Switch, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { DueSettingsView } from '@shared/contract'
import { PERIODS } from '@shared/domain/periods'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { usePeriodLabel } from '../../../components/PeriodBadge'
import { useContractForm } from '../../../lib/useContractForm'
import { useRuleLabel } from '../dueUi'
import { fromForm, limitsOf, paramsOf, RULE_KEYS, toForm, type RulesForm } from './ruleFields'

const SETTINGS_INPUT = {}

/** Settings → 应办事项规则 (duework.configure): each rule on or off, its days, and how near a milestone must be to show. */
export function DueRulesSettingsCard() {
  const { t } = useTranslation()
  const settings = useApiQuery('duework:settings', SETTINGS_INPUT)
  return (
    <Paper p="lg" data-testid="duework-settings">
      <Text fw={600}>{t('duework.settings.title')}</Text>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('duework.settings.hint')}
      </Text>
      {settings.isError && <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.isPending && <Skeleton h={240} />}
      {settings.data && <RulesForm key={settings.data.version} settings={settings.data} />}
    </Paper>
  )
}

function RulesForm({ settings }: { settings: DueSettingsView }) {
  const { t } = useTranslation()
  const ruleLabel = useRuleLabel()
  const periodLabel = usePeriodLabel()
  const { form, mutation, submit } = useContractForm('duework:setSettings', {
    initialValues: toForm(settings.rules),
    // Checked as sent (the contract input), so every message is the server's own and states the limit.
    check: 'input',
    toInput: (values: RulesForm) => ({ rules: fromForm(values), version: settings.version }),
    // The form keeps the rules under `rules.` as the input does, except the milestone days shown on their own.
    rename: (path) => (path === 'rules.milestoneDays' ? 'milestoneDays' : path === 'rules.admissionRulesFrom' ? 'admissionRulesFrom' : path),
    success: t('duework.settings.saved'),
    onSuccess: (_o, _i, f) => f.resetDirty(),
  })
  const limitText = (limits: { min: number; max: number } | null) => (limits ? t('duework.settings.limits', limits) : undefined)
  return (
    <form onSubmit={submit}>
      <Stack>
        <Table.ScrollContainer minWidth={760}>
          <Table verticalSpacing="xs" data-testid="duework-rules">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('duework.settings.rule')}</Table.Th>
                <Table.Th w={70}>{t('duework.settings.enabled')}</Table.Th>
                <Table.Th>{t('duework.settings.params')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {RULE_KEYS.map((rule) => {
                const enabled = form.getValues().rules[rule].enabled
                return (
                  <Table.Tr key={rule} data-rule={rule}>
                    <Table.Td maw={300}>
                      <Text fz="sm" fw={500}>
                        {ruleLabel(rule)}
                      </Text>
                      <Text fz="xs" c="dimmed">
                        {t(`duework.settings.about.${rule}`)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Switch aria-label={`${ruleLabel(rule)} ${t('duework.settings.enabled')}`} {...form.getInputProps(`rules.${rule}.enabled`, { type: 'checkbox' })} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="sm" align="flex-start" opacity={enabled ? 1 : 0.5}>
                        {paramsOf(rule).map((param) => (
                          <NumberField
                            key={param}
                            size="xs"
                            w={130}
                            label={t(`duework.settings.param.${param}`)}
                            description={limitText(limitsOf(rule, param))}
                            {...form.getInputProps(`rules.${rule}.${param}`)}
                          />
                        ))}
                        {rule === 'fitness_retest' && (
                          <Text fz="xs" c="dimmed" maw={220} pt={4}>
                            {t('duework.settings.fitnessInterval', { days: settings.fitnessRetestIntervalDays })}
                          </Text>
                        )}
                        {rule === 'diag_stage' &&
                          PERIODS.map((period) => (
                            <NumberField
                              key={period}
                              size="xs"
                              w={110}
                              label={t('duework.settings.periodDays', { period: periodLabel(period, true) })}
                              description={t('duework.settings.periodBlank')}
                              {...form.getInputProps(`rules.diag_stage.periodDays.${period}`)}
                            />
                          ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                )
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <NumberField
          w={260}
          label={t('duework.settings.milestoneDays')}
          description={limitText(limitsOf('milestoneDays'))}
          {...form.getInputProps('milestoneDays')}
        />
        <DateField
          w={260}
          clearable
          label={t('duework.settings.admissionRulesFrom')}
          description={t('duework.settings.admissionRulesFromHint')}
          data-testid="duework-admission-rules-from"
          {...form.getInputProps('admissionRulesFrom')}
        />
        <Group>
          <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()} data-testid="duework-settings-save">
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  )
}
