import { Badge, Button, Group, Paper, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core'
import { IconBan, IconEdit } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PersonFile } from '@shared/contract'
import { termWarningLabel } from '../../../components/DaysToLastDay'
import { PeriodBadge } from '../../../components/PeriodBadge'
import { useCan } from '../../auth/UserContext'
import { earlyReleaseStat } from './earlyReleaseStat'

function Stat({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed">
        {label}
      </Text>
      <Text fz="sm" fw={500} component="div" className="tabular">
        {children}
      </Text>
    </Stack>
  )
}

export function PersonHeader({ file, onVoid }: { file: PersonFile; onVoid: () => void }) {
  const { t } = useTranslation()
  const can = useCan()
  const id = file.identity
  const writable = can('people.write') && !file.voided
  const early = earlyReleaseStat(file.term, t)
  // A live file without a ward is one whose stay has ended: no current period, and its past last day is no warning.
  const past = file.wardId === null && !file.voided
  return (
    <Paper p="lg" mb="md">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={6}>
          <Group gap="sm" align="center">
            <Title order={2} fw={600} td={file.voided ? 'line-through' : undefined} data-testid="person-name">
              {id.name}
            </Title>
            {past ? (
              <Badge color="gray" size="lg" variant="light" data-testid="past-file">
                {t('roster.past')}
              </Badge>
            ) : (
              <PeriodBadge period={file.period} size="lg" />
            )}
            {file.termWarning && !past && (
              <Tooltip
                label={t(file.termWarning.kind === 'expired' ? 'termWarning.expiredHint' : 'termWarning.dueHint', {
                  lastDay: file.term.result?.lastDay ?? '',
                })}
              >
                <Badge size="lg" variant="filled" color={file.termWarning.kind === 'expired' ? 'red' : 'orange'} data-testid="term-warning">
                  {termWarningLabel(t, file.termWarning)}
                </Badge>
              </Tooltip>
            )}
            {file.voided && (
              <Badge color="red" size="lg" variant="filled">
                {t('common.voided')}
              </Badge>
            )}
          </Group>
          <Text c="dimmed" fz="sm">
            {t(`sex.${id.sex}`)} · {t('file.age', { count: file.age })} · {id.ethnicity} ·{' '}
            <Text span className="tabular" data-testid="id-masked">
              {file.idNumberMasked}
            </Text>
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap">
          {writable && (
            <Button component={Link} to={`/people/${file.id}/edit`} variant="light" leftSection={<IconEdit size={16} />}>
              {t('common.edit')}
            </Button>
          )}
          {can('people.void') && !file.voided && (
            <Button variant="subtle" color="red" leftSection={<IconBan size={16} />} onClick={onVoid}>
              {t('file.void')}
            </Button>
          )}
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} mt="lg" spacing="lg">
        {/* A live file without a ward is one whose stay has ended (kept for years, still searchable). */}
        <Stat label={t('col.ward')}>{file.wardName ?? (file.voided ? t('file.noWard') : t('roster.past'))}</Stat>
        <Stat label={t('periods.current')}>
          {past ? '—' : file.period ? t(`period.${file.period}`) : t('file.noPeriod')}
          {file.daysInPeriod != null && (
            <Text span c="dimmed" fz="xs" fw={400} ml={6}>
              {t('file.daysInPeriod', { count: file.daysInPeriod })}
            </Text>
          )}
        </Stat>
        <Stat label={t('field.decisionDate')}>{id.decisionDate}</Stat>
        <Stat label={t('field.admissionDate')}>{id.admissionDate}</Stat>
        <Stat label={t('term.lastDay')}>{file.term.result?.lastDay ?? '—'}</Stat>
        <Stat label={early.label}>
          {early.barred ? (
            <Text span c="red.7" fz="sm" fw={500} data-testid="early-release-barred">
              {early.value}
            </Text>
          ) : (
            early.value
          )}
        </Stat>
      </SimpleGrid>
    </Paper>
  )
}
