import { Button, Group } from '@mantine/core'
import { IconFileImport, IconPlus } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { PageHeader } from '../../components/PageHeader'
import { useCan, useUser } from '../auth/UserContext'
import { PeopleTable } from './PeopleTable'
import { RosterFilters } from './RosterFilters'
import { useRosterParams } from './rosterParams'

const EMPTY = { current: 'roster.emptyCurrent', past: 'roster.emptyPast', all: 'roster.emptyAll' } as const

/** Every file of the facility: by default the people in the wards; past files (released, kept for years) on demand. */
export function PeopleListPage() {
  const { t } = useTranslation()
  const can = useCan()
  const user = useUser()
  const [query, update] = useRosterParams()
  return (
    <>
      <PageHeader
        title={t('people.title')}
        subtitle={t(user.reach.read === 'own' ? 'people.subtitleOwnWards' : 'people.subtitle')}
        actions={
          <Group gap="xs">
            {can('facility.manage') && (
              <Button component={Link} to="/people/import" variant="default" leftSection={<IconFileImport size={16} />}>
                {t('import.button')}
              </Button>
            )}
            {can('people.write') && (
              <Button component={Link} to="/people/new" leftSection={<IconPlus size={16} />}>
                {t('people.new')}
              </Button>
            )}
          </Group>
        }
      />
      <RosterFilters query={query} onChange={update} withWard />
      <PeopleTable query={query} onChange={update} emptyText={t(EMPTY[query.stay])} />
    </>
  )
}
