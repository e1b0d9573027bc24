import { Badge, Button, Group, Modal, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconUserMinus, IconUserPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { TrainingMemberRow } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { DateField } from '../../components/DateField'
import { EmptyState } from '../../components/EmptyState'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FormActions } from '../../components/FormActions'
import { REQUIRED } from '../../components/required'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate } from '../../lib/format'
import { blankToUndefined } from '../../lib/forms'
import { useContractForm } from '../../lib/useContractForm'

/** A group's members over time, with joining and leaving (dated). */
export function MembersPanel({ wardId, groupId, today, canRecord }: { wardId: string; groupId: string; today: string; canRecord: boolean }) {
  const { t } = useTranslation()
  const members = useApiQuery('training:members', { wardId, groupId })
  const [adding, setAdding] = useState(false)
  const [ending, setEnding] = useState<TrainingMemberRow | null>(null)
  return (
    <Stack gap="sm">
      {canRecord && (
        <Group justify="flex-end">
          <Button size="xs" leftSection={<IconUserPlus size={14} />} onClick={() => setAdding(true)} data-testid="add-member">
            {t('training.member.add')}
          </Button>
        </Group>
      )}
      {members.isError && <ErrorAlert error={members.error} onRetry={() => void members.refetch()} />}
      {members.isPending && <TableSkeleton rows={4} />}
      {members.data && members.data.length === 0 && <EmptyState title={t('training.member.none')} hint={t('training.member.noneHint')} />}
      {members.data && members.data.length > 0 && (
        <Table striped withTableBorder>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('training.member.person')}</Table.Th>
              <Table.Th>{t('training.member.joinedOn')}</Table.Th>
              <Table.Th>{t('training.member.leftOn')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {members.data.map((m) => (
              <Table.Tr key={m.id} data-testid="member-row">
                <Table.Td><Link to={`/people/${m.personId}?tab=training`}>{m.name}</Link></Table.Td>
                <Table.Td className="tabular">{formatDate(m.joinedOn)}</Table.Td>
                <Table.Td className="tabular">{m.leftOn ? formatDate(m.leftOn) : t('common.dash')}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={m.current ? 'teal' : 'gray'}>{m.current ? t('training.member.current') : t('training.member.left')}</Badge>
                </Table.Td>
                <Table.Td>
                  {canRecord && m.leftOn === null && (
                    <Button size="compact-xs" variant="subtle" color="gray" leftSection={<IconUserMinus size={12} />} onClick={() => setEnding(m)}>
                      {t('training.member.end')}
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {adding && <AddMemberModal wardId={wardId} groupId={groupId} today={today} onClose={() => setAdding(false)} />}
      {ending && <EndMemberModal wardId={wardId} member={ending} today={today} onClose={() => setEnding(null)} />}
    </Stack>
  )
}

function AddMemberModal({ wardId, groupId, today, onClose }: { wardId: string; groupId: string; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const people = useApiQuery('people:list', { wardId, stay: 'current', limit: 500 })
  const { form, submit, mutation } = useContractForm('training:addMember', {
    initialValues: { wardId, groupId, personId: '', joinedOn: today, note: '' },
    check: 'input',
    toInput: (v) => blankToUndefined({ ...v, note: v.note.trim() || null }),
    success: t('training.member.added'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('training.member.add')}>
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('training.member.person')} labelProps={REQUIRED} description={t('training.member.personHint')} searchable data-autofocus
            data={(people.data?.rows ?? []).map((p) => ({ value: p.id, label: `${p.name}（${p.idTail}）` }))} {...form.getInputProps('personId')} />
          <DateField label={t('training.member.joinedOn')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('joinedOn')} />
          <TextInput label={t('training.note')} description={t('training.noteHint')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}

function EndMemberModal({ wardId, member, today, onClose }: { wardId: string; member: TrainingMemberRow; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const { form, submit, mutation } = useContractForm('training:endMember', {
    initialValues: { wardId, membershipId: member.id, leftOn: today },
    success: t('training.member.ended'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('training.member.endTitle', { name: member.name })}>
      <form onSubmit={submit}>
        <Stack>
          <Text fz="sm" c="dimmed">{t('training.member.joinedOn')}：{formatDate(member.joinedOn)}</Text>
          <DateField label={t('training.member.leftOn')} labelProps={REQUIRED} description={t('training.member.leftOnHint')} maxDate={today} data-autofocus {...form.getInputProps('leftOn')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
