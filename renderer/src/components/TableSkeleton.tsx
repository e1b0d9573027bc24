import { Skeleton, Stack } from '@mantine/core'

export function TableSkeleton({ rows = 8 }: { rows?: number }) {
  return (
    <Stack gap={8} p="sm" aria-busy="true">
      <Skeleton h={28} />
      {Array.from({ length: rows }, (_, i) => (
        <Skeleton key={i} h={22} opacity={1 - i * 0.08} />
      ))}
    </Stack>
  )
}
