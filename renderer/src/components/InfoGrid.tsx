import { SimpleGrid, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'

export interface InfoItem {
  label: string
  value: ReactNode
  span?: boolean
}

/** Read-only label/value pairs in columns, for the person file. */
export function InfoGrid({ items, cols = 3 }: { items: InfoItem[]; cols?: number }) {
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: cols }} spacing="lg" verticalSpacing="md">
      {items.map((item) => (
        <Stack key={item.label} gap={2} style={item.span ? { gridColumn: '1 / -1' } : undefined}>
          <Text fz="xs" c="dimmed">
            {item.label}
          </Text>
          <Text fz="sm" component="div">
            {item.value === null || item.value === undefined || item.value === '' ? '—' : item.value}
          </Text>
        </Stack>
      ))}
    </SimpleGrid>
  )
}
