import { Paper } from '@mantine/core'
import { IconKeyOff } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { BrandMark } from './BrandMark'
import { CenteredPage } from './CenteredPage'
import { EmptyState } from './EmptyState'

/** Browser mode only: the per-run access token is missing, wrong or from an earlier run. */
export function TokenInvalid() {
  const { t } = useTranslation()
  return (
    <CenteredPage width={520}>
      <BrandMark />
      <Paper p="xl" role="alert" data-testid="token-invalid">
        <EmptyState icon={<IconKeyOff size={24} />} title={t('token.title')} hint={t('token.body')} />
      </Paper>
    </CenteredPage>
  )
}
