import { Badge, Button, Text } from '@mantine/core'
import { IconChevronRight } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { CrisisSummary } from '@shared/contract'
import { WorkItemList } from '../../components/WorkItemList'
import { useCan } from '../auth/UserContext'
import { RiskBadge } from './psychUi'

/** Crises, highest risk first (the server's order), each opening its detail for those who run the crisis workflow. */
export function CrisisList({ crises, today, showPerson = true }: { crises: CrisisSummary[]; today: string; showPerson?: boolean }) {
  const { t } = useTranslation()
  const can = useCan()
  return (
    <WorkItemList
      items={crises.map((c) => {
        const followUpDue = c.status === 'open' && c.nextFollowUp !== null && c.nextFollowUp <= today
        return {
          key: c.id,
          testId: 'psych-crisis',
          done: c.status === 'closed',
          icon: <RiskBadge level={c.riskLevel} mt={2} />,
          person: showPerson ? { name: c.personName, to: `/people/${c.personId}?tab=psych` } : undefined,
          status:
            c.status === 'closed' ? (
              <Badge size="xs" color="gray" variant="light">
                {t('psych.crisis.closed')}
              </Badge>
            ) : (
              <Badge size="xs" color="red" variant="dot">
                {t('psych.crisis.open')}
              </Badge>
            ),
          label: can('psych.assess') ? t('psych.crisis.flagLabelOpen') : t('psych.crisis.flagLabel'),
          labelLines: 2,
          meta: (
            <>
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
            </>
          ),
          action: can('psych.assess') && (
            <Button component={Link} to={`/psych/crises/${c.id}`} size="compact-sm" variant="subtle" rightSection={<IconChevronRight size={14} />}>
              {t('psych.crisis.view')}
            </Button>
          ),
        }
      })}
    />
  )
}
