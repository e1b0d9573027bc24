import { Alert, Button, Group } from '@mantine/core'
import { IconShieldCheck, IconShieldX } from '@tabler/icons-react'
import { useMutation } from '@tanstack/react-query'
import { useTranslation } from 'react-i18next'
import type { AuditVerifyResult } from '@shared/contract'
import { api } from '../../api/client'
import { useErrorText } from '../../i18n/errorText'

/** Re-walks the hash chain on demand (a read, so not a cache-invalidating mutation). */
export function useVerify() {
  return useMutation<AuditVerifyResult, Error>({ mutationFn: () => api.invoke('audit:verify', {}) })
}

export function VerifyButton({ verify }: { verify: ReturnType<typeof useVerify> }) {
  const { t } = useTranslation()
  return (
    <Button leftSection={<IconShieldCheck size={16} />} variant="light" loading={verify.isPending} onClick={() => verify.mutate()}>
      {t('audit.verify')}
    </Button>
  )
}

export function VerifyResult({ verify }: { verify: ReturnType<typeof useVerify> }) {
  const { t } = useTranslation()
  const errorText = useErrorText()
  if (verify.isError) {
    return (
      <Alert color="red" variant="light" mb="md">
        {errorText(verify.error)}
      </Alert>
    )
  }
  const r = verify.data
  if (!r) return null
  return r.ok ? (
    <Alert color="teal" variant="light" icon={<IconShieldCheck size={18} />} mb="md" data-testid="verify-result">
      {t('audit.verifyOk', { rows: r.rows })}
    </Alert>
  ) : (
    <Alert color="red" variant="light" icon={<IconShieldX size={18} />} mb="md" data-testid="verify-result">
      <Group gap="xs">{t('audit.verifyBroken', { rows: r.rows, brokenAt: r.brokenAt, problem: r.problem })}</Group>
    </Alert>
  )
}
