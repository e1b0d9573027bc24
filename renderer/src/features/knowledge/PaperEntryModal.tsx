import { Alert, Button, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput } from '@mantine/core'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { PaperRow } from '@shared/contract'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { isApiCallError } from '../../api/errors'
import { DateField } from '../../components/DateField'
import { ErrorAlert } from '../../components/ErrorAlert'
import { translateFieldError } from '../../i18n/errorText'
import { todayIso } from '../../lib/format'
import { PersonPicker, type PickedPerson } from '../psych/PersonPicker'
import { useFacility } from '../shell/useFacility'
import { KindBadge } from './knowledgeUi'

/**
 * A paper sheet typed in by staff: one row per item, type the letters (A, BD), Enter to the next row. The server checks
 * every answer against its item (a letter beyond the options, several on a single item) and answers at the field; the
 * sheet is scored and kept only when every row is valid.
 */
export function PaperEntryModal({ papers, onClose }: { papers: readonly PaperRow[]; onClose: () => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const today = useFacility().data?.today ?? todayIso()
  const [paperId, setPaperId] = useState<string | null>(papers[0]?.id ?? null)
  const [person, setPerson] = useState<PickedPerson | null>(null)
  const [answeredOn, setAnsweredOn] = useState<string | null>(today)
  const [answers, setAnswers] = useState<string[]>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const inputs = useRef<Array<HTMLInputElement | null>>([])
  const paper = useApiQuery('knowledge:paper', { id: paperId ?? '' }, { enabled: paperId !== null })
  const items = paper.data?.items ?? []
  const save = useApiMutation('knowledge:enterPaperAnswers', { success: false })
  const submit = async () => {
    if (!paperId || !person || !answeredOn) return
    setErrors({})
    try {
      const result = await save.mutateAsync({ paperId, personId: person.id, answeredOn, answers: items.map((_, i) => answers[i] ?? '') })
      onClose()
      await navigate(`/knowledge/attempts/${result.attemptId}`)
    } catch (error) {
      if (isApiCallError(error) && error.fields) {
        setErrors(Object.fromEntries(Object.entries(error.fields).map(([k, v]) => [k, translateFieldError(v)])))
        const first = Object.keys(error.fields).find((k) => k.startsWith('answers.'))
        if (first) inputs.current[Number(first.split('.')[1])]?.focus()
      }
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('knowledge.sittings.enterPaper')} size="xl">
      <Stack>
        <Group grow align="flex-start">
          <Select label={t('knowledge.sittings.pickPaper')} data={papers.map((p) => ({ value: p.id, label: p.title }))} value={paperId} onChange={(v) => { setPaperId(v); setAnswers([]) }} allowDeselect={false} />
          <PersonPicker label={t('knowledge.sittings.pickPerson')} onPick={setPerson} />
          <DateField label={t('knowledge.sittings.answeredOn')} value={answeredOn} onChange={setAnsweredOn} maxDate={today} error={errors.answeredOn} />
        </Group>
        {person && <Text fz="sm">{t('knowledge.common.person')}：{person.name}</Text>}
        {errors.personId && <Text c="red" fz="sm">{errors.personId}</Text>}
        {errors.answers && <Alert color="red" variant="light">{errors.answers}</Alert>}
        <Text fz="sm" c="dimmed">{t('knowledge.sittings.typedHint')}</Text>
        {paper.isError && <ErrorAlert error={paper.error} />}
        <ScrollArea.Autosize mah={420}>
          <Table data-testid="paper-entry-grid">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={50}>{t('knowledge.common.position')}</Table.Th>
                <Table.Th>{t('knowledge.common.stem')}</Table.Th>
                <Table.Th w={90}>{t('knowledge.common.kind')}</Table.Th>
                <Table.Th w={150}>{t('knowledge.common.answer')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((item, i) => (
                <Table.Tr key={item.position}>
                  <Table.Td className="tabular">{item.position}</Table.Td>
                  <Table.Td>
                    <Text fz="sm" lineClamp={1} title={item.stem}>{item.stem}</Text>
                  </Table.Td>
                  <Table.Td><KindBadge kind={item.kind} /></Table.Td>
                  <Table.Td>
                    <TextInput
                      ref={(el) => { inputs.current[i] = el }}
                      size="xs"
                      aria-label={`${t('knowledge.common.position')} ${item.position}`}
                      placeholder={`A–${item.options.at(-1)?.key ?? 'D'}`}
                      value={answers[i] ?? ''}
                      error={errors[`answers.${i}`]}
                      onChange={(e) => {
                        const next = [...answers]
                        next[i] = e.currentTarget.value.toUpperCase()
                        setAnswers(next)
                      }}
                      onKeyDown={(e) => {
                        if (e.key !== 'Enter') return
                        e.preventDefault()
                        if (i + 1 < items.length) inputs.current[i + 1]?.focus()
                        else void submit()
                      }}
                      data-testid={`typed-${i}`}
                    />
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </ScrollArea.Autosize>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
          <Button onClick={() => void submit()} disabled={!paperId || !person || !answeredOn || items.length === 0} loading={save.isPending} data-testid="typed-save">
            {t('knowledge.sittings.typedSave')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
