import { Center, Loader, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'

export function FullPageLoader() {
  const { t } = useTranslation()
  return (
    <Center h="100vh">
      <Stack align="center" gap="xs">
        <Loader size="md" />
        <Text c="dimmed" fz="sm">
          {t('common.loading')}
        </Text>
      </Stack>
    </Center>
  )
}
