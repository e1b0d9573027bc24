import { Badge, Button, Pagination, Group, Table, Text } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { IMPORT_COLUMNS, type ImportRowResult } from '@shared/contract'
import { translateFieldError } from '../../../i18n/errorText'

const PAGE_SIZE = 100
const STATUS_COLOR = { valid: 'teal', invalid: 'red', excluded: 'gray' } as const

interface Props {
  rows: readonly ImportRowResult[]
  onToggleExclude?: (row: number) => void
  busy?: boolean
  /** After the import: the statuses read as outcomes (imported / skipped). */
  outcome?: boolean
}

/**
 * The file as the core understood it: one line per sheet row, every cell with its normalised value; a cell with a
 * problem is marked red with the message under the value, and a row-level problem shows beside the status.
 */
export function PreviewTable({ rows, onToggleExclude, busy, outcome }: Props) {
  const { t } = useTranslation()
  const [page, setPage] = useState(1)
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE))
  const current = Math.min(page, pages)
  const shown = rows.slice((current - 1) * PAGE_SIZE, current * PAGE_SIZE)
  return (
    <>
      <Table.ScrollContainer minWidth={1800}>
        <Table striped={false} withTableBorder withColumnBorders fz="sm" data-testid="import-preview">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('import.colRow')}</Table.Th>
              <Table.Th miw={200}>{t('import.colStatus')}</Table.Th>
              {IMPORT_COLUMNS.map((c) => (
                <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>
                  {t(`import.columns.${c.key}`)}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((r) => (
              <Table.Tr key={r.row} data-row={r.row} data-status={r.status} style={r.status === 'excluded' ? { opacity: 0.55 } : undefined}>
                <Table.Td className="tabular">{r.row}</Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={6} wrap="nowrap">
                    <Badge variant="light" color={STATUS_COLOR[r.status]}>
                      {outcome
                        ? t(r.status === 'valid' ? 'import.imported' : 'import.skipped')
                        : t(r.status === 'valid' ? 'import.statusValid' : r.status === 'invalid' ? 'import.statusInvalid' : 'import.statusExcluded')}
                    </Badge>
                    {onToggleExclude && r.status !== 'valid' && (
                      <Button size="compact-xs" variant="subtle" disabled={busy} onClick={() => onToggleExclude(r.row)}>
                        {r.status === 'excluded' ? t('import.include') : t('import.exclude')}
                      </Button>
                    )}
                  </Group>
                  {/* Every problem of the row, named by column, so none hides in a column scrolled out of view. */}
                  {IMPORT_COLUMNS.filter((c) => r.errors[c.key]).map((c) => (
                    <Text key={c.key} fz="xs" c="red" maw={240}>
                      {t('import.cellProblem', { column: t(`import.columns.${c.key}`), problem: translateFieldError(r.errors[c.key]!) })}
                    </Text>
                  ))}
                </Table.Td>
                {IMPORT_COLUMNS.map((c) => {
                  const problem = r.errors[c.key]
                  return (
                    <Table.Td key={c.key} data-column={c.key} data-error={problem ? 'true' : undefined} bg={problem ? 'var(--mantine-color-red-light)' : undefined} style={{ verticalAlign: 'top', minWidth: problem ? 200 : undefined }}>
                      <Text fz="sm" style={{ whiteSpace: 'nowrap' }}>
                        {r.values[c.key] ?? ''}
                      </Text>
                      {problem && (
                        <Text fz="xs" c="red" maw={260}>
                          {translateFieldError(problem)}
                        </Text>
                      )}
                    </Table.Td>
                  )
                })}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {pages > 1 && (
        <Group justify="flex-end" mt="sm">
          <Pagination size="sm" total={pages} value={current} onChange={setPage} withEdges />
        </Group>
      )}
    </>
  )
}
