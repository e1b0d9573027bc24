import { NavLink, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import { contributions, type NavItem } from '../../app/feature'
import { useCan } from '../auth/UserContext'
import { features } from '../index'

const ITEMS = contributions(features, 'navItems')

export function NavItems() {
  const { t } = useTranslation()
  const can = useCan()
  const { pathname } = useLocation()
  const render = (group: NavItem['group']) =>
    ITEMS.filter((item) => item.group === group && can(item.permission)).map((item) => (
      <NavLink
        key={item.to}
        component={Link}
        to={item.to}
        label={item.label(t)}
        leftSection={<item.icon size={18} stroke={1.5} />}
        active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
        variant="light"
        style={{ borderRadius: 'var(--mantine-radius-sm)' }}
      />
    ))
  const adminLinks = render('admin')
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" fw={500} px="sm" pt="xs" pb={4}>
        {t('nav.work')}
      </Text>
      {render('work')}
      {adminLinks.length > 0 && (
        <>
          <Text fz="xs" c="dimmed" fw={500} px="sm" pt="md" pb={4}>
            {t('nav.admin')}
          </Text>
          {adminLinks}
        </>
      )}
    </Stack>
  )
}
