import { Paper, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { PersonFile } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { TableSkeleton } from '../../components/TableSkeleton'
import { todayIso } from '../../lib/format'
import { useFacility } from '../shell/useFacility'
import { ReferralTable } from './ReferralTable'

/** The person file's 就业帮扶 section (tab 教育培训): referrals, agreements, the job taken after release. */
export function PersonEmployment({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const today = useFacility().data?.today ?? todayIso()
  const referrals = useApiQuery('employment:person', { personId: file.id })
  return (
    <Paper p="lg" data-testid="person-employment">
      <Stack gap="sm">
        <Title order={5}>{t('employment.person.title')}</Title>
        {referrals.isError && <ErrorAlert error={referrals.error} onRetry={() => void referrals.refetch()} />}
        {referrals.isPending && <TableSkeleton rows={2} />}
        {referrals.data && referrals.data.length === 0 && <Text c="dimmed" fz="sm">{t('employment.person.empty')}</Text>}
        {referrals.data && referrals.data.length > 0 && <ReferralTable rows={referrals.data} today={today} columns={['employer', 'event']} />}
      </Stack>
    </Paper>
  )
}
