import { Alert, Button, Group, Modal, Select, Stack, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { PaperRow } from '@shared/contract'
import { useMutation } from '@tanstack/react-query'
import { api } from '../../api/client'
import { ErrorAlert } from '../../components/ErrorAlert'
import { PersonPicker, type PickedPerson } from '../psych/PersonPicker'

/** Opens a kiosk sitting for a person and switches the screen to the bare kiosk (full screen where allowed). */
export function StartKioskModal({ papers, onClose }: { papers: readonly PaperRow[]; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [paperId, setPaperId] = useState<string | null>(papers[0]?.id ?? null)
  const [person, setPerson] = useState<PickedPerson | null>(null)
  // A plain call: the app's write hook would refetch the staff lists (other people's scores) as the kiosk opens.
  const start = useMutation({ mutationFn: (input: { paperId: string; personId: string }) => api.invoke('knowledge:startSitting', { ...input, mode: 'kiosk' }) })
  const go = async () => {
    if (!paperId || !person) return
    const { attemptId } = await start.mutateAsync({ paperId, personId: person.id })
    // Full screen needs this click's user gesture; where refused (a browser setting) the bare page still shows alone.
    document.documentElement.requestFullscreen?.().catch(() => undefined)
    await navigate(`/kiosk/knowledge/${attemptId}`)
  }
  return (
    <Modal opened onClose={onClose} title={t('knowledge.sittings.startKiosk')}>
      <Stack>
        <Select label={t('knowledge.sittings.pickPaper')} data={papers.map((p) => ({ value: p.id, label: `${p.title}（${p.itemCount}）` }))} value={paperId} onChange={setPaperId} allowDeselect={false} data-testid="kiosk-paper" />
        <PersonPicker label={t('knowledge.sittings.pickPerson')} onPick={setPerson} />
        {person && <Text fz="sm">{person.name}</Text>}
        <Alert variant="light" color="blue">{t('knowledge.sittings.kioskHint')}</Alert>
        {start.isError && <ErrorAlert error={start.error} />}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void go()} disabled={!paperId || !person} loading={start.isPending} data-testid="kiosk-start">
            {t('knowledge.sittings.start')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
