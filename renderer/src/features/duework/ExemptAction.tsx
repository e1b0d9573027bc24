import { Button } from '@mantine/core'
import { IconArrowBackUp, IconCircleOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DueExemptionView, DueItem } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { ReasonModal } from '../../components/ReasonModal'
import { useCan, useCanWriteInWard } from '../auth/UserContext'
import { CENTRE_RECORD_PERMISSION } from './dueLinks'
import { useRuleLabel } from './dueUi'

/**
 * Exempt an open item (a reason is required; who and when are recorded) or undo an exemption (a void with a reason).
 * Offered only to those who may record in the item's centre and ward; the core checks both again. The dialog and its
 * mutations are mounted only while open: a ward's day has a button on every row.
 */
export function ExemptAction({ item }: { item: DueItem }) {
  const { t } = useTranslation()
  const allowed = useExemptAllowed()
  const [open, setOpen] = useState(false)
  if (!allowed(item)) return null
  const exemption = item.status === 'exempt' ? item.exemption : null
  return (
    <>
      {exemption ? (
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={14} />} onClick={() => setOpen(true)} data-testid="void-exemption">
          {t('duework.item.voidExemption')}
        </Button>
      ) : (
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconCircleOff size={14} />} onClick={() => setOpen(true)} data-testid="exempt-item">
          {t('duework.item.exempt')}
        </Button>
      )}
      {open && <ExemptDialog item={item} onClose={() => setOpen(false)} />}
    </>
  )
}

/** Whether the user may exempt this open item, or undo its exemption: the centre's record permission, in its ward. */
export function useExemptAllowed(): (item: DueItem) => boolean {
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  return (item) =>
    can(CENTRE_RECORD_PERMISSION[item.centre]) &&
    canWriteIn(item.wardId) &&
    (item.status === 'due' || item.status === 'overdue' || (item.status === 'exempt' && item.exemption !== null))
}

/** The exemption dialog of an open item, or the undo dialog of an exempt one (mounted while open). */
export function ExemptDialog({ item, onClose }: { item: DueItem; onClose: () => void }) {
  return item.status === 'exempt' && item.exemption ? <VoidDialog item={item} exemption={item.exemption} onClose={onClose} /> : <NewExemptionDialog item={item} onClose={onClose} />
}

function useNames(item: DueItem) {
  const ruleLabel = useRuleLabel()
  return { rule: ruleLabel(item.rule, item.occurrence), name: item.personName }
}

function NewExemptionDialog({ item, onClose }: { item: DueItem; onClose: () => void }) {
  const { t } = useTranslation()
  const exempt = useApiMutation('duework:exempt', { success: t('duework.exempt.done') })
  return (
    <ReasonModal
      opened
      title={t('duework.exempt.title', useNames(item))}
      warning={t('duework.exempt.hint')}
      confirmLabel={t('duework.exempt.confirm')}
      loading={exempt.isPending}
      onClose={onClose}
      onConfirm={(reason) => exempt.mutateAsync({ personId: item.personId, rule: item.rule, occurrence: item.occurrence, reason })}
    />
  )
}

function VoidDialog({ item, exemption, onClose }: { item: DueItem; exemption: DueExemptionView; onClose: () => void }) {
  const { t } = useTranslation()
  const undo = useApiMutation('duework:voidExemption', { success: t('duework.exempt.voided') })
  return (
    <ReasonModal
      opened
      title={t('duework.exempt.voidTitle', useNames(item))}
      warning={t('duework.exempt.voidWarning')}
      confirmLabel={t('duework.exempt.voidConfirm')}
      loading={undo.isPending}
      onClose={onClose}
      onConfirm={(reason) => undo.mutateAsync({ id: exemption.id, revision: exemption.revision, reason })}
    />
  )
}
