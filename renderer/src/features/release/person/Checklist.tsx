import { Badge, Group, List, Text, ThemeIcon } from '@mantine/core'
import { IconAlertTriangle, IconCheck, IconCircleDashed, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { ChecklistItem } from '@shared/domain/release'
import { translateKey } from '../../../i18n/errorText'

/** The release checklist as ticks: done, missing (red for a required item, grey otherwise) and wrong (orange, with why). */
export function Checklist({ items, released }: { items: readonly ChecklistItem[]; released: boolean }) {
  const { t } = useTranslation()
  const gaps = items.filter((i) => i.required && i.state !== 'done')
  const shown = released ? items.filter((i) => i.key !== 'release_date') : items
  return (
    <div data-testid="release-checklist">
      <Group gap="xs" mb={6}>
        <Text fw={600}>{t('release.checklist.title')}</Text>
        {!released && (
          <Badge color={gaps.length === 0 ? 'teal' : 'red'} variant="light" data-testid="release-gap-count">
            {gaps.length === 0 ? t('release.checklist.allDone') : t('release.checklist.gaps', { count: gaps.length })}
          </Badge>
        )}
      </Group>
      <List spacing={4} size="sm" center>
        {shown.map((item) => (
          <List.Item key={item.key} icon={<StateIcon item={item} />} data-testid={`check-${item.key}`} data-state={item.state}>
            <Text span fz="sm">
              {t(`release.checklist.${item.key}`)}
              {!item.required && (
                <Text span c="dimmed" fz="xs">
                  {' '}
                  {t('release.checklist.optional')}
                </Text>
              )}
            </Text>
            {item.state !== 'done' && item.messageKey && (
              <Text span fz="xs" c={item.state === 'wrong' ? 'orange.8' : item.required ? 'red.7' : 'dimmed'} ml={8}>
                {translateKey(item.params ? `${item.messageKey}|${JSON.stringify(item.params)}` : item.messageKey)}
              </Text>
            )}
          </List.Item>
        ))}
      </List>
    </div>
  )
}

function StateIcon({ item }: { item: ChecklistItem }) {
  if (item.state === 'done') {
    return (
      <ThemeIcon color="teal" size={18} radius="xl">
        <IconCheck size={12} />
      </ThemeIcon>
    )
  }
  if (item.state === 'wrong') {
    return (
      <ThemeIcon color="orange" size={18} radius="xl">
        <IconAlertTriangle size={12} />
      </ThemeIcon>
    )
  }
  return item.required ? (
    <ThemeIcon color="red" size={18} radius="xl">
      <IconX size={12} />
    </ThemeIcon>
  ) : (
    <ThemeIcon color="gray" variant="light" size={18} radius="xl">
      <IconCircleDashed size={12} />
    </ThemeIcon>
  )
}
