import { Anchor, Group, Stack, Text } from '@mantine/core'
import type { ReactNode } from 'react'
import { Link } from 'react-router'

export interface WorkItem {
  key: string
  /** Leading mark: what kind of work it is, or how urgent. */
  icon: ReactNode
  /** The person it is about, linked to their file; left out where the list sits in that person's file. */
  person?: { name: string; to: string }
  /** Open, closed, overdue…: beside the person. */
  status?: ReactNode
  /** What is to be done or what happened. */
  label: ReactNode
  /** At most this many lines of the label (long free text). */
  labelLines?: number
  /** Small print under the label: when, by whom, links to the record. */
  meta?: ReactNode
  /** The row's button (handle, view). */
  action?: ReactNode
  /** Finished work stays listed but fades. */
  done?: boolean
  testId?: string
}

/**
 * One row of a work list (follow-up tasks, crises; due work next): person, label, when, status and one action, the same
 * shape wherever work is listed.
 */
export function WorkItemRow({ icon, person, status, label, labelLines, meta, action, done = false, testId }: Omit<WorkItem, 'key'>) {
  return (
    <Group
      justify="space-between"
      wrap="nowrap"
      py={8}
      style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
      data-testid={testId}
      opacity={done ? 0.75 : 1}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0, flex: 1 }}>
        {icon}
        <Stack gap={0} style={{ minWidth: 0 }}>
          {(person || status) && (
            <Group gap={8}>
              {person && (
                <Anchor component={Link} to={person.to} fz="sm" fw={600}>
                  {person.name}
                </Anchor>
              )}
              {status}
            </Group>
          )}
          <Text fz="sm" lineClamp={labelLines}>
            {label}
          </Text>
          {meta && <Group gap={12}>{meta}</Group>}
        </Stack>
      </Group>
      {action && <div style={{ flexShrink: 0 }}>{action}</div>}
    </Group>
  )
}

/** Work items as rows, or `empty` when there are none. */
export function WorkItemList({ items, empty = null }: { items: readonly WorkItem[]; empty?: ReactNode }) {
  if (items.length === 0) return <>{empty}</>
  return (
    <Stack gap={0}>
      {items.map(({ key, ...item }) => (
        <WorkItemRow key={key} {...item} />
      ))}
    </Stack>
  )
}
