import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CrisisSummary } from '@shared/contract'
import { useCan } from '../auth/UserContext'
import { RiskBadge } from './psychUi'

/** Crises, highest risk first (the server's order), each opening its detail for those who run the crisis workflow. */
export function CrisisList({ crises, today, showPerson = true }: { crises: CrisisSummary[]; today: string; showPerson?: boolean }) {
  const { t } = useTranslation()
  const can = useCan()
  return (
    <Stack gap={0}>
      {crises.map((c) => {
        const followUpDue = c.status === 'open' && c.nextFollowUp !== null && c.nextFollowUp <= today
        return (
          <Group
            key={c.id}
            justify="space-between"
            wrap="nowrap"
            py={8}
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
            data-testid="psych-crisis"
            opacity={c.status === 'closed' ? 0.75 : 1}
          >
            <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
              <RiskBadge level={c.riskLevel} mt={2} />
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Group gap={8}>
                  {showPerson && (
                    <Anchor component={Link} to={`/people/${c.personId}?tab=psych`} fz="sm" fw={600}>
                      {c.personName}
                    </Anchor>
                  )}
                  {c.status === 'closed' ? (
                    <Badge size="xs" color="gray" variant="light">
                      {t('psych.crisis.closed')}
                    </Badge>
                  ) : (
                    <Badge size="xs" color="red" variant="dot">
                      {t('psych.crisis.open')}
                    </Badge>
                  )}
                </Group>
                <Text fz="sm" lineClamp={2}>
                  {c.reason}
                </Text>
                <Group gap={12}>
                  <Text fz="xs" c="dimmed">
                    {t('psych.crisis.raisedOnBy', { on: c.raisedOn, by: c.raisedBy })}
                  </Text>
                  {c.status === 'open' && c.nextFollowUp && (
                    <Text fz="xs" c={followUpDue ? 'red.7' : 'dimmed'} fw={followUpDue ? 600 : 400}>
                      {t('psych.crisis.nextFollowUpOn', { on: c.nextFollowUp })}
                    </Text>
                  )}
                  {c.status === 'closed' && c.closedOn && (
                    <Text fz="xs" c="dimmed">
                      {t('psych.crisis.closedOn', { on: c.closedOn })}
                    </Text>
                  )}
                </Group>
              </Stack>
            </Group>
            {can('psych.assess') && (
              <Button component={Link} to={`/psych/crises/${c.id}`} size="compact-sm" variant="subtle" rightSection={<IconChevronRight size={14} />} style={{ flexShrink: 0 }}>
                {t('psych.crisis.view')}
              </Button>
            )}
          </Group>
        )
      })}
    </Stack>
  )
}
