import { AppShell, Box, Burger, Divider, Group, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { useConnection } from '../../api/connection'
import { BrandMark } from '../../components/BrandMark'
import { useCan } from '../auth/UserContext'
import { BANNER_HEIGHT, ConnectionBanner } from './ConnectionBanner'
import { GlobalSearch } from './GlobalSearch'
import { MOVED_BANNER_HEIGHT, MovedBanner, useMovedAt } from './MovedBanner'
import { NavItems } from './NavItems'
import { UserMenu } from './UserMenu'
import { useFacility } from './useFacility'

export function AppLayout() {
  const { t } = useTranslation()
  const can = useCan()
  const facility = useFacility()
  const [navOpen, nav] = useDisclosure(false)
  const connection = useConnection()
  // The banner is a strip above the header's own row; the header grows by it so nothing is covered.
  const movedAt = useMovedAt()
  const banner = (connection.status === 'online' ? 0 : BANNER_HEIGHT) + (movedAt ? MOVED_BANNER_HEIGHT : 0)
  return (
    <AppShell
      header={{ height: 56 + banner }}
      navbar={{ width: 212, breakpoint: 'sm', collapsed: { mobile: !navOpen } }}
      padding="lg"
      bg="gray.0"
    >
      <AppShell.Header style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <ConnectionBanner state={connection} />
        {movedAt && <MovedBanner movedAt={movedAt} />}
        <Group h={56} px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger opened={navOpen} onClick={nav.toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.work')} />
            <Box component={Link} to="/" style={{ textDecoration: 'none', color: 'inherit' }}>
              <BrandMark size={30} withText={false} />
            </Box>
            <Box visibleFrom="md" maw={360}>
              <Text fw={600} fz="md" lh={1.2} truncate data-testid="facility-name">
                {facility.data?.name ?? ' '}
              </Text>
              <Text fz="xs" c="dimmed" lh={1.2}>
                {t('app.title')}
              </Text>
            </Box>
            {can('people.read') && (
              <>
                <Divider orientation="vertical" mx={4} visibleFrom="md" />
                <GlobalSearch />
              </>
            )}
          </Group>
          <UserMenu />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" style={{ borderRight: '1px solid var(--mantine-color-gray-3)' }}>
        {/* Plain overflow, not Mantine's ScrollArea: its scrollbar measures the page (a forced layout) at every start. */}
        <AppShell.Section grow style={{ overflowY: 'auto' }}>
          <NavItems />
        </AppShell.Section>
        <AppShell.Section>
          <Text fz="xs" c="dimmed" px="sm" py="xs">
            {facility.data ? `${t('common.today')} ${facility.data.today}` : ''}
          </Text>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <Box maw={1400} mx="auto">
          <Outlet />
        </Box>
      </AppShell.Main>
    </AppShell>
  )
}
