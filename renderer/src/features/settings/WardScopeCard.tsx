import { Alert, Button, Group, Paper, SegmentedControl, Skeleton, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { WardScopeSetting } from '@shared/contract'
import type { WardReach } from '@shared/domain/wardScope'
import { useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { useContractForm } from '../../lib/useContractForm'

const STAFF_ROLES = ['ward_officer', 'counsellor', 'trainer', 'vocational'] as const
const MODES = ['read', 'write'] as const

/** Ward scoping (setting access.wardScope): each staff role's reach for viewing and for recording. */
export function WardScopeCard() {
  const { t } = useTranslation()
  const setting = useApiQuery('facility:wardScope', {})
  return (
    <Paper p="lg" data-testid="ward-scope-card">
      <Text fw={600} mb={4}>
        {t('settings.wardScope.title')}
      </Text>
      <Text fz="sm" c="dimmed" mb="md" maw={760}>
        {t('settings.wardScope.hint')}
      </Text>
      {setting.isError ? (
        <ErrorAlert error={setting.error} onRetry={() => void setting.refetch()} />
      ) : setting.isPending ? (
        <Skeleton h={180} maw={560} />
      ) : (
        // Keyed by version: after a save (or another administrator's) the form starts from what is stored.
        <PolicyForm key={setting.data.version} setting={setting.data} />
      )}
    </Paper>
  )
}

function PolicyForm({ setting }: { setting: WardScopeSetting }) {
  const { t } = useTranslation()
  const { admin: _admin, ...staffPolicy } = setting.policy
  const { form, mutation, submit } = useContractForm('facility:setWardScope', {
    initialValues: { policy: staffPolicy, version: setting.version },
    success: t('settings.wardScope.saved'),
  })
  const problem = form.errors.policy
  return (
    <form onSubmit={submit}>
      <Table withTableBorder maw={560} mb="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('settings.wardScope.role')}</Table.Th>
            {MODES.map((mode) => (
              <Table.Th key={mode}>{t(`settings.wardScope.${mode}`)}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {STAFF_ROLES.map((role) => (
            <Table.Tr key={role}>
              <Table.Td>{t(`role.${role}`)}</Table.Td>
              {MODES.map((mode) => (
                <Table.Td key={mode}>
                  <SegmentedControl
                    size="xs"
                    aria-label={`${t(`role.${role}`)} ${t(`settings.wardScope.${mode}`)}`}
                    data={(['all', 'own'] as const).map((reach) => ({ value: reach, label: t(`settings.wardScope.${reach}`) }))}
                    value={form.getValues().policy[role][mode]}
                    onChange={(value) => form.setFieldValue(`policy.${role}.${mode}`, value as WardReach)}
                  />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {problem && (
        <Alert color="red" mb="md" maw={760} data-testid="ward-scope-problem">
          {problem}
        </Alert>
      )}
      <Group>
        <Button type="submit" loading={mutation.isPending} disabled={!form.isDirty()}>
          {t('common.save')}
        </Button>
      </Group>
    </form>
  )
}
