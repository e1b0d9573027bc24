import { NavLink, Stack, Text } from '@mantine/core'
import { IconBrain, IconBuildingCommunity, IconFileSearch, IconFolders, IconSettings, IconUsersGroup } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { Permission } from '@shared/domain/roles'
import { useCan } from '../auth/UserContext'

interface Item {
  to: string
  label: string
  icon: ReactNode
  permission: Permission
}

export function NavItems() {
  const { t } = useTranslation()
  const can = useCan()
  const { pathname } = useLocation()
  const work: Item[] = [
    { to: '/wards', label: t('nav.wards'), icon: <IconBuildingCommunity size={18} stroke={1.5} />, permission: 'wards.read' },
    { to: '/people', label: t('nav.people'), icon: <IconFolders size={18} stroke={1.5} />, permission: 'people.read' },
    { to: '/psych', label: t('nav.psych'), icon: <IconBrain size={18} stroke={1.5} />, permission: 'psych.read' },
  ]
  const admin: Item[] = [
    { to: '/staff', label: t('nav.staff'), icon: <IconUsersGroup size={18} stroke={1.5} />, permission: 'staff.manage' },
    { to: '/audit', label: t('nav.audit'), icon: <IconFileSearch size={18} stroke={1.5} />, permission: 'audit.read' },
    { to: '/settings', label: t('nav.settings'), icon: <IconSettings size={18} stroke={1.5} />, permission: 'facility.manage' },
  ]
  const render = (items: Item[]) =>
    items
      .filter((item) => can(item.permission))
      .map((item) => (
        <NavLink
          key={item.to}
          component={Link}
          to={item.to}
          label={item.label}
          leftSection={item.icon}
          active={pathname === item.to || pathname.startsWith(`${item.to}/`)}
          variant="light"
          style={{ borderRadius: 'var(--mantine-radius-sm)' }}
        />
      ))
  const adminLinks = render(admin)
  return (
    <Stack gap={2}>
      <Text fz="xs" c="dimmed" fw={500} px="sm" pt="xs" pb={4}>
        {t('nav.work')}
      </Text>
      {render(work)}
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
