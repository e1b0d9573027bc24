import { Avatar, Group, Menu, Stack, Text, UnstyledButton } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconCheck, IconChevronDown, IconKey, IconLanguage, IconLogout } from '@tabler/icons-react'
import { Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lazyComponent } from '../../app/feature'
import { LANGUAGES } from '../../i18n'
import { useLogout } from '../auth/useLogout'
import { useUser } from '../auth/UserContext'

/**
 * Fetched when first opened: its form brings the validation library (zod, ~110 KB), which no other part of a start on
 * a roster needs.
 */
const ChangePasswordModal = lazyComponent(() => import('../auth/ChangePasswordModal').then((m) => m.ChangePasswordModal))

export function UserMenu() {
  const { t, i18n } = useTranslation()
  const user = useUser()
  const logout = useLogout()
  const [passwordOpen, password] = useDisclosure(false)
  // Mounted from its first opening on, so closing it keeps the modal's exit transition.
  const [passwordUsed, setPasswordUsed] = useState(false)
  return (
    <>
      <Menu position="bottom-end" width={220} shadow="md">
        <Menu.Target>
          <UnstyledButton data-testid="user-menu" aria-label={t('header.signedInAs')}>
            <Group gap={8} wrap="nowrap">
              <Avatar size={30} radius="xl" color="ink" variant="filled">
                {user.displayName.slice(0, 1)}
              </Avatar>
              <Stack gap={0} visibleFrom="sm">
                <Text fz="sm" fw={500} lh={1.2}>
                  {user.displayName}
                </Text>
                <Text fz="xs" c="dimmed" lh={1.2}>
                  {t(`role.${user.role}`)}
                </Text>
              </Stack>
              <IconChevronDown size={14} stroke={1.5} />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {t('header.signedInAs')} · {user.username}
          </Menu.Label>
          <Menu.Item
            leftSection={<IconKey size={16} stroke={1.5} />}
            onClick={() => {
              setPasswordUsed(true)
              password.open()
            }}
          >
            {t('header.changePassword')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={4}>
              <IconLanguage size={14} />
              {t('header.language')}
            </Group>
          </Menu.Label>
          {LANGUAGES.map((lng) => (
            <Menu.Item
              key={lng}
              onClick={() => void i18n.changeLanguage(lng)}
              rightSection={i18n.language === lng ? <IconCheck size={14} /> : null}
            >
              {t(`lang.${lng}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item color="red" leftSection={<IconLogout size={16} stroke={1.5} />} onClick={() => void logout()}>
            {t('header.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {passwordUsed && (
        <Suspense fallback={null}>
          <ChangePasswordModal opened={passwordOpen} onClose={password.close} />
        </Suspense>
      )}
    </>
  )
}
