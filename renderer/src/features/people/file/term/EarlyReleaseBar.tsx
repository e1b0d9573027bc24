import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApiMutation } from '../../../../api/hooks'
import { REQUIRED } from '../../../../components/required'

/** Another legal bar on early release (戒毒条例 §38 ¶2), recorded with a reason and lifted explicitly. */
export function EarlyReleaseBar({ personId, reason, writable }: { personId: string; reason: string | null; writable: boolean }) {
  const { t } = useTranslation()
  const [opened, modal] = useDisclosure(false)
  const [text, setText] = useState('')
  const set = useApiMutation('people:setEarlyReleaseBar', { onSuccess: modal.close })
  return (
    <Paper p="lg">
      <Group justify="space-between" align="flex-start">
        <Stack gap={4} maw={720}>
          <Text fw={600}>{t('term.bar')}</Text>
          <Text fz="sm" c={reason ? 'red.8' : 'dimmed'}>
            {reason ?? t('term.noBar')}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('term.barHint')}
          </Text>
        </Stack>
        {writable &&
          (reason ? (
            <Button variant="default" size="xs" loading={set.isPending} onClick={() => set.mutate({ id: personId, reason: null, seen: reason })}>
              {t('term.clearBar')}
            </Button>
          ) : (
            <Button variant="default" size="xs" onClick={modal.open}>
              {t('term.setBar')}
            </Button>
          ))}
      </Group>
      <Modal opened={opened} onClose={modal.close} title={t('term.setBar')}>
        <Stack>
          <Textarea label={t('term.barReason')} labelProps={REQUIRED} autosize minRows={3} value={text} onChange={(e) => setText(e.currentTarget.value)} data-autofocus />
          <Group justify="flex-end">
            <Button variant="default" onClick={modal.close}>
              {t('common.cancel')}
            </Button>
            <Button disabled={text.trim().length < 2} loading={set.isPending} onClick={() => set.mutate({ id: personId, reason: text.trim(), seen: reason })}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  )
}
