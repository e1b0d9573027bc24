import { Loader, MultiSelect, Select, type ComboboxItem } from '@mantine/core'
import { IconSearch } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { PersonListRow } from '@shared/contract'
import { REQUIRED } from '../../components/required'
import { personOptionLabel, usePeopleSearch } from '../people/usePeopleSearch'

export interface PickedPerson {
  id: string
  name: string
}

function useSearch(query: string) {
  const search = usePeopleSearch(query, { limit: 15 })
  return { rows: search.rows, loading: search.loading }
}

function useOptionLabel(): (row: PersonListRow) => string {
  const { t } = useTranslation()
  return (row) => personOptionLabel(t, row)
}

/** Finds one person by name, pinyin or ID number (server search). */
export function PersonPicker({ label, onPick, autoFocus }: { label: string; onPick: (person: PickedPerson) => void; autoFocus?: boolean }) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const { rows, loading } = useSearch(query)
  const optionLabel = useOptionLabel()
  return (
    <Select
      label={label}
      placeholder={t('header.searchPlaceholder')}
      searchable
      searchValue={query}
      onSearchChange={setQuery}
      data={rows.filter((r) => !r.voided).map((r) => ({ value: r.id, label: optionLabel(r) }))}
      filter={({ options }) => options}
      nothingFoundMessage={query.trim() ? (loading ? t('header.searching') : t('header.noResults')) : undefined}
      leftSection={<IconSearch size={16} stroke={1.5} />}
      rightSection={loading ? <Loader size={14} /> : undefined}
      data-autofocus={autoFocus || undefined}
      onChange={(value) => {
        const row = rows.find((r) => r.id === value)
        if (row) onPick({ id: row.id, name: row.name })
      }}
    />
  )
}

/** Several people (group counselling participants); chosen people stay listed while searching for others. */
export function PeoplePicker({
  label,
  value,
  onChange,
  error,
}: {
  label: string
  value: PickedPerson[]
  onChange: (people: PickedPerson[]) => void
  error?: string | null
}) {
  const { t } = useTranslation()
  const [query, setQuery] = useState('')
  const { rows, loading } = useSearch(query)
  const optionLabel = useOptionLabel()
  const chosen = new Set(value.map((p) => p.id))
  const data: ComboboxItem[] = [
    ...value.map((p) => ({ value: p.id, label: p.name })),
    ...rows.filter((r) => !r.voided && !chosen.has(r.id)).map((r) => ({ value: r.id, label: optionLabel(r) })),
  ]
  return (
    <MultiSelect
      label={label}
      placeholder={value.length === 0 ? t('header.searchPlaceholder') : undefined}
      labelProps={REQUIRED}
      searchable
      hidePickedOptions
      searchValue={query}
      onSearchChange={setQuery}
      data={data}
      filter={({ options }) => options}
      value={value.map((p) => p.id)}
      nothingFoundMessage={query.trim() ? (loading ? t('header.searching') : t('header.noResults')) : undefined}
      rightSection={loading ? <Loader size={14} /> : undefined}
      error={error}
      // Unmounted when closed, like every Select in the theme: a hidden listbox labelled like the input confuses getByLabel.
      comboboxProps={{ shadow: 'md', keepMounted: false }}
      onChange={(ids) => {
        const known = new Map<string, string>([...value.map((p): [string, string] => [p.id, p.name]), ...rows.map((r): [string, string] => [r.id, r.name])])
        onChange(ids.map((id) => ({ id, name: known.get(id) ?? id })))
        setQuery('')
      }}
    />
  )
}
