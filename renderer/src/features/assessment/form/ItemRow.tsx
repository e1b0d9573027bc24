import { Anchor, Badge, Group, SegmentedControl, Stack, Table, Text, TextInput } from '@mantine/core'
import { IconLink } from '@tabler/icons-react'
import { NumberField } from '../../../components/NumberField'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { EvidenceSnapshot } from '@shared/contract'
import type { TemplateItem } from '@shared/domain/assessment'
import { evidenceLink, useBilingual } from '../assessmentUi'
import type { ItemState } from './useAssessmentForm'

interface Props {
  personId: string
  item: TemplateItem
  evidence: EvidenceSnapshot | null
  suggested: number | null
  value: ItemState
  readOnly: boolean
  errors: { points?: string; note?: string; itemId?: string }
  onChange: (value: ItemState) => void
  testId: string
}

/** One template item: its evidence chip (linked to the record), the suggestion, the points and the assessor's note. */
export function ItemRow({ personId, item, evidence, suggested, value, readOnly, errors, onChange, testId }: Props) {
  const { t } = useTranslation()
  const text = useBilingual()
  const overridden = suggested !== null && value.points !== null && value.points !== suggested
  return (
    <Table.Tr data-testid={testId}>
      <Table.Td>
        <Text fz="sm" fw={500}>
          {text(item.label)}
        </Text>
        {item.hint && (
          <Text fz="xs" c="dimmed">
            {text(item.hint)}
          </Text>
        )}
        <Text fz="xs" c="dimmed">
          {item.scoring === 'all_or_nothing' ? t('assessment.allOrNothing') : t('assessment.graded')} · {item.points}
        </Text>
        {errors.itemId && (
          <Text fz="xs" c="red">
            {errors.itemId}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <EvidenceChip personId={personId} evidence={evidence} suggested={suggested} scored={value.points !== null} />
      </Table.Td>
      <Table.Td w={170}>
        {item.scoring === 'all_or_nothing' ? (
          <Stack gap={2}>
            <SegmentedControl
              size="xs"
              disabled={readOnly}
              value={value.points === null ? '' : String(value.points)}
              onChange={(v) => onChange({ ...value, points: Number(v) })}
              data={[
                { value: '0', label: '0' },
                { value: String(item.points), label: String(item.points) },
              ]}
              aria-label={t('assessment.fields.points')}
              data-testid={`${testId}-points`}
            />
            {errors.points && (
              <Text fz="xs" c="red">
                {errors.points}
              </Text>
            )}
          </Stack>
        ) : (
          <NumberField
            size="xs"
            min={0}
            max={item.points}
           
           
            readOnly={readOnly}
            value={value.points ?? ''}
            onChange={(v) => onChange({ ...value, points: v === '' ? null : Number(v) })}
            error={errors.points}
            aria-label={t('assessment.fields.points')}
            data-testid={`${testId}-points`}
          />
        )}
      </Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          readOnly={readOnly}
          value={value.note}
          placeholder={overridden ? t('assessment.evidence.suggested', { points: suggested }) : undefined}
          onChange={(e) => onChange({ ...value, note: e.currentTarget.value })}
          error={errors.note}
          aria-label={t('assessment.fields.itemNote')}
          data-testid={`${testId}-note`}
        />
      </Table.Td>
    </Table.Tr>
  )
}

export function EvidenceChip({ personId, evidence, suggested, scored }: { personId: string; evidence: EvidenceSnapshot | null; suggested: number | null; scored: boolean }) {
  const { t } = useTranslation()
  if (!evidence) {
    return (
      <Badge variant="outline" color="gray" size="sm">
        {t('assessment.evidenceKinds.manual')}
      </Badge>
    )
  }
  const link = evidenceLink(personId, evidence)
  const color = evidence.met === null ? (scored ? 'gray' : 'orange') : evidence.met ? 'teal' : 'red'
  return (
    <Stack gap={2}>
      <Group gap={4} wrap="nowrap">
        <Badge variant="light" color={color} size="sm">
          {t(`assessment.evidenceKinds.${evidence.kind}`)}
        </Badge>
        {link && (
          <Anchor component={Link} to={link} fz="xs" aria-label={t('assessment.evidence.open')}>
            <IconLink size={12} />
          </Anchor>
        )}
      </Group>
      <Text fz="xs" c={evidence.met === null && !scored ? 'orange' : 'dimmed'}>
        {evidence.met === null && !evidence.summary
          ? // Scored by hand without a record: no request is opened, so say only that there is none.
            t(scored ? 'assessment.evidence.none' : 'assessment.evidence.missing')
          : `${evidence.summary}${evidence.on ? `（${evidence.on}）` : ''}`}
      </Text>
      {suggested !== null && (
        <Text fz="xs" c={evidence.met ? 'teal' : 'red'}>
          {t(evidence.met ? 'assessment.evidence.met' : 'assessment.evidence.notMet')} · {t('assessment.evidence.suggested', { points: suggested })}
        </Text>
      )}
    </Stack>
  )
}
