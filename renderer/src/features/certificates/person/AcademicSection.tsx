import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconPencil, IconPlus, IconSchool, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AcademicRow, PersonFile } from '@shared/contract'
import { ACADEMIC_STATUSES, type AcademicStatus } from '@shared/domain/vocational'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { FormActions } from '../../../components/FormActions'
import { ReasonModal } from '../../../components/ReasonModal'
import { REQUIRED } from '../../../components/required'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { useContractForm } from '../../../lib/useContractForm'
import { useCan } from '../../auth/UserContext'

/** The person file's 学历教育 section (tab 教育培训): 中专 and other programmes, enrolment to graduation; add, edit, void. */
export function AcademicSection({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const list = useApiQuery('academic:person', { personId: file.id })
  const [editing, setEditing] = useState<AcademicRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<AcademicRow | null>(null)
  const voidRecord = useApiMutation('academic:void', { success: t('cert.person.voidDone') })
  const writable = can('vocational.record') && !file.voided
  return (
    <Paper p="lg" data-testid="academic-section">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconSchool size={18} />
          <Text fw={600}>{t('cert.person.academic')}</Text>
        </Group>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="academic-add">
            {t('cert.academic.add')}
          </Button>
        )}
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton rows={2} />}
      {list.data && list.data.length === 0 && <Text fz="sm" c="dimmed">{t('cert.academic.none')}</Text>}
      {list.data && list.data.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cert.academic.school')}</Table.Th>
              <Table.Th>{t('cert.academic.programme')}</Table.Th>
              <Table.Th>{t('cert.academic.educationLevel')}</Table.Th>
              <Table.Th>{t('cert.academic.enrolledOn')}</Table.Th>
              <Table.Th>{t('cert.academic.status')}</Table.Th>
              <Table.Th>{t('cert.academic.endedOn')}</Table.Th>
              <Table.Th>{t('cert.academic.diplomaNumber')}</Table.Th>
              {writable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((a) => (
              <Table.Tr key={a.id} c={a.voided ? 'dimmed' : undefined}>
                <Table.Td>{a.school}</Table.Td>
                <Table.Td>{a.programme}</Table.Td>
                <Table.Td>{a.educationLevel}</Table.Td>
                <Table.Td className="tabular">{a.enrolledOn}</Table.Td>
                <Table.Td>
                  {a.voided ? <Badge color="gray" variant="light" title={a.voided.reason}>{t('cert.person.voided')}</Badge> : t(`cert.academic.statuses.${a.status}`)}
                </Table.Td>
                <Table.Td className="tabular">{a.endedOn ?? ''}</Table.Td>
                <Table.Td className="tabular">{a.diplomaNumber ?? ''}</Table.Td>
                {writable && (
                  <Table.Td>
                    {!a.voided && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(a)}>{t('common.edit')}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => setVoiding(a)}>{t('cert.academic.void')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <AcademicModal file={file} record={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('cert.academic.void')}
        loading={voidRecord.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidRecord.mutateAsync({ personId: file.id, id: voiding!.id, revision: voiding!.revision, reason }).then(() => setVoiding(null))}
      />
    </Paper>
  )
}

interface Values {
  school: string
  programme: string
  educationLevel: string
  enrolledOn: string
  status: string
  endedOn: string
  diplomaNumber: string
  note: string
}

function AcademicModal({ file, record, onClose }: { file: PersonFile; record?: AcademicRow; onClose: () => void }) {
  const { t } = useTranslation()
  const initialValues: Values = {
    school: record?.school ?? '',
    programme: record?.programme ?? '',
    educationLevel: record?.educationLevel ?? '中专',
    enrolledOn: record?.enrolledOn ?? '',
    status: record?.status ?? 'studying',
    endedOn: record?.endedOn ?? '',
    diplomaNumber: record?.diplomaNumber ?? '',
    note: record?.note ?? '',
  }
  const toInput = (v: Values) => ({
    personId: file.id,
    school: v.school.trim(),
    programme: v.programme.trim(),
    educationLevel: v.educationLevel.trim(),
    enrolledOn: v.enrolledOn,
    status: v.status as AcademicStatus,
    endedOn: v.endedOn || null,
    diplomaNumber: v.diplomaNumber.trim() || null,
    note: v.note.trim() || null,
  })
  const create = useContractForm('academic:create', { initialValues, check: 'input', toInput, success: t('cert.academic.created'), onSuccess: onClose })
  const edit = useContractForm('academic:update', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ ...toInput(v), id: record?.id ?? '', revision: record?.revision ?? 1 }),
    success: t('cert.person.saved'),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = record ? edit : create
  return (
    <Modal opened onClose={onClose} title={record ? t('cert.academic.edit') : t('cert.academic.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('cert.academic.school')} labelProps={REQUIRED} data-autofocus {...form.getInputProps('school')} />
          <SimpleGrid cols={2}>
            <TextInput label={t('cert.academic.programme')} labelProps={REQUIRED} {...form.getInputProps('programme')} />
            <TextInput label={t('cert.academic.educationLevel')} labelProps={REQUIRED} {...form.getInputProps('educationLevel')} />
            <DateField label={t('cert.academic.enrolledOn')} labelProps={REQUIRED} {...form.getInputProps('enrolledOn')} />
            <Select label={t('cert.academic.status')} labelProps={REQUIRED} data={ACADEMIC_STATUSES.map((s) => ({ value: s, label: t(`cert.academic.statuses.${s}`) }))} {...form.getInputProps('status')} />
            <DateField label={t('cert.academic.endedOn')} description={t('cert.academic.endedOnHint')} clearable {...form.getInputProps('endedOn')} />
            <TextInput label={t('cert.academic.diplomaNumber')} {...form.getInputProps('diplomaNumber')} />
          </SimpleGrid>
          <TextInput label={t('cert.person.note')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
