import { Alert, Anchor, Group, Text } from '@mantine/core'
import { IconUrgent } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useApiQuery } from '../../../api/hooks'
import { useCan } from '../../auth/UserContext'

/** A red banner over the person file while a crisis is open (psych.read). */
export function CrisisBanner({ personId }: { personId: string }) {
  const { t } = useTranslation()
  const can = useCan()
  const crises = useApiQuery('psych:crises', { personId, status: 'open' }, { enabled: can('psych.read') })
  const open = crises.data ?? []
  if (open.length === 0) return null
  return (
    <Alert color="red" variant="filled" icon={<IconUrgent size={22} />} mb="md" data-testid="crisis-banner" title={t('psych.crisis.banner', { count: open.length })}>
      <Group gap="lg">
        {open.map((c) => (
          <Group key={c.id} gap={6} wrap="nowrap">
            <Text fz="sm" fw={700}>
              {t(`psych.risk.${c.riskLevel}`)}
            </Text>
            <Text fz="sm">{t('psych.crisis.since', { on: c.raisedOn })}</Text>
            <Anchor component={Link} to={can('psych.assess') ? `/psych/crises/${c.id}` : `?tab=psych`} c="white" fz="sm" underline="always">
              {t('psych.crisis.view')}
            </Anchor>
          </Group>
        ))}
      </Group>
    </Alert>
  )
}
