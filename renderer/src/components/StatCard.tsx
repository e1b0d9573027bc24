import { Group, Paper, Stack, Text, ThemeIcon, UnstyledButton } from '@mantine/core'
import type { ReactNode } from 'react'

interface Props {
  label: string
  value: number
  /** Mantine colour of a non-zero count (a zero count is dimmed and its icon grey). */
  color: string
  icon: ReactNode
  testId: string
  /** A count that filters the screen's list: pressed state and click. */
  toggle?: { active: boolean; onClick: () => void }
}

/** One headline count of a ward screen (overdue, due, done, crises, tasks…), optionally a filter button. */
export function StatCard({ label, value, color, icon, testId, toggle }: Props) {
  const active = toggle?.active ?? false
  const card = (
    <Paper
      p="md"
      data-testid={toggle ? undefined : testId}
      data-value={value}
      style={active ? { borderColor: `var(--mantine-color-${color}-5)`, boxShadow: 'var(--mantine-shadow-xs)' } : undefined}
    >
      <Group justify="space-between" wrap="nowrap">
        <Stack gap={0}>
          <Text fz="xs" c="dimmed">
            {label}
          </Text>
          <Text fz={26} fw={700} className="tabular" c={value > 0 ? `${color}.8` : 'dimmed'} lh={1.3}>
            {value}
          </Text>
        </Stack>
        <ThemeIcon size={40} radius="md" variant="light" color={value > 0 ? color : 'gray'}>
          {icon}
        </ThemeIcon>
      </Group>
    </Paper>
  )
  if (!toggle) return card
  return (
    <UnstyledButton onClick={toggle.onClick} data-testid={testId} aria-pressed={active}>
      {card}
    </UnstyledButton>
  )
}
