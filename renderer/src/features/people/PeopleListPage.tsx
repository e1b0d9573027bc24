import { Button } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { useCan } from '../auth/UserContext'
import { PeopleTable } from './PeopleTable'
import { RosterFilters } from './RosterFilters'
import { useRosterParams } from './rosterParams'

export function PeopleListPage() {
  const { t } = useTranslation()
  const can = useCan()
  const [query, update] = useRosterParams()
  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t('people.subtitle')}
        actions={
          can('people.write') && (
            <Button component={Link} to="/people/new" leftSection={<IconPlus size={16} />}>
              {t('people.new')}
            </Button>
          )
        }
      />
      <RosterFilters query={query} onChange={update} withWard />
      <PeopleTable query={query} onChange={update} emptyText={t('people.empty')} />
    </>
  )
}
