import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconCertificate, IconPencil, IconPlus, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { CertificateRow, PersonFile } from '@shared/contract'
import { levelWording, SKILL_LEVELS, tradeWording } from '@shared/domain/certificates'
import { ID_TYPES } from '@shared/domain/vocational'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { EmptyState } from '../../../components/EmptyState'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { FormActions } from '../../../components/FormActions'
import { ReasonModal } from '../../../components/ReasonModal'
import { REQUIRED } from '../../../components/required'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatInstant } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { useCan } from '../../auth/UserContext'

/** The person file's 职业技能证书 section (tab 教育培训): every certificate, voided ones marked; add, edit, void. */
export function CertificatesSection({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const list = useApiQuery('certificates:person', { personId: file.id })
  const [editing, setEditing] = useState<CertificateRow | 'new' | null>(null)
  const [voiding, setVoiding] = useState<CertificateRow | null>(null)
  const voidCertificate = useApiMutation('certificates:void', { success: t('cert.person.voidDone') })
  const writable = can('vocational.record') && !file.voided
  return (
    <Paper p="lg" data-testid="certificates-section">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <IconCertificate size={18} />
          <Text fw={600}>{t('cert.person.certificates')}</Text>
        </Group>
        {writable && (
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} data-testid="cert-add">
            {t('cert.person.add')}
          </Button>
        )}
      </Group>
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && <TableSkeleton rows={2} />}
      {list.data && list.data.length === 0 && <EmptyState title={t('cert.person.none')} hint={t('cert.person.noneHint')} />}
      {list.data && list.data.length > 0 && (
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cert.columns.occupation')}</Table.Th>
              <Table.Th>{t('cert.columns.direction')}</Table.Th>
              <Table.Th>{t('cert.columns.level')}</Table.Th>
              <Table.Th>{t('cert.columns.number')}</Table.Th>
              <Table.Th>{t('cert.columns.evaluationBody')}</Table.Th>
              <Table.Th>{t('cert.columns.issuedOn')}</Table.Th>
              <Table.Th>{t('cert.person.source')}</Table.Th>
              {writable && <Table.Th />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data.map((c) => (
              <Table.Tr key={c.id} c={c.voided ? 'dimmed' : undefined} data-testid={`cert-row-${c.number}`}>
                <Table.Td>{c.occupation}</Table.Td>
                <Table.Td>{tradeWording(c.direction)}</Table.Td>
                <Table.Td>{levelWording(c.level)}</Table.Td>
                <Table.Td className="tabular" td={c.voided ? 'line-through' : undefined}>{c.number}</Table.Td>
                <Table.Td>{c.evaluationBody}</Table.Td>
                <Table.Td className="tabular">{c.issuedOn}</Table.Td>
                <Table.Td>
                  {c.voided ? (
                    <Badge color="gray" variant="light" title={t('cert.person.voidedBy', { by: c.voided.by, at: formatInstant(c.voided.at), reason: c.voided.reason })}>{t('cert.person.voided')}</Badge>
                  ) : (
                    <Text fz="sm">{c.courseName ?? t(`cert.sources.${c.source}`)}</Text>
                  )}
                </Table.Td>
                {writable && (
                  <Table.Td>
                    {!c.voided && (
                      <Group gap={4} wrap="nowrap">
                        <Button size="compact-xs" variant="subtle" leftSection={<IconPencil size={12} />} onClick={() => setEditing(c)}>{t('common.edit')}</Button>
                        <Button size="compact-xs" variant="subtle" color="red" leftSection={<IconTrash size={12} />} onClick={() => setVoiding(c)}>{t('cert.person.void')}</Button>
                      </Group>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editing && <CertificateModal file={file} certificate={editing === 'new' ? undefined : editing} onClose={() => setEditing(null)} />}
      <ReasonModal
        opened={voiding !== null}
        title={t('cert.person.void')}
        warning={t('cert.person.voidWarning')}
        loading={voidCertificate.isPending}
        onClose={() => setVoiding(null)}
        onConfirm={(reason) => voidCertificate.mutateAsync({ id: voiding!.id, revision: voiding!.revision, reason }).then(() => setVoiding(null))}
      />
    </Paper>
  )
}

interface Values {
  number: string
  evaluationBody: string
  issuedOn: string
  occupation: string
  occupationCode: string
  direction: string
  level: string
  idType: string
  idNumber: string
  name: string
  note: string
}

/** Types in a certificate held from elsewhere, or edits one (with the revision it was read at). */
function CertificateModal({ file, certificate, onClose }: { file: PersonFile; certificate?: CertificateRow; onClose: () => void }) {
  const { t } = useTranslation()
  const fileId = file.identity.idNumber.includes('*') ? '' : file.identity.idNumber
  const initialValues: Values = {
    number: certificate?.number ?? '',
    evaluationBody: certificate?.evaluationBody ?? '',
    issuedOn: certificate?.issuedOn ?? '',
    occupation: certificate?.occupation ?? '',
    occupationCode: certificate?.occupationCode ?? '',
    direction: certificate?.direction ?? '',
    level: certificate ? String(certificate.level) : '',
    idType: certificate?.idType ?? 'resident_id',
    // A masked number (a reader without people.write) cannot be sent back: typed again.
    idNumber: certificate ? (certificate.idNumber.includes('*') ? '' : certificate.idNumber) : fileId,
    name: certificate?.name ?? file.identity.name,
    note: certificate?.note ?? '',
  }
  const toInput = (v: Values) => ({
    personId: file.id,
    number: v.number.trim(),
    evaluationBody: v.evaluationBody.trim(),
    issuedOn: v.issuedOn,
    occupation: v.occupation.trim(),
    occupationCode: v.occupationCode.trim() || null,
    direction: v.direction.trim() || null,
    level: v.level ? Number(v.level) : (undefined as unknown as number),
    idType: v.idType as CertificateRow['idType'],
    idNumber: v.idNumber.trim(),
    name: v.name.trim(),
    note: v.note.trim() || null,
  })
  const create = useContractForm('certificates:create', { initialValues, check: 'input', toInput, success: t('cert.person.created'), onSuccess: onClose })
  const edit = useContractForm('certificates:update', {
    initialValues,
    check: 'input',
    toInput: (v) => ({ ...toInput(v), id: certificate?.id ?? '', revision: certificate?.revision ?? 1 }),
    success: t('cert.person.saved'),
    onSuccess: onClose,
  })
  const { form, submit, mutation } = certificate ? edit : create
  return (
    <Modal opened onClose={onClose} title={certificate ? t('cert.person.edit') : t('cert.person.add')} size="lg">
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t('cert.person.number')} labelProps={REQUIRED} description={t('cert.person.numberHint')} className="tabular" data-autofocus {...form.getInputProps('number')} data-testid="cert-number" />
          <SimpleGrid cols={2}>
            <Select label={t('cert.columns.level')} labelProps={REQUIRED} data={SKILL_LEVELS.map((l) => ({ value: String(l), label: levelWording(l) }))} {...form.getInputProps('level')} />
            <DateField label={t('cert.columns.issuedOn')} labelProps={REQUIRED} {...form.getInputProps('issuedOn')} />
            <TextInput label={t('cert.columns.occupation')} labelProps={REQUIRED} {...form.getInputProps('occupation')} />
            <TextInput label={t('cert.person.occupationCode')} {...form.getInputProps('occupationCode')} />
          </SimpleGrid>
          <TextInput label={t('cert.columns.direction')} description={t('cert.person.directionHint')} {...form.getInputProps('direction')} />
          <TextInput label={t('cert.columns.evaluationBody')} labelProps={REQUIRED} {...form.getInputProps('evaluationBody')} />
          <SimpleGrid cols={3}>
            <Select label={t('cert.columns.idType')} labelProps={REQUIRED} data={ID_TYPES.map((v) => ({ value: v, label: t(`cert.idTypes.${v}`) }))} {...form.getInputProps('idType')} />
            <TextInput label={t('cert.columns.idNumber')} labelProps={REQUIRED} className="tabular" {...form.getInputProps('idNumber')} />
            <TextInput label={t('cert.columns.name')} labelProps={REQUIRED} description={t('cert.person.nameHint')} {...form.getInputProps('name')} />
          </SimpleGrid>
          <TextInput label={t('cert.person.note')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
