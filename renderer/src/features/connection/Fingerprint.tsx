import { SimpleGrid, Text } from '@mantine/core'
import { fingerprintGroups } from '@shared/connection'

/**
 * A SHA-256 fingerprint as people compare it: 16 groups of four hex digits, four to a row, large and monospaced, so two
 * screens can be checked group by group (the server's status page shows the same layout).
 */
export function Fingerprint({ value, size = 'lg', testId }: { value: string; size?: 'lg' | 'sm'; testId?: string }) {
  const groups = fingerprintGroups(value)
  return (
    <SimpleGrid cols={4} spacing={size === 'lg' ? 'md' : 'xs'} verticalSpacing={4} maw={size === 'lg' ? 420 : 300} data-testid={testId} aria-label={groups.join(' ')}>
      {groups.map((group, index) => (
        <Text key={index} ff="monospace" fz={size === 'lg' ? 26 : 15} fw={600} lts="0.08em" ta="center">
          {group}
        </Text>
      ))}
    </SimpleGrid>
  )
}
