import { Alert, Button, Checkbox, Code, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { IconPrinter, IconShieldLock } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useFinishSetup } from './useFinishSetup'

/**
 * Shown once after set-up: the audit key's recovery code, to print and keep apart from the workstation (the key file
 * beside the database seals the audit log; without it or this code the log can no longer be verified).
 */
export function RecoveryCodeCard({ code }: { code: string }) {
  const { t } = useTranslation()
  const finish = useFinishSetup()
  const [kept, setKept] = useState(false)
  return (
    <Paper withBorder p="lg" radius="md" className="recovery-code-sheet" data-testid="recovery-code">
      <Stack gap="md">
        <Group gap="xs">
          <IconShieldLock size={22} stroke={1.5} />
          <Title order={3}>{t('setup.recovery.title')}</Title>
        </Group>
        <Text fz="sm">{t('setup.recovery.intro')}</Text>
        <Code block fz="lg" style={{ letterSpacing: '0.08em', wordBreak: 'break-all' }}>
          {code}
        </Code>
        <Alert color="orange" variant="light">
          {t('setup.recovery.warning')}
        </Alert>
        <Group justify="space-between" className="no-print">
          <Button variant="light" leftSection={<IconPrinter size={16} />} onClick={() => window.print()}>
            {t('setup.recovery.print')}
          </Button>
          <Group>
            <Checkbox checked={kept} onChange={(e) => setKept(e.currentTarget.checked)} label={t('setup.recovery.kept')} />
            <Button disabled={!kept} onClick={() => void finish()}>
              {t('setup.recovery.continue')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </Paper>
  )
}
