import { Alert, Button, Checkbox, Group, Paper, Select, Skeleton, Stack, Table, Tabs, Text, TextInput } from '@mantine/core'
import { IconPlus } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ConductCategory, ListEntry, WardworkLists } from '@shared/contract'
import { isApiCallError } from '../../../api/errors'
import { useApiMutation } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { NumberField } from '../../../components/NumberField'
import { translateFieldError } from '../../../i18n/errorText'
import { useWardworkLists } from '../wardworkUi'

const LISTS = ['talkKinds', 'conductCategories', 'measureKinds', 'visitKinds'] as const
type ListKey = (typeof LISTS)[number]
type Row = ListEntry & Partial<Omit<ConductCategory, keyof ListEntry>> & { stored: boolean }
type Draft = Record<ListKey, Row[]>

/** Settings → 大队管理选项 (facility.manage): the facility's talk kinds, conduct categories with points, measures, visit kinds. */
export function WardworkListsCard() {
  const { t } = useTranslation()
  const lists = useWardworkLists()
  return (
    <Paper p="lg" data-testid="wardwork-settings">
      <Text fw={600}>{t('wardwork.settings.title')}</Text>
      <Text fz="sm" c="dimmed" mb="sm">
        {t('wardwork.settings.hint')}
      </Text>
      {lists.isError && <ErrorAlert error={lists.error} onRetry={() => void lists.refetch()} />}
      {lists.isPending && <Skeleton h={160} />}
      {lists.data && <ListsForm key={lists.data.version} lists={lists.data} />}
    </Paper>
  )
}

function ListsForm({ lists }: { lists: WardworkLists & { version: string } }) {
  const { t } = useTranslation()
  const [draft, setDraft] = useState<Draft>(() => Object.fromEntries(LISTS.map((k) => [k, lists[k].map((e) => ({ ...e, stored: true }))])) as Draft)
  const [errors, setErrors] = useState<Record<string, string>>({})
  const save = useApiMutation('wardwork:setLists', { notifyError: false })
  const update = (list: ListKey, i: number, patch: Partial<Row>) => setDraft((d) => ({ ...d, [list]: d[list].map((r, j) => (j === i ? { ...r, ...patch } : r)) }))
  const add = (list: ListKey) =>
    setDraft((d) => ({
      ...d,
      [list]: [...d[list], list === 'conductCategories' ? { id: '', zh: '', en: '', active: true, stored: false, kind: 'reward', defaultPoints: 1, minPoints: 1, maxPoints: 1 } : { id: '', zh: '', en: '', active: true, stored: false }],
    }))
  const err = (path: string) => (errors[path] ? translateFieldError(errors[path]) : undefined)

  const submit = () => {
    setErrors({})
    const strip = (rows: Row[]) => rows.map(({ stored: _stored, ...rest }) => rest)
    const input = Object.fromEntries(LISTS.map((k) => [k, strip(draft[k])])) as unknown as WardworkLists
    save.mutate(
      { lists: input, version: lists.version },
      { onError: (error) => setErrors(isApiCallError(error) && error.fields ? error.fields : { _: error.message }) },
    )
  }

  return (
    <Stack>
      <Tabs defaultValue="talkKinds" keepMounted={false}>
        <Tabs.List>
          {LISTS.map((k) => (
            <Tabs.Tab key={k} value={k}>
              {t(`wardwork.settings.${k}`)}
            </Tabs.Tab>
          ))}
        </Tabs.List>
        {LISTS.map((list) => (
          <Tabs.Panel key={list} value={list} pt="sm">
            <Table.ScrollContainer minWidth={560}>
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('wardwork.settings.id')}</Table.Th>
                    <Table.Th>{t('wardwork.settings.zh')}</Table.Th>
                    <Table.Th>{t('wardwork.settings.en')}</Table.Th>
                    {list === 'conductCategories' && (
                      <>
                        <Table.Th>{t('wardwork.settings.kind')}</Table.Th>
                        <Table.Th>{t('wardwork.settings.defaultPoints')}</Table.Th>
                        <Table.Th>{t('wardwork.settings.minPoints')}</Table.Th>
                        <Table.Th>{t('wardwork.settings.maxPoints')}</Table.Th>
                      </>
                    )}
                    <Table.Th>{t('wardwork.settings.active')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {draft[list].map((row, i) => {
                    const path = `lists.${list}.${i}`
                    const num = (name: 'defaultPoints' | 'minPoints' | 'maxPoints') => (
                      <Table.Td>
                        <NumberField w={80} size="xs" value={row[name] ?? ''} onChange={(v) => update(list, i, { [name]: typeof v === 'number' ? v : Number(v) })} error={err(`${path}.${name}`)} aria-label={t(`wardwork.settings.${name}`)} />
                      </Table.Td>
                    )
                    return (
                      <Table.Tr key={i}>
                        <Table.Td>
                          <TextInput size="xs" w={130} value={row.id} readOnly={row.stored} onChange={(e) => update(list, i, { id: e.currentTarget.value })} error={err(`${path}.id`)} aria-label={t('wardwork.settings.id')} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput size="xs" value={row.zh} onChange={(e) => update(list, i, { zh: e.currentTarget.value })} error={err(`${path}.zh`)} aria-label={t('wardwork.settings.zh')} />
                        </Table.Td>
                        <Table.Td>
                          <TextInput size="xs" value={row.en} onChange={(e) => update(list, i, { en: e.currentTarget.value })} error={err(`${path}.en`)} aria-label={t('wardwork.settings.en')} />
                        </Table.Td>
                        {list === 'conductCategories' && (
                          <>
                            <Table.Td>
                              <Select
                                size="xs"
                                w={90}
                                value={row.kind ?? 'reward'}
                                data={(['reward', 'sanction'] as const).map((k) => ({ value: k, label: t(`wardwork.conduct.kinds.${k}`) }))}
                                onChange={(v) => v && update(list, i, { kind: v as 'reward' | 'sanction' })}
                                allowDeselect={false}
                                aria-label={t('wardwork.settings.kind')}
                              />
                            </Table.Td>
                            {num('defaultPoints')}
                            {num('minPoints')}
                            {num('maxPoints')}
                          </>
                        )}
                        <Table.Td>
                          <Checkbox checked={row.active} onChange={(e) => update(list, i, { active: e.currentTarget.checked })} aria-label={t('wardwork.settings.active')} />
                        </Table.Td>
                      </Table.Tr>
                    )
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
            {err(`lists.${list}`) && <Text c="red" fz="sm">{err(`lists.${list}`)}</Text>}
            <Button mt="xs" size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => add(list)}>
              {t('wardwork.settings.addRow')}
            </Button>
          </Tabs.Panel>
        ))}
      </Tabs>
      {Object.keys(errors).length > 0 && !errors._ && <Alert color="red">{t('err.invalid_input' as never)}</Alert>}
      {errors._ && <Alert color="red">{errors._}</Alert>}
      <Group>
        <Button onClick={submit} loading={save.isPending} data-testid="wardwork-settings-save">
          {t('wardwork.common.save')}
        </Button>
      </Group>
    </Stack>
  )
}
