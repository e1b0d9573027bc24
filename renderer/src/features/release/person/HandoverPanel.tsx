import { Badge, Button, Card, Checkbox, Group, Modal, Skeleton, Stack, Text, Textarea, TextInput } from '@mantine/core'
import { IconId, IconPrinter, IconShieldCheck } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { HANDOVER_SECTIONS, type HandoverSection, type HandoverView, type ReleaseView } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { formatInstant } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { useCan } from '../../auth/UserContext'

/** The handover sheet's sections, recipient and risk notes, its privacy review, and the links to print it and the contact card. */
export function HandoverPanel({ personId, view }: { personId: string; view: ReleaseView }) {
  const handover = useApiQuery('release:handover', { personId })
  if (handover.error) return <ErrorAlert error={handover.error} onRetry={() => void handover.refetch()} />
  if (!handover.data) return <Skeleton h={160} />
  // The form is keyed by the sheet's revision so a saved edit (or another's) starts from what is stored.
  return <HandoverForm key={`${handover.data.sheet?.id ?? 'new'}-${handover.data.sheet?.revision ?? 0}`} personId={personId} data={handover.data} released={view.release?.status === 'released'} />
}

interface Values {
  sections: HandoverSection[]
  recipient: string
  riskNotes: string
}

function HandoverForm({ personId, data }: { personId: string; data: HandoverView; released: boolean }) {
  const { t } = useTranslation()
  const can = useCan()
  const [reviewing, setReviewing] = useState(false)
  const sheet = data.sheet
  const { form, submit, mutation } = useContractForm('release:saveHandover', {
    initialValues: { sections: sheet?.sections ?? HANDOVER_SECTIONS.filter((s) => s !== 'risk'), recipient: sheet?.recipient ?? data.content.release?.receiver ?? '', riskNotes: sheet?.riskNotes ?? '' } as Values,
    check: 'input',
    toInput: (v: Values) => ({
      personId,
      ...(sheet ? { id: sheet.id, revision: sheet.revision } : {}),
      sections: v.sections,
      recipient: v.recipient.trim() || null,
      riskNotes: v.sections.includes('risk') ? v.riskNotes.trim() || null : null,
    }),
    success: t('release.handover.saved'),
  })
  const reviewed = sheet?.reviewedAt != null
  return (
    <Card withBorder data-testid="handover-panel">
      <Group justify="space-between" mb={4}>
        <Text fw={600}>{t('release.handover.title')}</Text>
        <Group gap="xs">
          {sheet && (
            <Badge color={reviewed ? 'teal' : 'orange'} variant="light" data-testid="handover-review-state">
              {reviewed ? t('release.handover.reviewed', { by: sheet.reviewedByName ?? '', at: formatInstant(sheet.reviewedAt) }) : t('release.handover.notReviewed')}
            </Badge>
          )}
          {sheet && sheet.printCount > 0 && <Badge variant="light" color="gray">{t('release.handover.printCount', { count: sheet.printCount })}</Badge>}
        </Group>
      </Group>
      <Text fz="sm" c="dimmed" mb="sm">
        {sheet ? t('release.handover.intro') : t('release.handover.notSaved')}
      </Text>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Checkbox.Group {...form.getInputProps('sections')}>
            <Group gap="md">
              {HANDOVER_SECTIONS.map((s) => (
                <Checkbox key={s} value={s} label={t(`release.handover.sections.${s}`)} data-testid={`handover-section-${s}`} />
              ))}
            </Group>
          </Checkbox.Group>
          <TextInput label={t('release.handover.recipient')} {...form.getInputProps('recipient')} data-testid="handover-recipient" />
          {form.getValues().sections.includes('risk') && (
            <Textarea label={t('release.handover.riskNotes')} autosize minRows={2} {...form.getInputProps('riskNotes')} data-testid="handover-risk" />
          )}
          <Group justify="space-between">
            <Group gap="xs">
              {can('aftercare.record') && (
                <Button type="submit" variant="default" loading={mutation.isPending} data-testid="handover-save">
                  {t('release.handover.save')}
                </Button>
              )}
              {sheet && !reviewed && can('release.record') && (
                <Button variant="light" leftSection={<IconShieldCheck size={16} />} onClick={() => setReviewing(true)} data-testid="handover-review">
                  {t('release.handover.review')}
                </Button>
              )}
            </Group>
            <Group gap="xs">
              <Button component={Link} to={`/print/handover/${personId}`} variant={reviewed ? 'filled' : 'subtle'} leftSection={<IconPrinter size={16} />} data-testid="handover-print-link">
                {t('release.handover.print')}
              </Button>
              <Button component={Link} to={`/print/contact-card/${personId}`} variant="subtle" leftSection={<IconId size={16} />} data-testid="contact-card-link">
                {t('release.card.print')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
      {reviewing && sheet && <ReviewModal id={sheet.id} revision={sheet.revision} onClose={() => setReviewing(false)} />}
    </Card>
  )
}

function ReviewModal({ id, revision, onClose }: { id: string; revision: number; onClose: () => void }) {
  const { t } = useTranslation()
  const [note, setNote] = useState('')
  const review = useApiMutation('release:reviewHandover', { onSuccess: onClose })
  return (
    <Modal opened onClose={onClose} title={t('release.handover.reviewTitle')}>
      <Stack>
        <Text fz="sm">{t('release.handover.reviewText')}</Text>
        <Textarea label={t('release.handover.reviewNote')} value={note} onChange={(e) => setNote(e.currentTarget.value)} autosize minRows={2} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button loading={review.isPending} onClick={() => review.mutate({ id, revision, note: note.trim() || null })} data-testid="handover-review-confirm">
            {t('release.handover.reviewConfirm')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
