import { Button } from '@mantine/core'
import { IconArrowBackUp, IconCircleOff } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { DueItem } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { ReasonModal } from '../../components/ReasonModal'
import { useCan, useCanWriteInWard } from '../auth/UserContext'
import { CENTRE_RECORD_PERMISSION } from './dueLinks'
import { useRuleLabel } from './dueUi'

/**
 * Exempt an open item (a reason is required; who and when are recorded) or undo an exemption (a void with a reason).
 * Offered only to those who may record in the item's centre and ward; the core checks both again.
 */
export function ExemptAction({ item }: { item: DueItem }) {
  const { t } = useTranslation()
  const can = useCan()
  const canWriteIn = useCanWriteInWard()
  const ruleLabel = useRuleLabel()
  const [open, setOpen] = useState(false)
  const exempt = useApiMutation('duework:exempt', { success: t('duework.exempt.done') })
  const undo = useApiMutation('duework:voidExemption', { success: t('duework.exempt.voided') })
  if (!can(CENTRE_RECORD_PERMISSION[item.centre]) || !canWriteIn(item.wardId)) return null
  const names = { rule: ruleLabel(item.rule, item.occurrence), name: item.personName }
  if (item.status === 'exempt' && item.exemption) {
    const exemption = item.exemption
    return (
      <>
        <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconArrowBackUp size={14} />} onClick={() => setOpen(true)} data-testid="void-exemption">
          {t('duework.item.voidExemption')}
        </Button>
        <ReasonModal
          opened={open}
          title={t('duework.exempt.voidTitle', names)}
          warning={t('duework.exempt.voidWarning')}
          confirmLabel={t('duework.exempt.voidConfirm')}
          loading={undo.isPending}
          onClose={() => setOpen(false)}
          onConfirm={(reason) => undo.mutateAsync({ id: exemption.id, revision: exemption.revision, reason })}
        />
      </>
    )
  }
  if (item.status !== 'due' && item.status !== 'overdue') return null
  return (
    <>
      <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconCircleOff size={14} />} onClick={() => setOpen(true)} data-testid="exempt-item">
        {t('duework.item.exempt')}
      </Button>
      <ReasonModal
        opened={open}
        title={t('duework.exempt.title', names)}
        warning={t('duework.exempt.hint')}
        confirmLabel={t('duework.exempt.confirm')}
        loading={exempt.isPending}
        onClose={() => setOpen(false)}
        onConfirm={(reason) => exempt.mutateAsync({ personId: item.personId, rule: item.rule, occurrence: item.occurrence, reason })}
      />
    </>
  )
}
