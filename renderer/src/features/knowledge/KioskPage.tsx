import { Alert, Box, Button, Center, Group, Modal, PasswordInput, Progress, Stack, Text, Title, UnstyledButton } from '@mantine/core'
import { IconCheck, IconChevronLeft, IconChevronRight, IconLock } from '@tabler/icons-react'
import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker, useNavigate, useParams } from 'react-router'
import { useMutation, useQueryClient } from '@tanstack/react-query'
import { OPTION_KEYS, type Input, type OptionKey, type SittingPaper } from '@shared/contract'
import { api } from '../../api/client'
import { useApiQuery } from '../../api/hooks'
import { setSessionId } from '../../api/session'
import { ErrorAlert } from '../../components/ErrorAlert'
import { FullPageLoader } from '../../components/FullPageLoader'
import { useErrorText } from '../../i18n/errorText'
import { useUser } from '../auth/UserContext'
import './kiosk.css'
import { lockKiosk, unlockKiosk } from './kioskLock'

type Answers = Record<number, OptionKey[]>

/**
 * The kiosk: the person answers at the staff workstation. Outside the app shell, no navigation, nothing but the
 * person's masked name and the paper (the page never receives the answers); each choice is saved as it is made. After
 * submitting, the person is asked to hand the device back. Leaving needs the staff member's password (signing in again
 * with it: auth:login), and every other navigation is blocked meanwhile.
 */
export function KioskPage() {
  const { attemptId = '' } = useParams()
  const paper = useApiQuery('knowledge:sittingPaper', { attemptId })
  if (paper.isPending) return <FullPageLoader />
  if (paper.isError) return <Center h="100vh"><ErrorAlert error={paper.error} onRetry={() => void paper.refetch()} /></Center>
  return <Kiosk paper={paper.data} />
}

function Kiosk({ paper }: { paper: SittingPaper }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const [answers, setAnswers] = useState<Answers>(() => Object.fromEntries(paper.saved.map((s) => [s.position, s.chosen])))
  const [index, setIndex] = useState(0)
  const [confirming, setConfirming] = useState(false)
  const [exiting, setExiting] = useState(false)
  const [done, setDone] = useState<{ score: number | null } | null>(paper.status === 'submitted' ? { score: null } : null)
  const unlocked = useRef(false)
  // Plain calls, not the app's write hooks: those refresh every knowledge query after each write, and the kiosk must
  // fetch nothing but its own paper. The staff screens are refreshed once, on leaving.
  const queryClient = useQueryClient()
  const save = useMutation({ mutationFn: (input: Input<'knowledge:saveAnswers'>) => api.invoke('knowledge:saveAnswers', input) })
  const submit = useMutation({ mutationFn: (input: Input<'knowledge:submit'>) => api.invoke('knowledge:submit', input) })
  const blocker = useBlocker(() => !unlocked.current)
  useEffect(() => {
    if (blocker.state === 'blocked') blocker.reset()
  }, [blocker])
  // Not undone on unmount: only the password unlocks (leave).
  useEffect(() => lockKiosk(paper.attemptId), [paper.attemptId])

  const item = paper.items[index]!
  const total = paper.items.length
  const chosen = answers[item.position] ?? []
  const answeredCount = paper.items.filter((i) => (answers[i.position] ?? []).length > 0).length
  const unanswered = paper.items.filter((i) => (answers[i.position] ?? []).length === 0).map((i) => i.position)

  const choose = useCallback(
    (key: OptionKey) => {
      const current = answers[item.position] ?? []
      const next = item.kind === 'single' ? (current[0] === key ? [] : [key]) : current.includes(key) ? current.filter((k) => k !== key) : [...current, key].sort()
      setAnswers({ ...answers, [item.position]: next })
      save.mutate({ attemptId: paper.attemptId, answers: [{ position: item.position, chosen: next }] })
    },
    [answers, item, paper.attemptId, save],
  )
  const move = useCallback((step: number) => setIndex((i) => Math.min(total - 1, Math.max(0, i + step))), [total])

  useEffect(() => {
    if (done || confirming || exiting) return
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return
      const key = e.key.toUpperCase()
      const byDigit = /^[1-8]$/.test(key) ? OPTION_KEYS[Number(key) - 1] : undefined
      const byLetter = (OPTION_KEYS as readonly string[]).includes(key) ? (key as OptionKey) : undefined
      const option = byDigit ?? byLetter
      if (option && item.options.some((o) => o.key === option)) {
        e.preventDefault()
        choose(option)
      } else if (e.key === 'ArrowRight') move(1)
      else if (e.key === 'ArrowLeft') move(-1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [choose, move, item, done, confirming, exiting])

  const finish = async () => {
    const all = paper.items.map((i) => ({ position: i.position, chosen: answers[i.position] ?? [] })).filter((a) => a.chosen.length > 0)
    const result = await submit.mutateAsync({ attemptId: paper.attemptId, answers: all })
    setConfirming(false)
    setDone({ score: result.score })
  }
  const leave = async () => {
    unlocked.current = true
    unlockKiosk()
    await queryClient.invalidateQueries({ predicate: (q) => String(q.queryKey[0]).startsWith('knowledge:') })
    await document.exitFullscreen?.().catch(() => undefined)
    await navigate(`/knowledge/attempts/${paper.attemptId}`, { replace: true })
  }

  return (
    <Box className="kiosk" data-testid="kiosk">
      <Group justify="space-between" className="kiosk-bar">
        <Text fz={22} fw={600} data-testid="kiosk-person">{paper.personLabel}</Text>
        <Text fz={20}>{paper.title}</Text>
        <Button variant="subtle" color="gray" size="xs" leftSection={<IconLock size={14} />} onClick={() => setExiting(true)} data-testid="kiosk-exit">
          {t('knowledge.kiosk.exit')}
        </Button>
      </Group>
      {done ? (
        <Center className="kiosk-done">
          <Stack align="center" gap="lg">
            <IconCheck size={72} color="var(--mantine-color-teal-6)" />
            <Title order={1} data-testid="kiosk-done">{t('knowledge.kiosk.done')}</Title>
            {done.score !== null && <Text fz={28}>{t('knowledge.kiosk.score', { score: done.score.toFixed(1) })}</Text>}
          </Stack>
        </Center>
      ) : (
        <Stack className="kiosk-body" gap="lg">
          <div>
            <Group justify="space-between" mb={6}>
              <Text fz={18} data-testid="kiosk-progress">{t('knowledge.kiosk.progress', { n: index + 1, total })}</Text>
              <Text fz={14} c={save.isError ? 'red' : 'dimmed'}>{save.isError ? <ErrorText error={save.error} /> : save.isPending ? t('knowledge.kiosk.saving') : t('knowledge.kiosk.savedAll')}</Text>
            </Group>
            <Progress value={(answeredCount / total) * 100} size="lg" radius="xl" aria-label={`${answeredCount}/${total}`} />
          </div>
          <div>
            <Text fz={16} c={item.kind === 'multiple' ? 'grape.7' : 'blue.7'} fw={600} mb={4}>
              {item.kind === 'multiple' ? `【${t('knowledge.kinds.multiple')}】${t('knowledge.kiosk.multipleHint')}` : `【${t('knowledge.kinds.single')}】`}
            </Text>
            <Text fz={28} fw={500} lh={1.5} data-testid="kiosk-stem">{item.position}. {item.stem}</Text>
          </div>
          <Stack gap="sm" role={item.kind === 'single' ? 'radiogroup' : 'group'}>
            {item.options.map((o) => {
              const on = chosen.includes(o.key)
              return (
                <UnstyledButton
                  key={o.key}
                  className={`kiosk-option${on ? ' is-on' : ''}`}
                  role={item.kind === 'single' ? 'radio' : 'checkbox'}
                  aria-checked={on}
                  onClick={() => choose(o.key)}
                  data-testid={`kiosk-option-${o.key}`}
                >
                  <span className={`kiosk-mark ${item.kind}`}>{on ? '✓' : ''}</span>
                  <span className="kiosk-key">{o.key}</span>
                  <span>{o.text}</span>
                </UnstyledButton>
              )
            })}
          </Stack>
          <Group justify="space-between" mt="md">
            <Button size="xl" variant="default" leftSection={<IconChevronLeft />} disabled={index === 0} onClick={() => move(-1)} data-testid="kiosk-prev">
              {t('knowledge.kiosk.prev')}
            </Button>
            <Text c="dimmed" fz="sm">{t('knowledge.kiosk.keys')}</Text>
            {index < total - 1 ? (
              <Button size="xl" rightSection={<IconChevronRight />} onClick={() => move(1)} data-testid="kiosk-next">
                {t('knowledge.kiosk.next')}
              </Button>
            ) : (
              <Button size="xl" color="teal" onClick={() => setConfirming(true)} data-testid="kiosk-submit">
                {t('knowledge.kiosk.submit')}
              </Button>
            )}
          </Group>
        </Stack>
      )}
      <Modal opened={confirming} onClose={() => setConfirming(false)} title={t('knowledge.kiosk.confirmTitle')} size="lg" centered>
        <Stack>
          <Text fz="lg" data-testid="kiosk-confirm-text">
            {unanswered.length === 0 ? t('knowledge.kiosk.confirmAll') : t('knowledge.kiosk.confirmMissing', { count: unanswered.length, items: unanswered.join('、') })}
          </Text>
          {submit.isError && <ErrorAlert error={submit.error} />}
          <Group justify="flex-end">
            <Button size="lg" variant="default" onClick={() => setConfirming(false)}>{t('knowledge.kiosk.back')}</Button>
            <Button size="lg" color="teal" loading={submit.isPending} onClick={() => void finish()} data-testid="kiosk-confirm">
              {t('knowledge.kiosk.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
      {exiting && <ExitModal onClose={() => setExiting(false)} onUnlocked={() => void leave()} />}
    </Box>
  )
}

function ErrorText({ error }: { error: Error }) {
  return <>{useErrorText()(error)}</>
}

/** The staff member's password, checked by signing in again with it (the session is replaced by the new one). */
function ExitModal({ onClose, onUnlocked }: { onClose: () => void; onUnlocked: () => void }) {
  const { t } = useTranslation()
  const user = useUser()
  const [password, setPassword] = useState('')
  const [wrong, setWrong] = useState(false)
  const [checking, setChecking] = useState(false)
  const check = async () => {
    if (!password) return
    setChecking(true)
    try {
      const { sessionId } = await api.invoke('auth:login', { username: user.username, password })
      setSessionId(sessionId)
      onUnlocked()
    } catch {
      setWrong(true)
      setPassword('')
    } finally {
      setChecking(false)
    }
  }
  return (
    <Modal opened onClose={onClose} title={t('knowledge.kiosk.exitTitle')} centered>
      <form onSubmit={(e) => { e.preventDefault(); void check() }}>
        <Stack>
          <Text fz="sm">{t('knowledge.kiosk.exitHint', { name: user.displayName })}</Text>
          <PasswordInput label={t('knowledge.kiosk.password')} value={password} onChange={(e) => { setPassword(e.currentTarget.value); setWrong(false) }} error={wrong ? t('knowledge.kiosk.wrongPassword') : undefined} data-autofocus data-testid="kiosk-password" />
          {wrong && <Alert color="red" variant="light">{t('knowledge.kiosk.wrongPassword')}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={checking} data-testid="kiosk-unlock">{t('common.confirm')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
