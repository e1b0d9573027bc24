import { Anchor, Button, Code, Group, Modal, Stack, Text, Textarea } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../../../api/hooks'
import { REQUIRED } from '../../../components/required'

/**
 * The masked ID number with a way to see it whole: the reader states why, the reveal is recorded in the audit log, and
 * the number is shown in the dialog only (not kept on the page).
 */
export function RevealIdNumber({ personId, masked }: { personId: string; masked: string }) {
  const { t } = useTranslation()
  const [opened, modal] = useDisclosure(false)
  const [reason, setReason] = useState('')
  const reveal = useApiMutation('people:revealIdNumber', { success: false })
  const close = () => {
    modal.close()
    setReason('')
    reveal.reset()
  }
  return (
    <Group gap="xs" wrap="nowrap">
      <span>{masked}</span>
      <Anchor component="button" type="button" fz="xs" onClick={modal.open} data-testid="reveal-id">
        {t('file.revealId.open')}
      </Anchor>
      <Modal opened={opened} onClose={close} title={t('file.revealId.title')}>
        {reveal.data ? (
          <Stack>
            <Code fz="lg" data-testid="revealed-id">
              {reveal.data.idNumber}
            </Code>
            <Text fz="xs" c="dimmed">
              {t('file.revealId.recorded')}
            </Text>
            <Group justify="flex-end">
              <Button onClick={close}>{t('common.close')}</Button>
            </Group>
          </Stack>
        ) : (
          <Stack>
            <Text fz="sm">{t('file.revealId.intro')}</Text>
            <Textarea
              label={t('file.revealId.reason')}
              labelProps={REQUIRED}
              autosize
              minRows={2}
              maxLength={500}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reveal.error?.message}
              data-autofocus
            />
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button disabled={reason.trim().length < 2} loading={reveal.isPending} onClick={() => reveal.mutate({ id: personId, reason: reason.trim() })}>
                {t('file.revealId.submit')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Group>
  )
}
