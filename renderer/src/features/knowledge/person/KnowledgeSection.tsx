import { Badge, Button, Collapse, Group, Paper, Stack, Table, Text } from '@mantine/core'
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react'
import { Fragment, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { PersonFile } from '@shared/contract'
import { useApiQuery } from '../../../api/hooks'
import { ErrorAlert } from '../../../components/ErrorAlert'
import { TableSkeleton } from '../../../components/TableSkeleton'
import { formatDate } from '../../../lib/format'
import { ScoreCell } from '../knowledgeUi'
import { AnswerList } from '../WrongAnswers'

/** The person file's 知识测试 section (in the 教育培训 tab): latest score per category, every sitting, wrong answers. */
export function KnowledgeSection({ file }: { file: PersonFile }) {
  const { t } = useTranslation()
  const knowledge = useApiQuery('knowledge:person', { personId: file.id })
  const [open, setOpen] = useState<string | null>(null)
  const data = knowledge.data
  return (
    <Paper p="md" data-testid="knowledge-section">
      <Text fw={600} mb="sm">{t('knowledge.person.title')}</Text>
      {knowledge.isError && <ErrorAlert error={knowledge.error} onRetry={() => void knowledge.refetch()} />}
      {knowledge.isPending && <TableSkeleton rows={3} />}
      {data && data.sittings.length === 0 && <Text c="dimmed" fz="sm">{t('knowledge.person.empty')}</Text>}
      {data && data.sittings.length > 0 && (
        <Stack gap="sm">
          <Group gap="xs">
            {data.latestByPurpose.map((l) => (
              <Badge key={l.purpose} size="lg" variant="light" color={l.passed ? 'teal' : 'red'}>
                {t('knowledge.person.latest', { purpose: l.purpose })}：{l.score.toFixed(1)}（{formatDate(l.answeredOn)}）
              </Badge>
            ))}
          </Group>
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('knowledge.common.date')}</Table.Th>
                <Table.Th>{t('knowledge.common.paper')}</Table.Th>
                <Table.Th>{t('knowledge.common.mode')}</Table.Th>
                <Table.Th>{t('knowledge.common.score')}</Table.Th>
                <Table.Th ta="right">{t('knowledge.common.wrong')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.sittings.map((s) => (
                <Fragment key={s.id}>
                  <Table.Tr c={s.voided ? 'dimmed' : undefined}>
                    <Table.Td className="tabular">{formatDate(s.answeredOn)}</Table.Td>
                    <Table.Td><Link to={`/knowledge/attempts/${s.id}`}>{s.paperTitle}</Link></Table.Td>
                    <Table.Td>{t(`knowledge.modes.${s.mode}`)}</Table.Td>
                    <Table.Td><ScoreCell row={s} /></Table.Td>
                    <Table.Td ta="right" className="tabular">{s.wrongCount ?? t('common.dash')}</Table.Td>
                    <Table.Td>
                      {s.status === 'submitted' && (s.wrongCount ?? 0) > 0 && (
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          leftSection={open === s.id ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
                          onClick={() => setOpen(open === s.id ? null : s.id)}
                          data-testid="knowledge-show-wrong"
                        >
                          {t('knowledge.person.showWrong')}
                        </Button>
                      )}
                    </Table.Td>
                  </Table.Tr>
                  {open === s.id && (
                    <Table.Tr>
                      <Table.Td colSpan={6}>
                        <Collapse in>
                          <WrongOf attemptId={s.id} />
                        </Collapse>
                      </Table.Td>
                    </Table.Tr>
                  )}
                </Fragment>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      )}
    </Paper>
  )
}

function WrongOf({ attemptId }: { attemptId: string }) {
  const attempt = useApiQuery('knowledge:attempt', { attemptId })
  if (attempt.isError) return <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />
  if (!attempt.data) return <TableSkeleton rows={2} />
  return <AnswerList answers={attempt.data.answers} onlyWrong />
}
