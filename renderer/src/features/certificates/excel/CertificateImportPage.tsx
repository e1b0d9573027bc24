import { Alert, Badge, Button, Group, Paper, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { IconCheck, IconDownload, IconFileSpreadsheet } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { CERT_IMPORT_COLUMNS, keyWithParams, MAX_CERT_IMPORT_ROWS, type CertImportCheck, type CertImportRowInput } from '@shared/contract'
import { api } from '../../../api/client'
import { useApiMutation } from '../../../api/hooks'
import { host } from '../../../api/host'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { PageHeader } from '../../../components/PageHeader'
import { translateFieldError, useErrorText } from '../../../i18n/errorText'
import { loadExcel, parseSheet } from '../../people/import/parseSheet'
import { buildImportTemplate } from './rosterSheet'

type Stage =
  | { kind: 'choose'; problem: string | null }
  | { kind: 'checking'; fileName: string }
  | { kind: 'checked'; fileName: string; rows: CertImportRowInput[]; check: CertImportCheck }
  | { kind: 'done'; imported: number }

const XLSX = [{ name: 'Excel', extensions: ['xlsx'] }]
const EXAMPLE = ['张三', '居民身份证', '110101199003070011', '中式面点师', '4-03-02-02', '--', '五级/初级工', 'S000111000001265000001', '2026-05-20', '某市职业技能鉴定中心', '']

/**
 * /certificates/import — certificates issued by other bodies, from a workbook: download the template, choose the file
 * (parsed here with exceljs), see every row's problems at their cells (the core checks; nothing is written), and only
 * when every row is clean confirm the import, which the core checks again and writes all or nothing.
 */
export function CertificateImportPage() {
  const { t } = useTranslation()
  const errorText = useErrorText()
  const [stage, setStage] = useState<Stage>({ kind: 'choose', problem: null })
  const [checkError, setCheckError] = useState<unknown>(null)
  const commit = useApiMutation('certificates:import', { success: false })

  const template = async () => {
    try {
      const data = await buildImportTemplate(await loadExcel(), CERT_IMPORT_COLUMNS, EXAMPLE)
      await host.saveFile({ defaultName: '证书导入模板.xlsx', data, filters: XLSX })
    } catch (error) {
      notifications.show({ color: 'red', title: t('common.failed'), message: errorText(error) })
    }
  }

  const choose = async () => {
    const picked = await host.openFile({ title: t('cert.import.pick'), filters: XLSX })
    if (!picked) return
    setCheckError(null)
    setStage({ kind: 'checking', fileName: picked.name })
    const parsed = await parseSheet(await loadExcel(), picked.bytes, CERT_IMPORT_COLUMNS)
    if (!parsed.ok) {
      const p = parsed.problem
      const problem = p.kind === 'missing_columns' ? t('cert.import.missingColumns', { headers: p.headers.join('、') }) : p.kind === 'no_sheet' ? t('cert.import.noSheet') : t('cert.import.unreadable')
      return setStage({ kind: 'choose', problem })
    }
    if (parsed.rows.length === 0) return setStage({ kind: 'choose', problem: t('cert.import.empty') })
    if (parsed.rows.length > MAX_CERT_IMPORT_ROWS) return setStage({ kind: 'choose', problem: t('cert.import.tooMany', { max: MAX_CERT_IMPORT_ROWS }) })
    try {
      const check = await api.invoke('certificates:importCheck', { fileName: picked.name, rows: parsed.rows })
      setStage({ kind: 'checked', fileName: picked.name, rows: parsed.rows, check })
    } catch (error) {
      setCheckError(error)
      setStage({ kind: 'choose', problem: null })
    }
  }

  const confirm = (s: Extract<Stage, { kind: 'checked' }>) =>
    commit.mutate({ fileName: s.fileName, rows: s.rows }, { onSuccess: (out) => setStage({ kind: 'done', imported: out.imported }) })

  return (
    <Stack gap="md">
      <PageHeader title={t('cert.import.title')} subtitle={t('cert.import.subtitle')} back={{ to: '/certificates', label: t('cert.nav') }} />
      <Paper p="md">
        <Text fz="sm" c="dimmed" mb="sm">{t('cert.import.format')}</Text>
        <Group>
          <Button variant="default" leftSection={<IconDownload size={16} />} onClick={() => void template()} data-testid="cert-import-template">
            {t('cert.import.template')}
          </Button>
          <Button leftSection={<IconFileSpreadsheet size={16} />} onClick={() => void choose()} loading={stage.kind === 'checking'} data-testid="cert-import-pick">
            {t('cert.import.pick')}
          </Button>
        </Group>
      </Paper>
      {stage.kind === 'choose' && stage.problem && <Alert color="red" data-testid="cert-import-problem">{stage.problem}</Alert>}
      {checkError !== null && <ErrorAlert error={checkError} />}
      {commit.error && <ErrorAlert error={commit.error} />}
      {stage.kind === 'checked' && <Checked stage={stage} onConfirm={() => confirm(stage)} loading={commit.isPending} />}
      {stage.kind === 'done' && (
        <Alert color="teal" icon={<IconCheck size={16} />} data-testid="cert-import-done">
          <Text>{t('cert.import.done', { count: stage.imported })}</Text>
          <Group mt="sm">
            <Button size="xs" variant="default" onClick={() => setStage({ kind: 'choose', problem: null })}>{t('cert.import.again')}</Button>
            <Button size="xs" component={Link} to="/certificates">{t('cert.import.toRoster')}</Button>
          </Group>
        </Alert>
      )}
    </Stack>
  )
}

function Checked({ stage, onConfirm, loading }: { stage: Extract<Stage, { kind: 'checked' }>; onConfirm: () => void; loading: boolean }) {
  const { t } = useTranslation()
  const { check, rows, fileName } = stage
  const byRow = new Map(check.rows.map((r) => [r.row, r]))
  const clean = check.counts.withProblems === 0
  return (
    <Paper p="md">
      <Group justify="space-between" mb="sm">
        <Group gap="xs">
          <Text fw={600}>{t('cert.import.file', { name: fileName, count: check.counts.total })}</Text>
          <Badge color="teal" variant="light">{t('cert.import.clean', { count: check.counts.clean })}</Badge>
          {!clean && <Badge color="red" variant="light" data-testid="cert-import-problem-count">{t('cert.import.problems', { count: check.counts.withProblems })}</Badge>}
        </Group>
        <Button onClick={onConfirm} disabled={!clean} loading={loading} data-testid="cert-import-confirm">
          {t('cert.import.confirm', { count: check.counts.total })}
        </Button>
      </Group>
      <Alert color={clean ? 'teal' : 'orange'} mb="sm" data-testid="cert-import-status">
        {clean ? t('cert.import.allClean', { count: check.counts.total }) : t('cert.import.fixFirst')}
      </Alert>
      <ScrollArea>
        <Table withTableBorder fz="sm" miw={1300} data-testid="cert-import-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cert.import.row')}</Table.Th>
              {CERT_IMPORT_COLUMNS.map((c) => (
                <Table.Th key={c.key} style={{ whiteSpace: 'nowrap' }}>{c.required ? `${c.header}*` : c.header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => {
              const problems = byRow.get(row.row)?.problems ?? []
              return (
                <Table.Tr key={row.row} data-testid={`cert-import-row-${row.row}`} bg={problems.length > 0 ? 'var(--mantine-color-red-0)' : undefined}>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{row.row} {problems.length === 0 && <Badge size="xs" color="teal" variant="light">{t('cert.import.ok')}</Badge>}</Table.Td>
                  {CERT_IMPORT_COLUMNS.map((c) => {
                    const here = problems.filter((p) => p.column === c.key)
                    return (
                      <Table.Td key={c.key} style={{ whiteSpace: 'nowrap' }}>
                        <Text fz="sm">{row.cells[c.key] ?? ''}</Text>
                        {here.map((p, i) => (
                          <Text key={i} fz="xs" c="red" style={{ whiteSpace: 'normal' }}>
                            {translateFieldError(p.params ? keyWithParams(p.code, p.params) : p.code)}
                          </Text>
                        ))}
                      </Table.Td>
                    )
                  })}
                </Table.Tr>
              )
            })}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    </Paper>
  )
}
