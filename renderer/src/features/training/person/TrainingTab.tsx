import { Badge, Button, Group, Modal, Paper, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconAdjustments } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonFile, PersonTraining } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { DateField } from '../../../components/DateField'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { FormActions } from '../../../components/FormActions'
import { REQUIRED } from '../../../components/required'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate, todayIso } from '../../../lib/format'
import { useContractForm } from '../../../lib/useContractForm'
import { useCan, useCanWriteInWard } from '../../auth/UserContext'
import { useFacility } from '../../shell/useFacility'
import { IntensityBadge, ReasonBadge, useIntensityGroups } from '../trainingUi'

/** The person file's 运动训练 section: intensity group with its history, groups, attendance per month, latest sessions. */
export function TrainingTab({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const can = useCan()
  const today = useFacility().data?.today ?? todayIso()
  const training = useApiQuery('training:person', { personId: file.id })
  const canWriteIn = useCanWriteInWard()
  const [setting, setSetting] = useState(false)
  const data = training.data
  return (
    <Stack gap="md" data-testid="training-tab">
      {training.isError && <ErrorAlert error={training.error} onRetry={() => void training.refetch()} />}
      {training.isPending && <TableSkeleton rows={4} />}
      {data && (
        <>
          <Paper p="lg">
            <Group justify="space-between" mb="sm">
              <Group gap="xs">
                <Text fw={600}>{t('training.person.intensity')}</Text>
                {data.intensity ? (
                  <>
                    <IntensityBadge value={data.intensity.intensity} />
                    <Text fz="sm" c="dimmed">{t('training.person.since', { from: formatDate(data.intensity.fromDate) })}</Text>
                  </>
                ) : (
                  <Text fz="sm" c="dimmed">{t('training.person.none')}</Text>
                )}
              </Group>
              {can('fitness.record') && canWriteIn(file.wardId) && !file.voided && (
                <Button size="xs" variant="light" leftSection={<IconAdjustments size={14} />} onClick={() => setSetting(true)} data-testid="set-intensity">
                  {t('training.person.set')}
                </Button>
              )}
            </Group>
            {data.intensityHistory.length > 0 && (
              <Table withTableBorder>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('training.person.fromDate')}</Table.Th>
                    <Table.Th>{t('training.person.intensity')}</Table.Th>
                    <Table.Th>{t('training.note')}</Table.Th>
                    <Table.Th>{t('training.person.setBy')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.intensityHistory.map((h) => (
                    <Table.Tr key={h.id}>
                      <Table.Td className="tabular">{formatDate(h.fromDate)}</Table.Td>
                      <Table.Td><IntensityBadge value={h.intensity} />{h.id === data.intensity?.id && <Badge ml={4} size="xs" variant="outline">{t('training.person.current')}</Badge>}</Table.Td>
                      <Table.Td>{h.note ?? t('common.dash')}</Table.Td>
                      <Table.Td>{h.setBy}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </Paper>
          <Attendance data={data} />
        </>
      )}
      {setting && data && <SetIntensityModal personId={file.id} seen={data.intensityHistory[0]?.id ?? null} today={today} onClose={() => setSetting(false)} />}
    </Stack>
  )
}

function Attendance({ data }: { data: PersonTraining }) {
  const { t } = useTranslation()
  return (
    <Paper p="lg" data-testid="training-attendance">
      <Group justify="space-between" mb="sm">
        <Text fw={600}>{t('training.person.summary')}</Text>
        <Group gap="xs">
          <Badge color="teal" variant="light">{t('training.person.attended', { count: data.totals.attended })}</Badge>
          <Badge color={data.totals.missed > 0 ? 'red' : 'gray'} variant="light">{t('training.person.missed', { count: data.totals.missed })}</Badge>
          <Badge color="blue" variant="light">{t('training.person.totalMinutes', { count: data.totals.minutes })}</Badge>
        </Group>
      </Group>
      <Text fz="sm" c="dimmed" mb="xs">
        {t('training.person.groups')}：
        {data.memberships.length === 0
          ? t('training.person.noGroups')
          : data.memberships
              .map((m) => `${m.groupName}（${m.leftOn ? t('training.person.between', { from: formatDate(m.joinedOn), to: formatDate(m.leftOn) }) : t('training.person.since', { from: formatDate(m.joinedOn) })}）`)
              .join('；')}
      </Text>
      {data.months.length === 0 ? (
        <Text c="dimmed" fz="sm">{t('training.person.noSessions')}</Text>
      ) : (
        <SimpleGrid cols={{ base: 1, md: 2 }}>
          <Table withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('training.person.month')}</Table.Th>
                <Table.Th>{t('training.person.attendedCol')}</Table.Th>
                <Table.Th>{t('training.person.missedCol')}</Table.Th>
                <Table.Th>{t('training.person.minutesCol')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.months.map((m) => (
                <Table.Tr key={m.month}>
                  <Table.Td className="tabular">{m.month}</Table.Td>
                  <Table.Td className="tabular">{m.attended}</Table.Td>
                  <Table.Td className="tabular">{m.missed}</Table.Td>
                  <Table.Td className="tabular">{m.minutes}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          <Stack gap={4}>
            <Text fz="sm" fw={600}>{t('training.person.recent')}</Text>
            {data.recent.map((r) => (
              <Group key={r.sessionId} gap="xs" wrap="nowrap" data-testid="training-recent">
                <Text fz="sm" className="tabular" w={90}>{formatDate(r.date)}</Text>
                <Text fz="sm" style={{ flex: 1 }} truncate>{r.groupName} · {r.content}</Text>
                {r.present ? <Badge color="teal" variant="light">{t('training.session.present')}</Badge> : <ReasonBadge reason={r.reason!} text={r.reasonText} />}
              </Group>
            ))}
          </Stack>
        </SimpleGrid>
      )}
    </Paper>
  )
}

function SetIntensityModal({ personId, seen, today, onClose }: { personId: string; seen: string | null; today: string; onClose: () => void }) {
  const { t } = useTranslation()
  const intensity = useIntensityGroups()
  const { form, submit, mutation } = useContractForm('training:setIntensity', {
    initialValues: { personId, fromDate: today, intensity: '', note: '', seen },
    check: 'input',
    toInput: (v) => ({ ...v, note: v.note.trim() || null }),
    success: t('training.person.saved'),
    onSuccess: onClose,
  })
  return (
    <Modal opened onClose={onClose} title={t('training.person.set')}>
      <form onSubmit={submit}>
        <Stack>
          <Select label={t('training.person.intensity')} labelProps={REQUIRED} data={intensity.options} data-autofocus {...form.getInputProps('intensity')}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text fz="sm">{option.label}</Text>
                <Text fz="xs" c="dimmed">{intensity.groups.find((g) => g.key === option.value)?.description}</Text>
              </Stack>
            )} />
          <DateField label={t('training.person.fromDate')} labelProps={REQUIRED} maxDate={today} {...form.getInputProps('fromDate')} />
          <TextInput label={t('training.note')} description={t('training.noteHint')} {...form.getInputProps('note')} />
          <FormActions onCancel={onClose} loading={mutation.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
