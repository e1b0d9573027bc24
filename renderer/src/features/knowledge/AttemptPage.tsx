import { Alert, Badge, Button, Group, Paper, SegmentedControl, Stack, Text } from '@mantine/core'
import { IconDeviceDesktop, IconTrash } from '@tabler/icons-react'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { useApiMutation, useApiQuery } from '../../api/hooks'
import { ErrorAlert } from '../../components/ErrorAlert'
import { InfoGrid } from '../../components/InfoGrid'
import { PageHeader } from '../../components/PageHeader'
import { ReasonModal } from '../../components/ReasonModal'
import { TableSkeleton } from '../../components/TableSkeleton'
import { formatDate, formatInstant } from '../../lib/format'
import { useCan } from '../auth/UserContext'
import { ScoreCell } from './knowledgeUi'
import { AnswerList } from './WrongAnswers'

/** One sitting for staff: score, pass, the wrong answers (or every item) with the answer and explanation; void. */
export function AttemptPage() {
  const { t } = useTranslation()
  const { attemptId = '' } = useParams()
  const navigate = useNavigate()
  const canRecord = useCan()('vocational.record')
  const attempt = useApiQuery('knowledge:attempt', { attemptId })
  const [onlyWrong, setOnlyWrong] = useState(true)
  const [voiding, setVoiding] = useState(false)
  const voidAttempt = useApiMutation('knowledge:voidAttempt', { success: t('knowledge.attempt.voidedDone') })
  const a = attempt.data
  return (
    <>
      <PageHeader
        title={t('knowledge.attempt.title')}
        subtitle={a ? `${a.personName} · ${a.paperTitle}` : undefined}
        actions={
          <Group gap="xs">
            <Button variant="default" component={Link} to="/knowledge?tab=sittings">{t('common.back')}</Button>
            {a && canRecord && !a.voided && (
              <Button variant="subtle" color="red" leftSection={<IconTrash size={16} />} onClick={() => setVoiding(true)}>
                {t('knowledge.common.void')}
              </Button>
            )}
          </Group>
        }
      />
      {attempt.isError && <ErrorAlert error={attempt.error} onRetry={() => void attempt.refetch()} />}
      {attempt.isPending && <TableSkeleton rows={6} />}
      {a && (
        <Stack>
          {a.voided && <Alert color="gray">{t('knowledge.common.voidReason', { reason: a.voided.reason })}</Alert>}
          <Paper p="md">
            <InfoGrid
              items={[
                { label: t('knowledge.common.person'), value: <Link to={`/people/${a.personId}`}>{a.personName}</Link> },
                { label: t('knowledge.common.paper'), value: a.paperTitle },
                { label: t('knowledge.papers.purpose'), value: <Badge variant="outline">{a.purpose}</Badge> },
                { label: t('knowledge.common.mode'), value: t(`knowledge.modes.${a.mode}`) },
                { label: t('knowledge.common.date'), value: formatDate(a.answeredOn) },
                { label: t('knowledge.attempt.submittedAt'), value: a.submittedAt ? formatInstant(a.submittedAt) : t('knowledge.attempt.notSubmitted') },
                { label: t('knowledge.common.score'), value: <span data-testid="attempt-score"><ScoreCell row={a} /></span> },
                { label: t('knowledge.common.passMark'), value: a.passMark },
                { label: t('knowledge.common.wrong'), value: <span data-testid="attempt-wrong">{a.wrongCount ?? t('common.dash')}</span> },
                { label: t('knowledge.attempt.recordedBy'), value: a.recordedBy },
              ]}
            />
          </Paper>
          {a.status === 'open' && !a.voided && canRecord && (
            <Button w="fit-content" leftSection={<IconDeviceDesktop size={16} />} onClick={() => void navigate(`/kiosk/knowledge/${a.id}`)}>
              {t('knowledge.sittings.resume')}
            </Button>
          )}
          {a.status === 'submitted' && (
            <Paper p="md">
              <Group justify="space-between" mb="sm">
                <Text fw={600}>{onlyWrong ? t('knowledge.attempt.wrongAnswers') : t('knowledge.attempt.allAnswers')}</Text>
                <SegmentedControl
                  size="xs"
                  value={onlyWrong ? 'wrong' : 'all'}
                  onChange={(v) => setOnlyWrong(v === 'wrong')}
                  data={[{ value: 'wrong', label: t('knowledge.attempt.wrongAnswers') }, { value: 'all', label: t('knowledge.attempt.allAnswers') }]}
                />
              </Group>
              <AnswerList answers={a.answers} onlyWrong={onlyWrong} />
            </Paper>
          )}
        </Stack>
      )}
      <ReasonModal
        opened={voiding}
        title={t('knowledge.attempt.voidTitle')}
        warning={t('knowledge.attempt.voidWarning')}
        loading={voidAttempt.isPending}
        onClose={() => setVoiding(false)}
        onConfirm={(reason) => voidAttempt.mutateAsync({ attemptId, reason }).then(() => setVoiding(false))}
      />
    </>
  )
}
