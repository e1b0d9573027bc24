import { Button, Paper } from '@mantine/core'
import { IconMapOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from './EmptyState'

export function NotFound() {
  const { t } = useTranslation()
  return (
    <Paper p="xl">
      <EmptyState
        icon={<IconMapOff size={24} />}
        title={t('notFound.title')}
        hint={t('notFound.body')}
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            {t('forbidden.home')}
          </Button>
        }
      />
    </Paper>
  )
}
