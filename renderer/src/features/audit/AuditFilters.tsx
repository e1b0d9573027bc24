import { Button, Group, Loader, Select } from '@mantine/core'
import { IconSearch, IconX } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditFilter } from '@shared/contract'
import { useApiQuery } from '../../api/hooks'
import { DateField, parseDate } from '../../components/DateField'
import { personOptionLabel, usePeopleSearch } from '../people/usePeopleSearch'
import { zhCN } from './i18n/zh-CN'

const METHODS = Object.keys(zhCN.methods) as Array<keyof typeof zhCN.methods>

/** The person filter: a server search by name, pinyin or ID number; the chosen person stays shown by name. */
function PersonFilter({ value, onChange }: { value: { id: string; name: string } | null; onChange: (p: { id: string; name: string } | null) => void }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const typing = query.trim().length > 0 && query.trim() !== value?.name
  const search = usePeopleSearch(query, { limit: 15, enabled: typing })
  const rows = search.rows
  const data = [...(value ? [{ value: value.id, label: value.name }] : []), ...rows.filter((r) => r.id !== value?.id).map((r) => ({ value: r.id, label: personOptionLabel(t, r) }))]
  return (
    <Select
      w={240}
      aria-label={t('audit.filters.person')}
      placeholder={t('audit.filters.person')}
      searchable
      clearable
      searchValue={query}
      onSearchChange={setQuery}
      data={data}
      filter={({ options }) => options}
      value={value?.id ?? null}
      leftSection={<IconSearch size={14} stroke={1.5} />}
      rightSection={search.loading ? <Loader size={14} /> : undefined}
      nothingFoundMessage={typing ? (search.loading ? t('audit.filters.searching') : t('audit.filters.noResults')) : t('audit.filters.personPlaceholder')}
      comboboxProps={{ keepMounted: false }}
      onChange={(id) => {
        const row = rows.find((r) => r.id === id)
        onChange(row ? { id: row.id, name: row.name } : id && value?.id === id ? value : null)
      }}
    />
  )
}

export interface AuditFilterState {
  method: string | null
  person: { id: string; name: string } | null
  actorId: string | null
  from: string
  to: string
}

export const NO_FILTER: AuditFilterState = { method: null, person: null, actorId: null, from: '', to: '' }

/** The filter as the API takes it: only complete dates are sent (the field says when a typed date is not one). */
export function toApiFilter(f: AuditFilterState): AuditFilter {
  const from = parseDate(f.from) ?? undefined
  const to = parseDate(f.to) ?? undefined
  return {
    method: f.method ?? undefined,
    personId: f.person?.id,
    actorId: f.actorId ?? undefined,
    from,
    // an end before the start is marked on the field and not sent
    to: from && to && to < from ? undefined : to,
  }
}

export function AuditFilters({ value, onChange }: { value: AuditFilterState; onChange: (f: AuditFilterState) => void }) {
  const { t } = useTranslation()
  const staff = useApiQuery('staff:list', {})
  const set = (patch: Partial<AuditFilterState>) => onChange({ ...value, ...patch })
  const dateError = (text: string) => (text && !parseDate(text) ? t('v.date') : undefined)
  const from = parseDate(value.from)
  const to = parseDate(value.to)
  const orderError = from && to && to < from ? t('v.end_before_start') : undefined
  const filtered = value.method || value.person || value.actorId || value.from || value.to
  return (
    <Group mb="sm" align="flex-start" gap="sm" data-testid="audit-filters">
      <PersonFilter value={value.person} onChange={(person) => set({ person })} />
      <Select
        w={180}
        clearable
        searchable
        aria-label={t('audit.filters.actor')}
        placeholder={t('audit.filters.actor')}
        value={value.actorId}
        onChange={(actorId) => set({ actorId })}
        data={(staff.data ?? []).map((s) => ({ value: s.id, label: s.displayName }))}
        comboboxProps={{ keepMounted: false }}
      />
      <Select
        w={220}
        clearable
        searchable
        placeholder={t('audit.filterMethod')}
        aria-label={t('audit.filterMethod')}
        value={value.method}
        onChange={(method) => set({ method })}
        data={METHODS.map((m) => ({ value: m, label: t(`methods.${m}`) }))}
        comboboxProps={{ keepMounted: false }}
      />
      <DateField w={150} aria-label={t('audit.filters.from')} placeholder={t('audit.filters.from')} clearable value={value.from} onChange={(v) => set({ from: v })} error={dateError(value.from)} />
      <DateField
        w={150}
        aria-label={t('audit.filters.to')}
        placeholder={t('audit.filters.to')}
        clearable
        value={value.to}
        onChange={(v) => set({ to: v })}
        error={dateError(value.to) ?? orderError}
      />
      {filtered && (
        <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={() => onChange(NO_FILTER)}>
          {t('audit.filters.clear')}
        </Button>
      )}
    </Group>
  )
}
