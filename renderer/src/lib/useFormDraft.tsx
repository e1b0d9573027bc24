import { Alert, Button, Group, Text } from '@mantine/core'
import { IconHistory } from '@tabler/icons-react'
import dayjs from 'dayjs'
import { useCallback, useContext, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { UserContext } from '../features/auth/UserContext'
import { draftChanges, draftStorageKey, readDraft, replayDraft, sweepDrafts, writeDraft, type StoredDraft } from './drafts'

/** What the hook needs of a form: a @mantine/form form, or `{ values, setValues }` from a useState form. */
export interface DraftForm<V> {
  values: V
  setValues: (values: V) => void
}

export interface FormDraft {
  /** When the draft on offer was saved (null: nothing on offer). */
  offeredAt: string | null
  restore(): void
  discard(): void
  /**
   * After a successful save, or after loading the latest content (`shown`: the values now shown): forget the draft;
   * later typing starts a new one against what is shown.
   */
  clear(shown?: unknown): void
}

/** Typing is written this long after the last key stroke. */
const SAVE_DELAY_MS = 600

function storage(): Storage | null {
  try {
    return window.localStorage
  } catch {
    return null
  }
}

/**
 * Keeps what is typed into a form in this browser (debounced) under `xinsheng.draft.<staffId>.<key>`, and offers it
 * again when the form is next opened (DraftOffer). While an older draft is on offer nothing new is written: it stays
 * until the user restores or discards it. A successful save (`clear`) or 丢弃 removes it; drafts older than 72 h
 * are dropped unoffered.
 */
export function useFormDraft<V extends object>(key: string, form: DraftForm<V>, options: { enabled?: boolean } = {}): FormDraft {
  const user = useContext(UserContext)
  const store = storage()
  const fullKey = user && store && options.enabled !== false ? draftStorageKey(user.id, key) : null
  const base = useRef<{ values: V; json: string }>({ values: form.values, json: JSON.stringify(form.values) })
  const [offer, setOffer] = useState<StoredDraft<V> | null>(() => {
    if (!fullKey || !store) return null
    const now = Date.now()
    sweepDrafts(store, now)
    const draft = readDraft<V>(store, fullKey, now)
    if (draft && !draftChanges(form.values, draft)) {
      store.removeItem(fullKey)
      return null
    }
    return draft
  })
  const pending = useRef<{ timer: ReturnType<typeof setTimeout>; write: () => void } | null>(null)

  const cancelPending = useCallback(() => {
    if (pending.current) clearTimeout(pending.current.timer)
    pending.current = null
  }, [])
  const flush = useCallback(() => {
    const p = pending.current
    if (!p) return
    clearTimeout(p.timer)
    pending.current = null
    p.write()
  }, [])

  const values = form.values
  useEffect(() => {
    if (!fullKey || !store || offer) return
    cancelPending()
    const json = JSON.stringify(values)
    if (json === base.current.json) {
      // Back to what was shown: nothing to keep.
      store.removeItem(fullKey)
      return
    }
    const write = () => writeDraft(store, fullKey, { savedAt: new Date().toISOString(), base: base.current.values, values })
    pending.current = { timer: setTimeout(() => flush(), SAVE_DELAY_MS), write }
  }, [values, fullKey, store, offer, cancelPending, flush])

  // The last key strokes are written when the form closes or the page goes away (a reload, a closed tab).
  useEffect(() => {
    window.addEventListener('pagehide', flush)
    return () => {
      window.removeEventListener('pagehide', flush)
      flush()
    }
  }, [flush])

  const { setValues } = form
  return {
    offeredAt: offer?.savedAt ?? null,
    restore: () => {
      if (offer) setValues(replayDraft(values, offer))
      setOffer(null)
    },
    discard: () => {
      if (fullKey) store?.removeItem(fullKey)
      setOffer(null)
    },
    clear: (shown?: unknown) => {
      cancelPending()
      if (fullKey) store?.removeItem(fullKey)
      const next = (shown ?? values) as V
      base.current = { values: next, json: JSON.stringify(next) }
      setOffer(null)
    },
  }
}

/** "有未保存的草稿（保存于 HH:mm）" with 恢复 and 丢弃, above the form; nothing when no draft is on offer. */
export function DraftOffer({ draft }: { draft: FormDraft }) {
  const { t } = useTranslation()
  if (!draft.offeredAt) return null
  const saved = dayjs(draft.offeredAt)
  const time = saved.isSame(dayjs(), 'day') ? saved.format('HH:mm') : saved.format('MM-DD HH:mm')
  return (
    <Alert color="blue" variant="light" icon={<IconHistory size={18} />} data-testid="draft-offer">
      <Group justify="space-between" wrap="nowrap">
        <Text fz="sm">{t('draft.offer', { time })}</Text>
        <Group gap="xs" wrap="nowrap">
          <Button size="xs" onClick={draft.restore} data-testid="draft-restore">
            {t('draft.restore')}
          </Button>
          <Button size="xs" variant="default" onClick={draft.discard} data-testid="draft-discard">
            {t('draft.discard')}
          </Button>
        </Group>
      </Group>
    </Alert>
  )
}
