import { Button, Group, Modal, SegmentedControl, Select, Stack, TextInput, Textarea } from '@mantine/core'
import { NumberField } from '../../../components/NumberField'
import { useTranslation } from 'react-i18next'
import type { ProposalView } from '@shared/contract'
import { PROPOSAL_KINDS, type ProposalKind } from '@shared/domain/assessment'
import type { TermResult } from '@shared/domain/term'
import { DateField } from '../../../components/DateField'
import { todayIso } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { TermConstraints } from '../form/TermConstraints'

interface ProposeValues {
  kind: ProposalKind
  proposedOn: string
  proposedDate: string
  months: number | ''
  decidingOrgan: string
  note: string
}

/** A proposal to the deciding organ; the legal conditions are shown above and refused at their field. */
export function ProposeModal({ personId, opened, onClose, term, approvedExtensionMonths, barReason, decidingOrgan }: {
  personId: string
  opened: boolean
  onClose: () => void
  term: TermResult | null
  approvedExtensionMonths: number
  barReason: string | null
  decidingOrgan: string
}) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('assessment:propose', {
    initialValues: { kind: 'early_release', proposedOn: todayIso(), proposedDate: term && term.earliestEarlyRelease > todayIso() ? term.earliestEarlyRelease : todayIso(), months: '', decidingOrgan, note: '' } as ProposeValues,
    check: 'input',
    toInput: (v: ProposeValues) => ({
      personId,
      kind: v.kind,
      proposedOn: v.proposedOn,
      proposedDate: v.kind === 'early_release' ? v.proposedDate || null : null,
      months: v.kind === 'early_release' || v.months === '' ? null : v.months,
      decidingOrgan: v.decidingOrgan,
      note: v.note || null,
    }),
    onSuccess: () => onClose(),
  })
  const kind = form.values.kind
  return (
    <Modal opened={opened} onClose={onClose} title={t('assessment.proposals.new')} size="lg">
      <form onSubmit={submit} data-testid="propose-form">
        <Stack gap="sm">
          <TermConstraints term={term} approvedExtensionMonths={approvedExtensionMonths} barReason={barReason} />
          <SegmentedControl data={PROPOSAL_KINDS.map((k) => ({ value: k, label: t(`assessment.proposalKinds.${k}`) }))} {...form.getInputProps('kind')} data-testid="propose-kind" />
          {form.errors.kind && (
            <div role="alert" style={{ color: 'var(--mantine-color-red-7)', fontSize: 14 }} data-testid="propose-kind-error">
              {form.errors.kind}
            </div>
          )}
          <DateField label={t('assessment.proposals.proposedOn')} {...form.getInputProps('proposedOn')} />
          {kind === 'early_release' ? (
            <DateField label={t('assessment.proposals.proposedDate')} {...form.getInputProps('proposedDate')} data-testid="propose-date" />
          ) : (
            <NumberField label={t('assessment.proposals.months')} min={1} {...form.getInputProps('months')} data-testid="propose-months" />
          )}
          <TextInput label={t('assessment.proposals.decidingOrgan')} {...form.getInputProps('decidingOrgan')} />
          <Textarea label={t('assessment.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending} data-testid="propose-submit">
              {t('assessment.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}

interface DecideValues {
  outcome: 'approved' | 'rejected'
  decisionDate: string
  documentNumber: string
  note: string
}

/** The deciding organ's decision on a pending proposal; an approval changes the term. */
export function DecideModal({ proposal, onClose }: { proposal: ProposalView; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, mutation, submit } = useContractForm('assessment:decide', {
    initialValues: { outcome: 'approved', decisionDate: todayIso(), documentNumber: '', note: '' } as DecideValues,
    check: 'input',
    toInput: (v: DecideValues) => ({ id: proposal.id, revision: proposal.revision, outcome: v.outcome, decisionDate: v.decisionDate, documentNumber: v.documentNumber, note: v.note || null }),
    onSuccess: () => onClose(),
  })
  return (
    <Modal opened onClose={onClose} title={`${t('assessment.proposals.decide')} · ${t(`assessment.proposalKinds.${proposal.kind}`)}`}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Select
            label={t('assessment.proposals.outcome')}
            data={[
              { value: 'approved', label: t('assessment.proposals.approve') },
              { value: 'rejected', label: t('assessment.proposals.reject') },
            ]}
            allowDeselect={false}
            {...form.getInputProps('outcome')}
          />
          <DateField label={t('assessment.proposals.decisionDate')} {...form.getInputProps('decisionDate')} />
          <TextInput label={t('assessment.proposals.documentNumber')} {...form.getInputProps('documentNumber')} />
          <Textarea label={t('assessment.fields.note')} autosize minRows={2} {...form.getInputProps('note')} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {t('assessment.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
