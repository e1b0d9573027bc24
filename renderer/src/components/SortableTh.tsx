import { Group, Table, Text, UnstyledButton } from '@mantine/core'
import { IconChevronDown, IconChevronUp, IconSelector } from '@tabler/icons-react'
import type { ReactNode } from 'react'

interface Props<S extends string> {
  column: S
  sort: S
  dir: 'asc' | 'desc'
  onSort: (column: S) => void
  children: ReactNode
  align?: 'left' | 'right'
  w?: number | string
}

export function SortableTh<S extends string>({ column, sort, dir, onSort, children, align = 'left', w }: Props<S>) {
  const active = sort === column
  const Icon = active ? (dir === 'asc' ? IconChevronUp : IconChevronDown) : IconSelector
  return (
    <Table.Th w={w} aria-sort={active ? (dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
      <UnstyledButton onClick={() => onSort(column)} w="100%">
        <Group gap={4} justify={align === 'right' ? 'flex-end' : 'flex-start'} wrap="nowrap">
          <Text fw={600} fz="sm" c={active ? 'ink.8' : undefined}>
            {children}
          </Text>
          <Icon size={14} stroke={1.5} color={active ? 'var(--mantine-color-ink-8)' : 'var(--mantine-color-gray-5)'} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  )
}
