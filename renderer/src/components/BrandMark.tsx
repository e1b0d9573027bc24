import { Box, Group, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The product mark: a square seal with 新, and optionally the product name beside it. */
export function BrandMark({ size = 32, withText = true, subtitle }: { size?: number; withText?: boolean; subtitle?: string | null }) {
  const { t } = useTranslation()
  return (
    <Group gap="sm" wrap="nowrap">
      <Box
        aria-hidden
        w={size}
        h={size}
        bg="ink.8"
        c="white"
        fw={700}
        fz={size * 0.55}
        style={{ borderRadius: 6, display: 'grid', placeItems: 'center', flexShrink: 0, lineHeight: 1 }}
      >
        新
      </Box>
      {withText && (
        <Stack gap={0}>
          <Text fw={700} fz="md" lh={1.2}>
            {t('app.name')}
            <Text span c="dimmed" fw={400} fz="sm" ml={8}>
              {t('app.subtitle')}
            </Text>
          </Text>
          {subtitle && (
            <Text fz="xs" c="dimmed" lh={1.3}>
              {subtitle}
            </Text>
          )}
        </Stack>
      )}
    </Group>
  )
}
