import { Button, Group, Paper, Stack, Text } from '@mantine/core'
import { useDisclosure } from '@mantine/hooks'
import { IconClockPlus, IconRun } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonFile, TermEventRow } from '@shared/contract'
import { useApiMutation } from '../../../../api/hooks'
import { ReasonModal } from '../../../../components/ReasonModal'
import { useCan } from '../../../auth/UserContext'
import { useFacility } from '../../../shell/useFacility'
import { CloseEscapeModal } from './CloseEscapeModal'
import { EarlyReleaseBar } from './EarlyReleaseBar'
import { EscapeModal } from './EscapeModal'
import { ExtensionModal } from './ExtensionModal'
import { TermEventsTable } from './TermEventsTable'
import { TermSteps } from './TermSteps'
import { TermSummary } from './TermSummary'

export function TermTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today
  const writable = can('people.write') && !file.voided
  const [extensionOpen, extension] = useDisclosure(false)
  const [escapeOpen, escape] = useDisclosure(false)
  const [closing, setClosing] = useState<TermEventRow | null>(null)
  const [voiding, setVoiding] = useState<TermEventRow | null>(null)
  const voidEvent = useApiMutation('people:voidTermEvent')
  const approved = file.termEvents.filter((e) => e.kind === 'extension' && !e.voided).reduce((sum, e) => sum + (e.months ?? 0), 0)
  return (
    <Stack gap="md">
      <TermSummary term={file.term} />
      {file.term.result && <TermSteps steps={file.term.result.steps} events={file.termEvents} />}
      <Paper p="lg">
        <Group justify="space-between" mb="sm">
          <Text fw={600}>{t('term.events')}</Text>
          {writable && (
            <Group gap="xs">
              <Button size="xs" variant="light" leftSection={<IconClockPlus size={14} />} onClick={extension.open}>
                {t('term.addExtension')}
              </Button>
              <Button size="xs" variant="light" color="red" leftSection={<IconRun size={14} />} onClick={escape.open} disabled={Boolean(file.term.openEscapeFrom)}>
                {t('term.addEscape')}
              </Button>
            </Group>
          )}
        </Group>
        <TermEventsTable events={file.termEvents} writable={writable} onCloseEscape={setClosing} onVoid={setVoiding} />
      </Paper>
      <EarlyReleaseBar personId={file.id} reason={file.term.earlyReleaseBarReason} writable={writable} />
      <ExtensionModal
        personId={file.id}
        approved={approved}
        decisionDate={file.identity.decisionDate}
        today={today}
        expired={file.termWarning?.kind === 'expired' && file.term.result ? { lastDay: file.term.result.lastDay, days: file.termWarning.days } : null}
        opened={extensionOpen}
        onClose={extension.close}
      />
      <EscapeModal personId={file.id} today={today} opened={escapeOpen} onClose={escape.close} />
      {closing && <CloseEscapeModal key={closing.id} personId={file.id} event={closing} today={today} onClose={() => setClosing(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('term.voidEventTitle')}
        confirmLabel={t('term.voidEvent')}
        loading={voidEvent.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidEvent.mutateAsync({ id: file.id, eventId: voiding?.id ?? '', reason })}
      />
    </Stack>
  )
}
