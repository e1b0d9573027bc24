import { Anchor, Group, Stack, Text, Title } from '@mantine/core'
import { IconChevronLeft } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

interface Props {
  title?: ReactNode
  subtitle?: ReactNode
  actions?: ReactNode
  back?: { to: string; label: string }
}

export function PageHeader({ title, subtitle, actions, back }: Props) {
  return (
    <Stack gap={4} mb="md">
      {back && (
        <Anchor component={Link} to={back.to} fz="sm" c="dimmed" style={{ display: 'inline-flex', alignItems: 'center', gap: 2 }}>
          <IconChevronLeft size={14} />
          {back.label}
        </Anchor>
      )}
      {(title || actions) && (
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Title order={3} fw={600}>
            {title}
          </Title>
          {subtitle && (
            <Text c="dimmed" fz="sm">
              {subtitle}
            </Text>
          )}
        </Stack>
        {actions && <Group gap="xs">{actions}</Group>}
      </Group>
      )}
    </Stack>
  )
}
