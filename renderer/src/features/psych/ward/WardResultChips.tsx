import { Badge, Group, Text, Tooltip } from '@mantine/core'
import { IconFlag, IconFlagFilled } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { InstrumentView, WardPsychRow } from '@shared/contract'
import { severityColor, useBi } from '../psychUi'

/**
 * The latest result of each instrument as compact chips ("PHQ-9 中度 · SCL-90 ⚑"), newest first, and a flag mark while
 * a flag's follow-up task is open, whichever assessment is newest. Lists show that a flag exists, never its text.
 */
export function WardResultChips({ row, instruments }: { row: WardPsychRow; instruments: Map<string, InstrumentView> }) {
  const { t } = useTranslation()
  const bi = useBi()
  if (row.results.length === 0 && !row.openFlag) {
    return (
      <Text fz="sm" c="dimmed">
        {t('psych.ward.never')}
      </Text>
    )
  }
  return (
    <Group gap={4} wrap="nowrap" data-testid="ward-results">
      {row.openFlag && (
        <Tooltip label={t('psych.wardResults.openFlag')}>
          <Badge size="sm" color="red" variant="filled" px={6} leftSection={<IconFlagFilled size={11} />} data-testid="ward-open-flag" aria-label={t('psych.wardResults.openFlag')}>
            {t('psych.wardResults.flagged')}
          </Badge>
        </Tooltip>
      )}
      {row.results.map((r) => {
        const name = instruments.get(r.instrumentId)?.shortName ?? r.instrumentId
        const detail = r.incomplete ? t('psych.incomplete') : r.bandLabel ? bi(r.bandLabel) : null
        return (
          <Tooltip key={r.instrumentId} label={t('psych.wardResults.chipTitle', { instrument: name, on: r.on })}>
            <Badge
              size="sm"
              variant={(r.severity ?? 0) >= 4 ? 'filled' : 'light'}
              color={r.incomplete ? 'gray' : r.flagged && r.bandLabel === null ? 'red' : severityColor(r.severity)}
              rightSection={r.flagged ? <IconFlag size={11} aria-label={t('psych.wardResults.flagged')} /> : undefined}
              data-testid="ward-result-chip"
              data-instrument={r.instrumentId}
              data-flagged={r.flagged || undefined}
              style={{ textTransform: 'none' }}
            >
              {detail ? `${name} ${detail}` : name}
            </Badge>
          </Tooltip>
        )
      })}
    </Group>
  )
}
