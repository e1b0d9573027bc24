import { Alert, Badge, Group, SimpleGrid, Stack, Table, Text } from '@mantine/core'
import { IconAlertOctagon } from '@tabler/icons-react'
import { useTranslation } from 'react-i18next'
import type { InstrumentView, ScoredResult } from '@shared/contract'
import type { PsychSettings } from '@shared/domain/psych'
import { FactorChart, type FactorBar } from '../charts/FactorChart'
import { formatScore, orderedScoreKeys, SeverityBadge, useBi, useItemText, useScoreLabel } from '../psychUi'

/** All scores of a result with readable names; the score the bands apply to is marked. */
export function ScoresTable({ result, instrument }: { result: ScoredResult; instrument: InstrumentView | undefined }) {
  const { t } = useTranslation()
  const label = useScoreLabel()
  return (
    <Table withTableBorder withColumnBorders data-testid="scores-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('psych.result.score')}</Table.Th>
          <Table.Th ta="right" w={140}>
            {t('psych.result.value')}
          </Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {orderedScoreKeys(result.scores).map((key) => (
          <Table.Tr key={key} data-score={key}>
            <Table.Td>
              <Group gap={6}>
                <Text fz="sm">{label(key)}</Text>
                {instrument?.bandScore === key && (
                  <Badge size="xs" variant="outline" color="gray">
                    {t('psych.result.bandBasis')}
                  </Badge>
                )}
              </Group>
            </Table.Td>
            <Table.Td ta="right" className="tabular" fw={instrument?.bandScore === key ? 700 : 500}>
              {formatScore(result.scores[key], key)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}

/** The band with its interpretation. */
export function BandBlock({ result }: { result: ScoredResult }) {
  const { t } = useTranslation()
  const bi = useBi()
  if (!result.band) return <Text c="dimmed" fz="sm">{result.flags.length > 0 ? t('psych.result.noBandFlags') : t('psych.result.noBandClear')}</Text>
  return (
    <Stack gap={6} data-testid="band">
      <Group gap="sm">
        <Text fz="sm" c="dimmed">
          {t('psych.band')}
        </Text>
        <SeverityBadge severity={result.band.severity} label={bi(result.band.label)} size="lg" />
      </Group>
      <Text fz="sm">{bi(result.band.interpretation)}</Text>
    </Stack>
  )
}

/** Flags raised by the scoring rules (e.g. PHQ-9 item 9), as red alerts. */
export function FlagAlerts({ result }: { result: ScoredResult }) {
  const { t } = useTranslation()
  const bi = useBi()
  if (result.flags.length === 0) return null
  return (
    <Stack gap="xs">
      {result.flags.map((flag) => (
        <Alert key={flag.id} color="red" variant="filled" icon={<IconAlertOctagon size={20} />} data-testid="flag-alert" data-flag={flag.id}>
          <Text fw={600} fz="sm">
            {bi(flag.label)}
          </Text>
          {flag.createsTask && (
            <Text fz="xs" mt={2} opacity={0.9}>
              {t('psych.result.flagTask')}
            </Text>
          )}
        </Alert>
      ))}
    </Stack>
  )
}

/** Flags as plain bordered lines for paper (no filled colour blocks, no on-screen hints). */
export function PrintFlags({ result }: { result: ScoredResult }) {
  const bi = useBi()
  if (result.flags.length === 0) return null
  return (
    <div className="print-flags" data-testid="print-flags">
      {result.flags.map((flag) => (
        <div key={flag.id}>⚠ {bi(flag.label)}</div>
      ))}
    </div>
  )
}

export const FACTOR_CUTOFF = 2

export function isFactorPositive(value: number, rule: PsychSettings['scl90FactorRule'] | undefined): boolean {
  return rule === '>' ? value > FACTOR_CUTOFF : value >= FACTOR_CUTOFF
}

/** Factor scores as a chart and a table; the cut-off line at 2 follows the facility's ≥/> rule. */
export function FactorSection({
  result,
  instrument,
  rule,
  animate = true,
}: {
  result: ScoredResult
  instrument: InstrumentView
  rule: PsychSettings['scl90FactorRule'] | undefined
  animate?: boolean
}) {
  const { t } = useTranslation()
  const bi = useBi()
  const bars: FactorBar[] = instrument.factors
    .filter((f) => result.factors[f.id] !== undefined)
    .map((f) => {
      const value = result.factors[f.id] ?? 0
      return { label: bi(f.name), value, positive: isFactorPositive(value, rule) }
    })
  if (bars.length === 0) return null
  const values = instrument.responseOptions.map((o) => o.value)
  const min = Math.min(...values)
  const max = Math.max(...values)
  const cutoffLabel = t('psych.result.factorCutoff', { rule: rule === '>' ? '>' : '≥', value: FACTOR_CUTOFF })
  if (!animate) {
    return (
      <div className="print-factors">
        <div data-testid="factor-chart">
          <FactorChart bars={bars} min={min} max={max} cutoff={FACTOR_CUTOFF} cutoffLabel={cutoffLabel} animate={false} />
        </div>
        <table className="print-table">
          <tbody>
            {bars.map((b) => (
              <tr key={b.label}>
                <th>{b.label}</th>
                <td className="num" style={b.positive ? { fontWeight: 700, color: '#c92a2a' } : undefined}>
                  {formatScore(b.value, 'factor')}
                  {b.positive ? ' *' : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    )
  }
  return (
    <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="lg">
      <div data-testid="factor-chart">
        <FactorChart bars={bars} min={min} max={max} cutoff={FACTOR_CUTOFF} cutoffLabel={cutoffLabel} animate={animate} />
      </div>
      <Table withTableBorder data-testid="factor-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('psych.result.factor')}</Table.Th>
            <Table.Th ta="right">{t('psych.result.factorScore')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {bars.map((b) => (
            <Table.Tr key={b.label}>
              <Table.Td>{b.label}</Table.Td>
              <Table.Td ta="right" className="tabular" c={b.positive ? 'red.7' : undefined} fw={b.positive ? 700 : 400}>
                {formatScore(b.value, 'factor')}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </SimpleGrid>
  )
}

/** The raw answers: a table when item texts are known, otherwise a compact grid of item → answer. */
export function AnswersView({ instrument, answers }: { instrument: InstrumentView; answers: Array<number | null> }) {
  const { t } = useTranslation()
  const bi = useBi()
  const itemText = useItemText()
  const optionLabel = (value: number | null) => {
    if (value === null) return t('psych.result.unanswered')
    const o = instrument.responseOptions.find((x) => x.value === value)
    return o ? `${value} · ${bi(o.label)}` : String(value)
  }
  const withTexts = instrument.itemTextsShipped || instrument.itemTextsLoaded
  if (!withTexts) {
    return (
      <SimpleGrid cols={{ base: 5, sm: 10 }} spacing={4} verticalSpacing={4} data-testid="answers">
        {instrument.items.map((item, i) => {
          const value = answers[i] ?? null
          return (
            <Group key={item.number} gap={4} wrap="nowrap" px={6} py={2} bg={value === null ? 'yellow.1' : 'gray.0'} style={{ borderRadius: 4 }}>
              <Text fz="xs" c="dimmed" className="tabular" w={22} ta="right">
                {item.number}
              </Text>
              <Text fz="sm" fw={600} className="tabular">
                {value ?? '—'}
              </Text>
            </Group>
          )
        })}
      </SimpleGrid>
    )
  }
  return (
    <Table data-testid="answers" striped="even">
      <Table.Thead>
        <Table.Tr>
          <Table.Th w={50}>{t('psych.result.itemNo')}</Table.Th>
          <Table.Th>{t('psych.result.item')}</Table.Th>
          <Table.Th w={200}>{t('psych.result.answer')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {instrument.items.map((item, i) => (
          <Table.Tr key={item.number} bg={answers[i] == null ? 'yellow.0' : undefined}>
            <Table.Td className="tabular">{item.number}</Table.Td>
            <Table.Td>{itemText(instrument, item.number).text}</Table.Td>
            <Table.Td>{optionLabel(answers[i] ?? null)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  )
}
