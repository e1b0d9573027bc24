import { Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core'
import type { Icon } from '@tabler/icons-react'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

/** One of the three ways: what it means, its fields and its button. */
export function ChoiceCard(props: { icon: Icon; title: string; subtitle: string; body: string; current: boolean; testId: string; children: ReactNode }) {
  const { t } = useTranslation()
  const { icon: CardIcon } = props
  return (
    <Paper withBorder p="lg" radius="md" data-testid={props.testId} style={props.current ? { borderColor: 'var(--mantine-color-blue-5)' } : undefined}>
      <Stack gap="sm" h="100%">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <ThemeIcon variant="light" size={40} radius="md">
            <CardIcon size={24} stroke={1.5} />
          </ThemeIcon>
          {props.current && <Badge variant="light">{t('connection.current')}</Badge>}
        </Group>
        <div>
          <Text fw={700} fz="lg">
            {props.title}
          </Text>
          <Text fz="sm" fw={500}>
            {props.subtitle}
          </Text>
        </div>
        <Text fz="sm" c="dimmed">
          {props.body}
        </Text>
        {props.children}
      </Stack>
    </Paper>
  )
}
