import { ActionIcon, Button, Checkbox, Group, Modal, Radio, SegmentedControl, Stack, TagsInput, Text, Textarea, TextInput } from '@mantine/core'
import { useForm } from '@mantine/form'
import { IconPlus, IconX } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import { contract, OPTION_KEYS, OPTIONS_MAX, OPTIONS_MIN, STEM_MAX, type ItemKind, type KnowledgeItemRow, type OptionKey } from '@shared/contract'
import { useApiMutation } from '../../api/hooks'
import { FormActions } from '../../components/FormActions'
import { REQUIRED } from '../../components/required'
import { applyServerErrors, zodValidate } from '../../lib/forms'

interface Values {
  kind: ItemKind
  stem: string
  options: string[]
  answer: OptionKey[]
  explanation: string
  tags: string[]
  active: boolean
}

/**
 * Adds an item or edits one (a new revision; papers keep the revision they asked). Checked with the contract's rules
 * before sending, the same messages the server gives: 2–8 options, one answer for single choice, two or more for
 * multiple choice, a question of at most 500 characters.
 */
export function ItemModal({ item, onClose }: { item: KnowledgeItemRow | null; onClose: () => void }) {
  const { t } = useTranslation()
  const form = useForm<Values>({
    initialValues: item
      ? { kind: item.kind, stem: item.stem, options: item.options.map((o) => o.text), answer: item.answer, explanation: item.explanation ?? '', tags: item.tags, active: item.active }
      : { kind: 'single', stem: '', options: ['', '', '', ''], answer: [], explanation: '', tags: [], active: true },
    validate: zodValidate<Values>(contract['knowledge:createItem'].input),
  })
  const create = useApiMutation('knowledge:createItem', { success: t('knowledge.bank.saved') })
  const update = useApiMutation('knowledge:updateItem', { success: t('knowledge.bank.saved') })
  const saving = create.isPending || update.isPending
  const v = form.values
  const keys = OPTION_KEYS.slice(0, v.options.length)
  const submit = form.onSubmit(async (values) => {
    const input = { ...values, explanation: values.explanation.trim() || null }
    try {
      if (item) await update.mutateAsync({ ...input, id: item.id, revision: item.revision })
      else await create.mutateAsync(input)
      onClose()
    } catch (error) {
      applyServerErrors(form, error)
    }
  })
  const removeOption = (i: number) => {
    const removedKey = OPTION_KEYS[i]!
    const options = v.options.filter((_, n) => n !== i)
    // Keys after the removed option move up one letter, so the answer follows its options.
    const answer = v.answer
      .filter((k) => k !== removedKey)
      .map((k) => (OPTION_KEYS.indexOf(k) > i ? OPTION_KEYS[OPTION_KEYS.indexOf(k) - 1]! : k))
    form.setValues({ options, answer })
  }
  const answerError = form.errors.answer
  return (
    <Modal opened onClose={onClose} title={item ? t('knowledge.bank.edit') : t('knowledge.bank.add')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack>
          <SegmentedControl
            data={(['single', 'multiple'] as const).map((k) => ({ value: k, label: t(`knowledge.kinds.${k}`) }))}
            value={v.kind}
            onChange={(k) => form.setValues({ kind: k as ItemKind, answer: [] })}
          />
          <Textarea label={t('knowledge.common.stem')} description={t('knowledge.bank.stemHint', { max: STEM_MAX })} autosize minRows={2} {...REQUIRED} {...form.getInputProps('stem')} data-testid="item-stem" />
          <div>
            <Text fz="sm" fw={500}>{t('knowledge.common.answer')}：{v.kind === 'single' ? t('knowledge.bank.answerSingle') : t('knowledge.bank.answerMultiple')}</Text>
            <Text fz="xs" c="dimmed" mb={4}>{t('knowledge.bank.optionHint', { min: OPTIONS_MIN, max: OPTIONS_MAX })}</Text>
            <Stack gap={6}>
              {v.options.map((_, i) => {
                const key = keys[i]!
                const chosen = v.answer.includes(key)
                const toggle = () => form.setFieldValue('answer', v.kind === 'single' ? [key] : chosen ? v.answer.filter((k) => k !== key) : [...v.answer, key].sort())
                return (
                  <Group key={key} gap="xs" wrap="nowrap" align="flex-start">
                    {v.kind === 'single' ? (
                      <Radio mt={8} checked={chosen} onChange={toggle} aria-label={`${t('knowledge.common.answer')} ${key}`} />
                    ) : (
                      <Checkbox mt={8} checked={chosen} onChange={toggle} aria-label={`${t('knowledge.common.answer')} ${key}`} />
                    )}
                    <Text fw={600} mt={6} w={16}>{key}</Text>
                    <TextInput style={{ flex: 1 }} {...form.getInputProps(`options.${i}`)} aria-label={`${t('knowledge.bank.options')} ${key}`} data-testid={`item-option-${i}`} />
                    <ActionIcon variant="subtle" color="gray" mt={4} disabled={v.options.length <= OPTIONS_MIN} onClick={() => removeOption(i)} aria-label={t('knowledge.bank.removeOption', { key })}>
                      <IconX size={16} />
                    </ActionIcon>
                  </Group>
                )
              })}
            </Stack>
            {form.errors.options && <Text c="red" fz="xs" mt={4}>{form.errors.options}</Text>}
            {answerError && <Text c="red" fz="xs" mt={4} data-testid="answer-error">{answerError}</Text>}
            <Button mt="xs" size="compact-sm" variant="subtle" leftSection={<IconPlus size={14} />} disabled={v.options.length >= OPTIONS_MAX} onClick={() => form.insertListItem('options', '')}>
              {t('knowledge.bank.addOption')}
            </Button>
          </div>
          <TagsInput label={t('knowledge.common.tags')} description={t('knowledge.bank.tagsHint')} {...form.getInputProps('tags')} />
          <Textarea label={t('knowledge.bank.explanation')} description={t('knowledge.bank.explanationHint')} autosize minRows={2} {...form.getInputProps('explanation')} />
          {item && <Checkbox label={t('knowledge.bank.active')} {...form.getInputProps('active', { type: 'checkbox' })} />}
          <FormActions onCancel={onClose} loading={saving} />
        </Stack>
      </form>
    </Modal>
  )
}
