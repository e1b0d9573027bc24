import { Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import type { ReactNode } from 'react'

/** One headline count of the day (overdue, due, done, crises, tasks). */
export function StatCard({ label, value, color, icon, testId }: { label: string; value: number; color: string; icon: ReactNode; testId: string }) {
  return (
    <Paper p="md" data-testid={testId} data-value={value}>
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
}
