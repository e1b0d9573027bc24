import type { UseFormReturnType } from '@mantine/form'
import { useEffect, useRef } from 'react'

/**
 * A settings form whose values carry the `version` they were loaded with (issue 15). While nothing is typed, the form
 * follows what is loaded: after its own save (made clean by `resetDirty`) and after someone else's, it shows the stored
 * values and their new version. Once edited it keeps the typed values and the version they started from, so saving
 * over another administrator's change is refused as stale (with who and when) instead of overwriting it, and nothing
 * typed is lost by a refresh.
 */
export function useLoadedVersion<V extends { version: string }>(form: UseFormReturnType<V>, loaded: V): void {
  const shown = useRef(loaded.version)
  useEffect(() => {
    if (loaded.version === shown.current || form.isDirty()) return
    shown.current = loaded.version
    form.setValues(loaded)
    form.resetDirty(loaded)
    // Only a new stored version matters; `loaded` is rebuilt on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [loaded.version])
}
