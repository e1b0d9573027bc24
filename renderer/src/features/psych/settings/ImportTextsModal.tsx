import { Alert, Badge, Button, FileButton, Group, List, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core'
import { IconAlertTriangle, IconFileImport, IconFileText } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { InstrumentView } from '@shared/contract'
import { useApiMutation } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { instrumentTitle, useBi } from '../psychUi'
import { parseItemTexts, type ParseError, type ParseResult } from '@shared/domain/instruments/itemTexts'

/** Loads the facility's licensed item texts for an instrument shipped without them: parse, preview, then import. */
export function ImportTextsModal({ instrument, onClose }: { instrument: InstrumentView; onClose: () => void }) {
  const { t } = useTranslation()
  const bi = useBi()
  const [file, setFile] = useState<string | null>(null)
  const [parsed, setParsed] = useState<ParseResult | null>(null)
  const [readError, setReadError] = useState<string | null>(null)
  const importTexts = useApiMutation('psych:importItemTexts', {
    success: t('psych.import.done', { count: instrument.items.length, name: instrument.shortName }),
    onSuccess: onClose,
    notifyError: false,
  })
  const expected = instrument.items.length

  const pick = async (f: File | null) => {
    if (!f) return
    importTexts.reset()
    setReadError(null)
    setFile(f.name)
    try {
      const content = await f.text()
      setParsed(parseItemTexts(content, expected))
    } catch {
      setParsed(null)
      setReadError(t('psych.import.readFailed'))
    }
  }

  const errorText = (e: ParseError) => {
    const msg = t(`psych.import.err.${e.key}`, e.params ?? {})
    return e.line === null ? msg : t('psych.import.atLine', { line: e.line, message: msg })
  }

  const ok = parsed !== null && parsed.errors.length === 0
  const badLines = new Set((parsed?.errors ?? []).map((e) => e.line))
  return (
    <Modal opened onClose={onClose} size="xl" title={t('psych.import.title', { name: instrumentTitle(instrument, bi(instrument.name)) })}>
      <Stack>
        <Alert color="blue" variant="light" icon={<IconFileText size={18} />}>
          <Text fz="sm">{t('psych.import.formats', { count: expected })}</Text>
          <Text fz="xs" c="dimmed" mt={4}>
            {bi(instrument.licenceNote)}
          </Text>
        </Alert>
        <Group>
          <FileButton onChange={(f) => void pick(f)} accept=".txt,.csv,text/plain,text/csv">
            {(props) => (
              <Button variant="light" leftSection={<IconFileImport size={16} />} {...props} data-testid="import-file">
                {t('psych.import.choose')}
              </Button>
            )}
          </FileButton>
          {file && (
            <Text fz="sm" c="dimmed">
              {file}
            </Text>
          )}
          {parsed && (
            <Badge color={ok ? 'teal' : 'red'} variant="light">
              {ok ? t('psych.import.ready', { count: parsed.items.length }) : t('psych.import.errorCount', { count: parsed.errors.length })}
            </Badge>
          )}
        </Group>
        {readError && <Alert color="red">{readError}</Alert>}
        {parsed && parsed.errors.length > 0 && (
          <Alert color="red" variant="light" icon={<IconAlertTriangle size={18} />} title={t('psych.import.errorsTitle')} data-testid="import-errors">
            <ScrollArea.Autosize mah={180}>
              <List size="sm" spacing={2}>
                {parsed.errors.map((e, i) => (
                  <List.Item key={i}>{errorText(e)}</List.Item>
                ))}
              </List>
            </ScrollArea.Autosize>
            <Text fz="xs" mt="xs">
              {t('psych.import.nothingImported')}
            </Text>
          </Alert>
        )}
        {importTexts.isError && <ErrorAlert error={importTexts.error} title={t('psych.import.serverFailed')} />}
        {parsed && parsed.items.length > 0 && (
          <ScrollArea.Autosize mah={320}>
            <Table striped="even" stickyHeader data-testid="import-preview">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th w={70}>{t('psych.import.line')}</Table.Th>
                  <Table.Th w={70}>{t('psych.result.itemNo')}</Table.Th>
                  <Table.Th>{t('psych.result.item')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {parsed.items.map((item) => (
                  <Table.Tr key={`${item.line}`} bg={badLines.has(item.line) ? 'red.0' : undefined}>
                    <Table.Td c="dimmed" className="tabular">
                      {item.line}
                    </Table.Td>
                    <Table.Td className="tabular">{item.number}</Table.Td>
                    <Table.Td>{item.zh}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button
            disabled={!ok}
            loading={importTexts.isPending}
            onClick={() => parsed && importTexts.mutate({ instrumentId: instrument.id, texts: parsed.items.map((i) => ({ number: i.number, zh: i.zh })) })}
          >
            {t('psych.import.submit')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  )
}
