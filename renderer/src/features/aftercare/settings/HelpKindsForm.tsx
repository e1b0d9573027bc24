import { Alert, Button, Checkbox, Group, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { HelpKind } from '@shared/domain/aftercare/settings'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { translateFieldError } from '../../../i18n/errorText'

/**
 * The help-given list (帮扶内容): entries are renamed or retired, never removed (old contacts name them); a new entry
 * gets an id from its position. The server states any limit (20 characters, 40 entries, ids unique).
 */
export function HelpKindsForm({ kinds, version }: { kinds: HelpKind[]; version: string }) {
  const { t } = useTranslation()
  const [rows, setRows] = useState(kinds)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [saved, setSaved] = useState(false)
  const save = useApiMutation('aftercare:setHelpKinds', { notifyError: false })
  const set = (i: number, patch: Partial<HelpKind>) => setRows((old) => old.map((r, j) => (j === i ? { ...r, ...patch } : r)))
  const err = (path: string) => (errors[path] ? translateFieldError(errors[path]!) : undefined)
  const add = () => {
    const used = new Set(rows.map((r) => r.id))
    let n = rows.length + 1
    while (used.has(`custom_${n}`)) n += 1
    setRows((old) => [...old, { id: `custom_${n}`, zh: '', en: '', active: true }])
  }
  const submit = () => {
    setErrors({})
    setSaved(false)
    save.mutate({ helpKinds: rows, version }, { onSuccess: () => setSaved(true), onError: (error) => setErrors(isApiCallError(error) && error.fields ? error.fields : { _: error.message }) })
  }
  return (
    <Stack gap="xs" data-testid="aftercare-help-kinds">
      <Text fw={500} fz="sm">{t('aftercare.settings.helpKinds')}</Text>
      {errors._ && <Alert color="red">{errors._}</Alert>}
      {err('helpKinds') && <Text c="red" fz="xs">{err('helpKinds')}</Text>}
      <Table withTableBorder>
        <Table.Tbody>
          {rows.map((r, i) => (
            <Table.Tr key={r.id}>
              <Table.Td w={140}><Text fz="xs" c="dimmed" ff="monospace">{r.id}</Text></Table.Td>
              <Table.Td><TextInput size="xs" value={r.zh} onChange={(e) => set(i, { zh: e.currentTarget.value })} error={err(`helpKinds.${i}.zh`)} aria-label="中文" /></Table.Td>
              <Table.Td><TextInput size="xs" value={r.en} onChange={(e) => set(i, { en: e.currentTarget.value })} error={err(`helpKinds.${i}.en`)} aria-label="English" /></Table.Td>
              <Table.Td w={90}><Checkbox size="xs" label={t('aftercare.settings.helpActive')} checked={r.active} onChange={(e) => set(i, { active: e.currentTarget.checked })} /></Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group justify="space-between">
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} />} onClick={add} disabled={rows.length >= 40}>{t('aftercare.settings.helpAdd')}</Button>
        <Group gap="xs">
          {saved && <Text c="teal" fz="sm">{t('aftercare.settings.saved')}</Text>}
          <Button onClick={submit} loading={save.isPending} data-testid="aftercare-help-save">{t('aftercare.common.save')}</Button>
        </Group>
      </Group>
    </Stack>
  )
}
