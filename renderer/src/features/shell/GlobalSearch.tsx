import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core'
import { useDebouncedValue, useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { useApiQuery } from '../../api/hooks'
import { PeriodBadge } from '../../components/PeriodBadge'

/** Header search: name, pinyin (full or initials) or ID number → jump to the file. */
export function GlobalSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [debounced] = useDebouncedValue(query.trim(), 200)
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const search = useApiQuery('people:search', { q: debounced, limit: 10 }, { enabled: debounced.length > 0 })
  const results = useMemo(() => (debounced ? (search.data ?? []) : []), [debounced, search.data])

  useHotkeys([['mod+K', () => inputRef.current?.focus()]])

  useEffect(() => {
    if (results.length > 0) combobox.selectFirstOption()
  }, [results, combobox])

  const open = (id: string) => {
    combobox.closeDropdown()
    setQuery('')
    inputRef.current?.blur()
    void navigate(`/people/${id}`)
  }

  const showDropdown = query.trim().length > 0
  return (
    <Combobox store={combobox} onOptionSubmit={open} width={440} position="bottom-start" shadow="md" classNames={{ option: 'search-option' }}>
      <Combobox.Target>
        <TextInput
          ref={inputRef}
          w={{ base: 220, md: 340 }}
          value={query}
          placeholder={t('header.searchPlaceholder')}
          aria-label={t('header.search')}
          data-testid="global-search"
          leftSection={<IconSearch size={16} stroke={1.5} />}
          rightSection={search.isFetching ? <Loader size={14} /> : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={search.isFetching ? 32 : 56}
          rightSectionPointerEvents="none"
          onChange={(e) => {
            setQuery(e.currentTarget.value)
            combobox.openDropdown()
          }}
          onFocus={() => query.trim() && combobox.openDropdown()}
          onBlur={() => combobox.closeDropdown()}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              setQuery('')
              combobox.closeDropdown()
            }
          }}
        />
      </Combobox.Target>
      <Combobox.Dropdown hidden={!showDropdown}>
        <Combobox.Options>
          {results.map((row) => (
            <Combobox.Option value={row.id} key={row.id} data-testid="search-result">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap={8} wrap="nowrap">
                  <Text fz="sm" fw={500}>
                    {row.name}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {t(`sex.${row.sex}`)} · {row.wardName ?? t('file.noWard')} · ****{row.idTail}
                  </Text>
                </Group>
                <PeriodBadge period={row.period} size="sm" />
              </Group>
            </Combobox.Option>
          ))}
          {debounced && !search.isFetching && search.isSuccess && results.length === 0 && (
            <Combobox.Empty>{t('header.noResults')}</Combobox.Empty>
          )}
          {(search.isPending || debounced !== query.trim()) && results.length === 0 && (
            <Combobox.Empty>{t('header.searching')}</Combobox.Empty>
          )}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}
