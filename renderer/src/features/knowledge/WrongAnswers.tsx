import { Badge, Group, Paper, Stack, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import type { AttemptAnswer } from '@shared/contract'
import { keysText, KindBadge } from './knowledgeUi'

/** Items of a sitting with the person's choice, the answer and why: the wrong ones, or all. */
export function AnswerList({ answers, onlyWrong }: { answers: readonly AttemptAnswer[]; onlyWrong: boolean }) {
  const { t } = useTranslation()
  const shown = onlyWrong ? answers.filter((a) => !a.correct) : answers
  if (onlyWrong && shown.length === 0) return <Text c="teal.8" fz="sm">{t('knowledge.attempt.allRight')}</Text>
  return (
    <Stack gap="xs" data-testid="answer-list">
      {shown.map((a) => (
        <Paper key={a.position} withBorder p="sm" data-testid={a.correct ? 'answer-right' : 'answer-wrong'}>
          <Group gap="xs" mb={4} wrap="nowrap" align="flex-start">
            <Text fw={600}>{a.position}.</Text>
            <KindBadge kind={a.kind} />
            <Text fz="sm" style={{ flex: 1 }}>{a.stem}</Text>
            <Badge color={a.correct ? 'teal' : 'red'} variant="light">{a.correct ? '✓' : '✗'}</Badge>
          </Group>
          <Text fz="sm" c="dimmed">{a.options.map((o) => `${o.key}. ${o.text}`).join('　')}</Text>
          <Group gap="lg" mt={4}>
            <Text fz="sm">
              {t('knowledge.attempt.chosen')}：<Text span fw={700} c={a.correct ? undefined : 'red.7'} data-testid="answer-chosen">{keysText(a.chosen, t('knowledge.attempt.blank'))}</Text>
            </Text>
            <Text fz="sm">
              {t('knowledge.attempt.correct')}：<b>{a.answer.join('')}</b>
            </Text>
          </Group>
          {a.explanation && !a.correct && (
            <Text fz="sm" c="dimmed" mt={4}>
              {t('knowledge.attempt.explanation')}：{a.explanation}
            </Text>
          )}
        </Paper>
      ))}
    </Stack>
  )
}
