import { Paper, Skeleton, Stack } from '@mantine/core'
import { Suspense } from 'react'
import { useTranslation } from 'react-i18next'
import { contributions } from '../../app/feature'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useCan } from '../auth/UserContext'
import { features } from '../index'
import { useFacility } from '../shell/useFacility'
import { FacilityNameCard } from './FacilityNameCard'
import { PeriodTemplateCard } from './PeriodTemplateCard'
import { TermWarningCard } from './TermWarningCard'
import { WardScopeCard } from './WardScopeCard'
import { WardsSettingsCard } from './WardsSettingsCard'

/** Other features' settings (psychology: cut-off sets, intervals, item texts). */
const CARDS = contributions(features, 'settingsCards')

export function SettingsPage() {
  const { t } = useTranslation()
  const facility = useFacility()
  const can = useCan()
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {facility.isError && <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />}
      <Stack gap="md">
        <FacilityNameCard facility={facility.data} />
        <WardsSettingsCard />
        <WardScopeCard />
        <PeriodTemplateCard facility={facility.data} />
        <TermWarningCard />
        {CARDS.filter((card) => can(card.permission)).map(({ key, Card: FeatureCard }) => (
          <Suspense key={key} fallback={<CardSkeleton />}>
            <FeatureCard />
          </Suspense>
        ))}
      </Stack>
    </>
  )
}

function CardSkeleton() {
  return (
    <Paper p="lg">
      <Skeleton h={22} w="30%" mb="md" />
      <Skeleton h={80} />
    </Paper>
  )
}
