import { Button, Group, Select, Skeleton } from '@mantine/core'
import { IconFileSpreadsheet, IconPlus, IconPrinter } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useNavigate, useParams } from 'react-router'
import { Forbidden } from '../../components/Forbidden'
import { NotFound } from '../../components/NotFound'
import { PageHeader } from '../../components/PageHeader'
import { PeriodBar } from './PeriodBar'
import { useCan, useUser } from '../auth/UserContext'
import { PeopleTable } from '../people/PeopleTable'
import { RosterFilters } from '../people/RosterFilters'
import { useRosterParams } from '../people/rosterParams'
import { useRosterExport } from './roster/useRosterExport'
import { useWards } from './useWards'
import { useWardPanels } from './wardPanels'

export function WardRosterPage() {
  const { t } = useTranslation()
  const { wardId = '' } = useParams()
  const can = useCan()
  const user = useUser()
  const wards = useWards()
  const panels = useWardPanels()
  const [query, update] = useRosterParams()
  const ward = wards.data?.find((w) => w.id === wardId)
  const navigate = useNavigate()
  const location = useLocation()
  const rosterExport = useRosterExport(wardId)
  // A caller limited to his wards is listed only those: another ward's address is outside his reach, not missing.
  if (wards.isSuccess && !ward) return user.reach.read === 'own' ? <Forbidden ward /> : <NotFound />
  // Another ward with the same filters and sort (the list starts at its top).
  const switchWard = (id: string | null) => {
    if (!id || id === wardId) return
    void navigate(`/wards/${id}${location.search}`)
  }
  return (
    <>
      <PageHeader
        back={{ to: '/wards', label: t('wards.title') }}
        title={ward ? `${ward.name} · ${t('roster.title')}` : <Skeleton h={28} w={200} />}
        subtitle={ward && `${t('wards.occupancy')}  ${ward.occupancy} / ${ward.capacity}`}
        actions={
          <>
            <Select
              w={150}
              value={wardId}
              onChange={switchWard}
              data={(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))}
              allowDeselect={false}
              aria-label={t('rosterPrint.switchWard')}
              data-testid="ward-switcher"
            />
            <Button component={Link} to={`/print/wards/${wardId}/roster`} variant="default" leftSection={<IconPrinter size={16} />} data-testid="roster-print-link">
              {t('rosterPrint.print')}
            </Button>
            <Button variant="default" leftSection={<IconFileSpreadsheet size={16} />} loading={rosterExport.exporting} onClick={rosterExport.run} data-testid="roster-export">
              {t('rosterPrint.export')}
            </Button>
            {panels.map(({ key, label, icon: Icon, to, testId }) => (
              <Button key={key} component={Link} to={to(wardId)} variant="default" leftSection={<Icon size={16} />} data-testid={testId}>
                {label(t)}
              </Button>
            ))}
            {can('people.write') && (
              <Button component={Link} to={`/people/new?ward=${wardId}`} variant="light" leftSection={<IconPlus size={16} />}>
                {t('people.new')}
              </Button>
            )}
          </>
        }
      />
      {ward && ward.occupancy > 0 && (
        <Group mb="md" maw={720}>
          <div style={{ flex: 1 }}>
            <PeriodBar byPeriod={ward.byPeriod} compact />
          </div>
        </Group>
      )}
      <RosterFilters query={query} onChange={update} />
      <PeopleTable query={query} onChange={update} wardId={wardId} emptyText={t('roster.empty')} />
    </>
  )
}
