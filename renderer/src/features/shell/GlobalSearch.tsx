import { Combobox, Group, Kbd, Loader, Text, TextInput, useCombobox } from '@mantine/core'
import { useHotkeys } from '@mantine/hooks'
import { IconSearch } from '@tabler/icons-react'
import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { PeriodBadge } from '../../components/PeriodBadge'
import { personPlace, usePeopleSearch } from '../people/usePeopleSearch'

/**
 * Header search: name, pinyin (full or initials) or ID number → jump to the file. Answers as the user types (debounced;
 * a query typed past is cancelled, and its answer never shows); each result gives the ward, or 已出所 and the last day
 * for a file whose stay has ended, the period and the ID number's tail.
 */
export function GlobalSearch() {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const inputRef = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const combobox = useCombobox({ onDropdownClose: () => combobox.resetSelectedOption() })
  const search = usePeopleSearch(query, { limit: 10 })
  const results = search.rows

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
          rightSection={search.loading ? <Loader size={14} /> : <Kbd size="xs">Ctrl K</Kbd>}
          rightSectionWidth={search.loading ? 32 : 56}
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
        <Combobox.Options data-testid="search-results" data-stale={search.stale || undefined} style={{ opacity: search.stale ? 0.55 : 1 }}>
          {results.map((row) => (
            <Combobox.Option value={row.id} key={row.id} data-testid="search-result">
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Group gap={8} wrap="nowrap">
                  <Text fz="sm" fw={500}>
                    {row.name}
                  </Text>
                  <Text fz="xs" c="dimmed" className="tabular">
                    {t(`sex.${row.sex}`)} · {personPlace(t, row)} · ****{row.idTail}
                  </Text>
                </Group>
                {/* A released file has no current period; its place already says 已出所 and the last day. */}
                {row.wardId && <PeriodBadge period={row.period} size="sm" />}
              </Group>
            </Combobox.Option>
          ))}
          {search.settled && results.length === 0 && <Combobox.Empty>{t('header.noResults')}</Combobox.Empty>}
          {search.error && <Combobox.Empty c="red">{t('common.loadFailed')}</Combobox.Empty>}
          {!search.settled && !search.error && results.length === 0 && <Combobox.Empty>{t('header.searching')}</Combobox.Empty>}
        </Combobox.Options>
      </Combobox.Dropdown>
    </Combobox>
  )
}
