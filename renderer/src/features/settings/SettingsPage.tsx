import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useCan } from '../auth/UserContext'
import { PsychSettingsCard } from '../psych/settings/PsychSettingsCard'
import { PageHeader } from '../../components/PageHeader'
import { useFacility } from '../shell/useFacility'
import { FacilityNameCard } from './FacilityNameCard'
import { PeriodTemplateCard } from './PeriodTemplateCard'
import { WardsSettingsCard } from './WardsSettingsCard'

export function SettingsPage() {
  const { t } = useTranslation()
  const facility = useFacility()
  const can = useCan()
  return (
    <>
      <PageHeader title={t('settings.title')} subtitle={t('settings.subtitle')} />
      {facility.isError && <ErrorAlert error={facility.error} onRetry={() => void facility.refetch()} />}
      <Stack gap="md">
        <FacilityNameCard name={facility.data?.name} />
        <WardsSettingsCard />
        <PeriodTemplateCard template={facility.data?.periodTemplate} />
        {can('psych.configure') && <PsychSettingsCard />}
      </Stack>
    </>
  )
}
