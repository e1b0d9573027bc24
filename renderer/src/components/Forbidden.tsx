import { Button, Paper } from '@mantine/core'
import { IconLock } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { EmptyState } from './EmptyState'

/** Shown instead of a page the signed-in user may not open (HTTP-style 403): for his role, or outside his wards. */
export function Forbidden({ ward = false }: { ward?: boolean }) {
  const { t } = useTranslation()
  return (
    <Paper p="xl" data-testid="forbidden" role="alert">
      <EmptyState
        icon={<IconLock size={24} />}
        title={t('forbidden.title')}
        hint={t(ward ? 'forbidden.wardBody' : 'forbidden.body')}
        action={
          <Button component={Link} to="/" variant="light" mt="sm">
            {t('forbidden.home')}
          </Button>
        }
      />
    </Paper>
  )
}
