import { ActionIcon, Button, Group, Modal, MultiSelect, SegmentedControl, Select, Stack, Text, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { DEFAULT_PASS_MARK, type Input } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { NumberField } from '../../components/NumberField'
import { REQUIRED } from '../../components/required'
import { applyServerErrors } from '../../lib/forms'

interface Values {
  title: string
  purpose: string
  passMark: number | string
  method: 'drawn' | 'picked'
  draws: Array<{ tag: string | null; count: number | string }>
  seed: number | string
  itemIds: string[]
}

/** Contract paths under `source` → this form's fields. */
const rename = (path: string) => path.replace(/^source\./, '')

/** A new paper: drawn from the bank by tag and count (random, reproducible by the seed), or items picked in order. */
export function PaperModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation()
  const tags = useApiQuery('knowledge:tags', {})
  const items = useApiQuery('knowledge:items', { limit: 500 })
  const create = useApiMutation('knowledge:createPaper', { success: t('knowledge.papers.created') })
  const form = useForm<Values>({
    initialValues: { title: '', purpose: '禁毒知识', passMark: DEFAULT_PASS_MARK, method: 'drawn', draws: [{ tag: '禁毒知识', count: 10 }], seed: '', itemIds: [] },
  })
  const v = form.values
  const available = new Map((tags.data ?? []).map((g) => [g.tag, g.active]))
  const submit = form.onSubmit(async (values) => {
    const source: Input<'knowledge:createPaper'>['source'] =
      values.method === 'drawn'
        ? {
            method: 'drawn',
            draws: values.draws.map((d) => ({ tag: d.tag ?? '', count: typeof d.count === 'number' ? d.count : Number.NaN })),
            ...(values.seed === '' ? {} : { seed: Number(values.seed) }),
          }
        : { method: 'picked', itemIds: values.itemIds }
    try {
      await create.mutateAsync({ title: values.title, purpose: values.purpose, passMark: typeof values.passMark === 'number' ? values.passMark : Number.NaN, source })
      onClose()
    } catch (error) {
      applyServerErrors(form, error, rename)
    }
  })
  return (
    <Modal opened onClose={onClose} title={t('knowledge.papers.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <TextInput label={t('knowledge.papers.titleLabel')} {...REQUIRED} {...form.getInputProps('title')} data-testid="paper-title" />
          <Group grow>
            <TextInput label={t('knowledge.papers.purpose')} description={t('knowledge.papers.purposeHint')} {...REQUIRED} {...form.getInputProps('purpose')} />
            <NumberField decimal label={t('knowledge.common.passMark')} description="0–100" {...REQUIRED} {...form.getInputProps('passMark')} />
          </Group>
          <SegmentedControl
            data={(['drawn', 'picked'] as const).map((m) => ({ value: m, label: t(`knowledge.papers.${m}`) }))}
            {...form.getInputProps('method')}
          />
          {v.method === 'drawn' ? (
            <Stack gap={6}>
              <Text fz="sm" fw={500}>{t('knowledge.papers.draws')}</Text>
              {v.draws.map((d, i) => (
                <Group key={i} align="flex-start" wrap="nowrap">
                  <Select
                    aria-label={t('knowledge.papers.drawTag')}
                    data={(tags.data ?? []).map((g) => g.tag)}
                    style={{ flex: 1 }}
                    {...form.getInputProps(`draws.${i}.tag`)}
                    description={d.tag ? t('knowledge.papers.available', { count: available.get(d.tag) ?? 0 }) : undefined}
                  />
                  <NumberField aria-label={t('knowledge.papers.drawCount')} w={200} {...form.getInputProps(`draws.${i}.count`)} />
                  <ActionIcon variant="subtle" color="gray" mt={6} disabled={v.draws.length <= 1} onClick={() => form.removeListItem('draws', i)} aria-label={t('knowledge.papers.removeDraw')}>
                    <IconX size={16} />
                  </ActionIcon>
                </Group>
              ))}
              {typeof form.errors['draws'] === 'string' && <Text c="red" fz="xs">{form.errors['draws']}</Text>}
              <Button size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} onClick={() => form.insertListItem('draws', { tag: null, count: 2 })} w="fit-content">
                {t('knowledge.papers.addDraw')}
              </Button>
              <NumberField label={t('knowledge.papers.seed')} {...form.getInputProps('seed')} />
            </Stack>
          ) : (
            <MultiSelect
              label={t('knowledge.papers.pickItems')}
              description={t('knowledge.papers.pickedCount', { count: v.itemIds.length })}
              searchable
              data={(items.data?.rows ?? []).map((i) => ({ value: i.id, label: i.stem }))}
              maxDropdownHeight={280}
              {...form.getInputProps('itemIds')}
            />
          )}
          <FormActions onCancel={onClose} loading={create.isPending} />
        </Stack>
      </form>
    </Modal>
  )
}
