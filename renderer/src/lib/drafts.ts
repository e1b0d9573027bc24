/**
 * Form drafts kept in this browser's localStorage (issue 15: the server may be unreachable mid-typing). Pure functions
 * over a storage object, so the unit test needs no browser. A draft holds what the form showed when it was opened
 * (`base`) and what had been typed (`values`): restoring replays only the fields the user changed, onto what the form
 * shows now, so a record changed by someone else meanwhile keeps that person's other fields.
 */

export const DRAFT_PREFIX = 'xinsheng.draft.'
/** Older drafts are dropped unoffered: three days covers a weekend. */
export const DRAFT_MAX_AGE_MS = 72 * 3600 * 1000

export interface StoredDraft<V> {
  savedAt: string
  base: V
  values: V
}

/** The part of localStorage used (declared here: this module is also compiled without the DOM library). */
export interface DraftStorage {
  readonly length: number
  key(index: number): string | null
  getItem(key: string): string | null
  setItem(key: string, value: string): void
  removeItem(key: string): void
}

/** One staff member's draft of one form: drafts never cross accounts on a shared workstation. */
export function draftStorageKey(staffId: string, key: string): string {
  return `${DRAFT_PREFIX}${staffId}.${key}`
}

function parse<V>(raw: string | null): StoredDraft<V> | null {
  if (!raw) return null
  try {
    const draft = JSON.parse(raw) as Partial<StoredDraft<V>>
    if (typeof draft.savedAt !== 'string' || !draft.values || typeof draft.values !== 'object' || !draft.base || typeof draft.base !== 'object') return null
    return draft as StoredDraft<V>
  } catch {
    return null
  }
}

function expired(draft: StoredDraft<unknown>, now: number): boolean {
  const saved = Date.parse(draft.savedAt)
  return !Number.isFinite(saved) || now - saved > DRAFT_MAX_AGE_MS
}

/** The stored draft, or null; an unreadable or expired one is removed. */
export function readDraft<V>(storage: DraftStorage, fullKey: string, now: number): StoredDraft<V> | null {
  const draft = parse<V>(storage.getItem(fullKey))
  if (draft && !expired(draft, now)) return draft
  if (storage.getItem(fullKey) !== null) storage.removeItem(fullKey)
  return null
}

export function writeDraft<V>(storage: DraftStorage, fullKey: string, draft: StoredDraft<V>): void {
  try {
    storage.setItem(fullKey, JSON.stringify(draft))
  } catch {
    // Storage full or refused: the form itself still holds the values.
  }
}

/** Removes every expired or unreadable draft (any account's). */
export function sweepDrafts(storage: DraftStorage, now: number): void {
  const stale: string[] = []
  for (let i = 0; i < storage.length; i++) {
    const key = storage.key(i)
    if (!key?.startsWith(DRAFT_PREFIX)) continue
    const draft = parse(storage.getItem(key))
    if (!draft || expired(draft, now)) stale.push(key)
  }
  stale.forEach((key) => storage.removeItem(key))
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** `current` with the fields the draft changed (against its base) replaced by the draft's values. */
export function replayDraft<V extends object>(current: V, draft: StoredDraft<V>): V {
  const out = { ...current } as unknown as Record<string, unknown>
  const base = draft.base as unknown as Record<string, unknown>
  const values = draft.values as unknown as Record<string, unknown>
  for (const key of Object.keys(current)) {
    if (key in values && !same(values[key], base[key])) out[key] = values[key]
  }
  return out as V
}

/** Whether restoring would change anything (a draft equal to what is shown is not worth offering). */
export function draftChanges<V extends object>(current: V, draft: StoredDraft<V>): boolean {
  return !same(replayDraft(current, draft), current)
}
