import { Stack, Text, ThemeIcon } from '@mantine/core'
import { IconInbox } from '@tabler/icons-react'
import type { ReactNode } from 'react'

export function EmptyState({ title, hint, icon, action }: { title: string; hint?: string; icon?: ReactNode; action?: ReactNode }) {
  return (
    <Stack align="center" gap={6} py={48}>
      <ThemeIcon size={44} radius="xl" variant="light" color="gray">
        {icon ?? <IconInbox size={24} />}
      </ThemeIcon>
      <Text fw={500}>{title}</Text>
      {hint && (
        <Text c="dimmed" fz="sm" ta="center" maw={420}>
          {hint}
        </Text>
      )}
      {action}
    </Stack>
  )
}
