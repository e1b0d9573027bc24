import { Anchor, Badge, Button, Group, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ReferralRow } from '@shared/contract/employment'
import { useApiMutation } from '../../api/hooks'
import { ReasonModal } from '../../components/ReasonModal'
import { formatDate } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { AgreementModal, OutcomeModal } from './referralModals'

type Column = 'person' | 'event' | 'employer'

/** Referrals with their agreement and after-release outcome, and the actions each allows (staff who record only). */
export function ReferralTable({ rows, today, columns }: { rows: readonly ReferralRow[]; today: string; columns: readonly Column[] }) {
  const { t } = useTranslation()
  const can = useCan()
  const canRecord = can('vocational.record')
  const [agreement, setAgreement] = useState<ReferralRow | null>(null)
  const [outcome, setOutcome] = useState<ReferralRow | null>(null)
  const [voiding, setVoiding] = useState<ReferralRow | null>(null)
  const voidReferral = useApiMutation('employment:voidReferral')
  return (
    <>
      <Table striped withTableBorder data-testid="referral-table">
        <Table.Thead>
          <Table.Tr>
            {columns.includes('person') && <Table.Th>{t('employment.name')}</Table.Th>}
            {columns.includes('person') && <Table.Th>{t('employment.ward')}</Table.Th>}
            {columns.includes('employer') && <Table.Th>{t('employment.employer')}</Table.Th>}
            {columns.includes('event') && <Table.Th>{t('employment.person.event')}</Table.Th>}
            <Table.Th>{t('employment.position')}</Table.Th>
            <Table.Th>{t('employment.referredOn')}</Table.Th>
            <Table.Th>{t('employment.agreement')}</Table.Th>
            <Table.Th>{t('employment.jobTaken')}</Table.Th>
            {canRecord && <Table.Th />}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => {
            const released = r.wardName === null
            const live = r.voided === null
            return (
              <Table.Tr key={r.id} data-testid="referral-row" data-person-id={r.personId} style={live ? undefined : { opacity: 0.55, textDecoration: 'line-through' }}>
                {columns.includes('person') && (
                  <Table.Td><Anchor component={Link} to={`/people/${r.personId}?tab=vocational`}>{r.name}</Anchor></Table.Td>
                )}
                {columns.includes('person') && <Table.Td>{r.wardName ?? <Badge color="gray" variant="light">{t('employment.released')}</Badge>}</Table.Td>}
                {columns.includes('employer') && <Table.Td>{r.employer}</Table.Td>}
                {columns.includes('event') && (
                  <Table.Td>
                    {r.eventId ? <Anchor component={Link} to={`/employment/events/${r.eventId}`}>{t(`employment.kind.${r.eventKind ?? 'job_fair'}`)}</Anchor> : t('employment.person.direct')}
                  </Table.Td>
                )}
                <Table.Td>{r.position ?? '—'}</Table.Td>
                <Table.Td className="tabular">{formatDate(r.referredOn)}</Table.Td>
                <Table.Td>
                  {!live ? <Badge color="gray">{t('employment.voided')}</Badge> : r.agreementSignedOn ? <Badge color="teal" variant="light" data-testid="agreement-signed">{formatDate(r.agreementSignedOn)}</Badge> : <Text fz="sm" c="dimmed">{t('employment.notSigned')}</Text>}
                </Table.Td>
                <Table.Td>
                  {r.jobTaken ? <Badge color={r.jobTaken === 'yes' ? 'teal' : 'orange'} variant="light">{t(`employment.jobTakenValues.${r.jobTaken}`)}</Badge> : r.agreementSignedOn ? <Text fz="sm" c="dimmed">{released ? t('employment.unknown') : t('employment.notReleased')}</Text> : '—'}
                </Table.Td>
                {canRecord && (
                  <Table.Td>
                    {live && (
                      <Group gap={4} wrap="nowrap">
                        {!r.agreementSignedOn && <Button size="compact-xs" variant="light" onClick={() => setAgreement(r)} data-testid="record-agreement">{t('employment.recordAgreement')}</Button>}
                        {r.agreementSignedOn && released && <Button size="compact-xs" variant="light" onClick={() => setOutcome(r)} data-testid="record-outcome">{t('employment.recordOutcome')}</Button>}
                        <Button size="compact-xs" variant="subtle" color="red" onClick={() => setVoiding(r)}>{t('employment.voidReferral')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            )
          })}
        </Table.Tbody>
      </Table>
      {agreement && <AgreementModal referral={agreement} today={today} onClose={() => setAgreement(null)} />}
      {outcome && <OutcomeModal referral={outcome} today={today} onClose={() => setOutcome(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('employment.voidReferralTitle')}
        warning={t('employment.voidReferralWarning')}
        loading={voidReferral.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidReferral.mutateAsync({ id: voiding!.id, revision: voiding!.revision, reason }).then(() => setVoiding(null))}
      />
    </>
  )
}
