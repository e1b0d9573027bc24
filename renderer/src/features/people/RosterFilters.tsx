import { Checkbox, Group, SegmentedControl, Select, TextInput } from '@mantine/core'
import { useDebouncedCallback } from '@mantine/hooks'
import { IconFilter } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { PERIODS } from '@shared/domain/periods'
import { SEXES } from '@shared/domain/person'
import { usePeriodLabel } from '../../components/PeriodBadge'
import { useWards } from '../wards/useWards'
import { useUser } from '../auth/UserContext'
import type { RosterQuery } from './rosterParams'

interface Props {
  query: RosterQuery
  onChange: (patch: Partial<RosterQuery>) => void
  /** The all-people list shows the stay filter (在所 / 已出所 / 全部), a ward filter and the void switch. */
  withWard?: boolean
}

export function RosterFilters({ query, onChange, withWard = false }: Props) {
  const { t } = useTranslation()
  const [text, setText] = useState(query.q)
  const pushText = useDebouncedCallback((q: string) => onChange({ q: q.trim() }), 250)
  const wards = useWards(withWard)
  const periodLabel = usePeriodLabel()
  // Past files have no current ward or period: those filters would only empty the list.
  const pastOnly = withWard && query.stay === 'past'
  // Past files have no ward: a caller who reads only his wards (包队责任制) never sees them, so no stay filter.
  const user = useUser()
  const ownWardsOnly = user.reach.read === 'own'
  return (
    <Group gap="sm" mb="sm" wrap="wrap">
      {withWard && !ownWardsOnly && (
        <SegmentedControl
          size="sm"
          value={query.stay}
          onChange={(v) => onChange({ stay: v as RosterQuery['stay'] })}
          data={[
            { value: 'current', label: t('roster.stayCurrent') },
            { value: 'past', label: t('roster.stayPast') },
            { value: 'all', label: t('roster.stayAll') },
          ]}
          aria-label={t('roster.stay')}
          data-testid="stay-filter"
        />
      )}
      <TextInput
        w={240}
        leftSection={<IconFilter size={16} stroke={1.5} />}
        placeholder={t('roster.filterPlaceholder')}
        aria-label={t('roster.filter')}
        value={text}
        onChange={(e) => {
          setText(e.currentTarget.value)
          pushText(e.currentTarget.value)
        }}
      />
      <SegmentedControl
        size="sm"
        disabled={pastOnly}
        title={pastOnly ? t('roster.pastNoPeriod') : undefined}
        value={query.period || 'all'}
        onChange={(v) => onChange({ period: v === 'all' ? '' : (v as RosterQuery['period']) })}
        data={[{ value: 'all', label: t('roster.allPeriods') }, ...PERIODS.map((p) => ({ value: p, label: periodLabel(p, true) }))]}
        aria-label={t('col.period')}
      />
      <Select
        w={120}
        value={query.sex || 'all'}
        onChange={(v) => onChange({ sex: v === 'all' || !v ? '' : (v as RosterQuery['sex']) })}
        data={[{ value: 'all', label: t('roster.allSexes') }, ...SEXES.map((s) => ({ value: s, label: t(`sex.${s}`) }))]}
        aria-label={t('col.sex')}
      />
      {withWard && (
        <>
          <Select
            w={160}
            disabled={pastOnly}
            value={pastOnly ? 'all' : query.wardId || 'all'}
            onChange={(v) => onChange({ wardId: v === 'all' || !v ? '' : v })}
            data={[{ value: 'all', label: t('roster.allWards') }, ...(wards.data ?? []).map((w) => ({ value: w.id, label: w.name }))]}
            aria-label={t('col.ward')}
          />
          <Checkbox
            label={t('roster.includeVoided')}
            checked={query.includeVoided}
            onChange={(e) => onChange({ includeVoided: e.currentTarget.checked })}
          />
        </>
      )}
    </Group>
  )
}
