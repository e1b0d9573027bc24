import { Badge, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { ItemKind, SittingRow } from '@shared/contract'

export const KIND_COLOR: Record<ItemKind, string> = { single: 'blue', multiple: 'grape' }

export function KindBadge({ kind }: { kind: ItemKind }) {
  const { t } = useTranslation()
  return (
    <Badge variant="light" color={KIND_COLOR[kind]}>
      {t(`knowledge.kinds.${kind}`)}
    </Badge>
  )
}

/** A sitting's score and pass, or its state when not scored (in progress, voided). */
export function ScoreCell({ row }: { row: Pick<SittingRow, 'score' | 'passed' | 'status' | 'voided'> }) {
  const { t } = useTranslation()
  if (row.voided) return <Badge color="gray" variant="outline">{t('knowledge.common.voided')}</Badge>
  if (row.status === 'open' || row.score === null) return <Text span c="dimmed" fz="sm">{t('knowledge.common.open')}</Text>
  return (
    <Text span fw={600} className="tabular" c={row.passed ? undefined : 'red.7'}>
      {row.score.toFixed(1)}{' '}
      <Badge size="sm" variant="light" color={row.passed ? 'teal' : 'red'}>
        {row.passed ? t('knowledge.common.passed') : t('knowledge.common.failed')}
      </Badge>
    </Text>
  )
}

/** Chosen keys shown as letters ("BD"), or a dash for no answer. */
export const keysText = (keys: readonly string[], blank: string) => (keys.length ? keys.join('') : blank)
