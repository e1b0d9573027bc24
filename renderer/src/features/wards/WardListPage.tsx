import { Card, SimpleGrid, Skeleton } from '@mantine/core'
import { IconBuildingCommunity } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PageHeader } from '../../components/PageHeader'
import { useWards } from './useWards'
import { WardCard } from './WardCard'

export function WardListPage() {
  const { t } = useTranslation()
  const wards = useWards()
  const list = wards.data ? [...wards.data].sort((a, b) => Number(b.active) - Number(a.active)) : []
  return (
    <>
      <PageHeader title={t('wards.title')} subtitle={t('wards.subtitle')} />
      {wards.isPending && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {[0, 1, 2].map((i) => (
            <Card key={i} padding="lg">
              <Skeleton h={22} w="40%" mb="md" />
              <Skeleton h={10} mb="md" />
              <Skeleton h={40} />
            </Card>
          ))}
        </SimpleGrid>
      )}
      {wards.isError && <ErrorAlert error={wards.error} onRetry={() => void wards.refetch()} />}
      {wards.isSuccess && list.length === 0 && (
        <Card>
          <EmptyState icon={<IconBuildingCommunity size={24} />} title={t('wards.empty')} hint={t('wards.emptyHint')} />
        </Card>
      )}
      {list.length > 0 && (
        <SimpleGrid cols={{ base: 1, md: 2, xl: 3 }}>
          {list.map((ward) => (
            <WardCard key={ward.id} ward={ward} />
          ))}
        </SimpleGrid>
      )}
    </>
  )
}
