import { Alert, Badge, Button, Card, Group, List, Modal, Stack, Table, Text, Textarea, Title } from '@mantine/core'
import { IconAlertTriangle } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TemplateProblem } from '@shared/domain/assessment'
import { useApiMutation, useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatInstant } from '../../../lib/format'
import { useBilingual } from '../assessmentUi'

/** Settings: the facility's diagnostic-assessment template, every stored version, a viewer and the import of a new version. */
export function TemplatesCard() {
  const { t } = useTranslation()
  const text = useBilingual()
  const list = useApiQuery('assessment:templates', {})
  const choose = useApiMutation('assessment:chooseTemplate')
  const importer = useApiMutation('assessment:importTemplate', { success: false })
  const [json, setJson] = useState('')
  const [problems, setProblems] = useState<TemplateProblem[] | null>(null)
  const [imported, setImported] = useState<number | null>(null)
  const [viewing, setViewing] = useState<{ templateId: string; version: number | null } | null>(null)

  const load = () =>
    importer.mutate(
      { json },
      {
        onSuccess: (out) => {
          if (out.ok) {
            setProblems(null)
            setImported(out.version.version)
            setJson('')
          } else {
            setImported(null)
            setProblems(out.problems)
          }
        },
      },
    )

  return (
    <Card withBorder p="lg" data-testid="assessment-templates-card">
      <Title order={4} mb="sm">
        {t('assessment.templates.title')}
      </Title>
      {list.isError ? (
        <ErrorAlert error={list.error} />
      ) : list.isPending ? (
        <TableSkeleton rows={3} />
      ) : (
        <Table verticalSpacing={6}>
          <Table.Tbody>
            {list.data.templates.map((tpl) => (
              <Table.Tr key={tpl.templateId}>
                <Table.Td>
                  <Text fz="sm" fw={500}>
                    {text(tpl.name)}
                  </Text>
                  <Text fz="xs" c="dimmed">
                    {tpl.templateId} · {tpl.province}
                    {tpl.shipped ? ` · ${t('assessment.templates.shipped')}` : ''}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {tpl.versions.length === 0 ? (
                    <Text fz="xs" c="dimmed">
                      {t('assessment.templates.notStored')}
                    </Text>
                  ) : (
                    <Group gap={4}>
                      {tpl.versions.map((v) => (
                        <Badge key={v.version} variant="outline" style={{ cursor: 'pointer' }} onClick={() => setViewing({ templateId: tpl.templateId, version: v.version })} title={formatInstant(v.createdAt)}>
                          v{v.version} · {v.label}
                        </Badge>
                      ))}
                    </Group>
                  )}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" justify="flex-end">
                    <Button size="compact-xs" variant="subtle" onClick={() => setViewing({ templateId: tpl.templateId, version: null })}>
                      {t('assessment.templates.view')}
                    </Button>
                    {list.data.chosenId === tpl.templateId ? (
                      <Badge color="teal">{t('assessment.templates.chosen')}</Badge>
                    ) : (
                      <Button size="compact-xs" variant="light" loading={choose.isPending} onClick={() => choose.mutate({ templateId: tpl.templateId, version: list.data.version })}>
                        {t('assessment.templates.choose')}
                      </Button>
                    )}
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Stack gap="xs" mt="md">
        <Textarea
          label={t('assessment.templates.import')}
          description={t('assessment.templates.importHint')}
          value={json}
          onChange={(e) => setJson(e.currentTarget.value)}
          autosize
          minRows={3}
          maxRows={10}
          styles={{ input: { fontFamily: 'monospace', fontSize: 12 } }}
          data-testid="template-json"
        />
        {problems && (
          <Alert color="red" icon={<IconAlertTriangle size={16} />} title={t('assessment.templates.problems', { count: problems.length })} data-testid="template-problems">
            <List size="xs">
              {problems.slice(0, 30).map((p, i) => (
                <List.Item key={i}>
                  <code>{p.path}</code>：{p.message}
                </List.Item>
              ))}
            </List>
          </Alert>
        )}
        {imported !== null && <Alert color="teal">{t('assessment.templates.imported', { version: imported })}</Alert>}
        <Group justify="flex-end">
          <Button onClick={load} loading={importer.isPending} disabled={json.trim().length === 0}>
            {t('assessment.templates.importButton')}
          </Button>
        </Group>
      </Stack>
      {viewing && <TemplateViewer {...viewing} onClose={() => setViewing(null)} />}
    </Card>
  )
}

function TemplateViewer({ templateId, version, onClose }: { templateId: string; version: number | null; onClose: () => void }) {
  const { t } = useTranslation()
  const text = useBilingual()
  const view = useApiQuery('assessment:template', { templateId, version })
  return (
    <Modal opened onClose={onClose} size="xl" title={view.data ? `${text(view.data.template.name)}（${view.data.template.version}${view.data.version ? ` · v${view.data.version}` : ''}）` : templateId}>
      {view.isError ? (
        <ErrorAlert error={view.error} />
      ) : view.isPending ? (
        <TableSkeleton rows={6} />
      ) : (
        <Stack gap="sm">
          <Text fz="sm">
            {t('assessment.templates.effective', { date: view.data.template.effectiveDate })}
          </Text>
          <Text fz="xs" c="dimmed">
            {t('assessment.templates.source')}：{view.data.template.source}
          </Text>
          {view.data.template.components.map((c) => (
            <div key={c.id}>
              <Group gap="xs">
                <Text fw={600}>{t(`assessment.components.${c.id}`)}</Text>
                {c.unverified && (
                  <Badge color="orange" variant="light">
                    UNVERIFIED
                  </Badge>
                )}
                <Text fz="xs" c="dimmed">
                  {c.passRule.kind === 'all_items' ? t('assessment.passRule.all_items') : t('assessment.passRule.min_points', { points: c.passRule.points, result: t(`assessment.results.${c.id === 'social' ? 'good' : 'pass'}`) })}
                </Text>
              </Group>
              <List size="sm">
                {c.items.map((i) => (
                  <List.Item key={i.id}>
                    {text(i.label)} · {i.points} · {i.scoring === 'all_or_nothing' ? t('assessment.allOrNothing') : t('assessment.graded')} · {t(`assessment.evidenceKinds.${i.evidence.kind}`)}
                  </List.Item>
                ))}
              </List>
            </div>
          ))}
        </Stack>
      )}
    </Modal>
  )
}
