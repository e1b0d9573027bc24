import { useEffect, useState } from 'react'
import type { MethodName } from '@shared/contract'
import type { ProgressEvent } from '@shared/events'
import { onEvent } from './transport'

/** The latest progress of a long job run by `method` (null until the back end reports any); listens while mounted. */
export function useJobProgress(method: MethodName): ProgressEvent | null {
  const [progress, setProgress] = useState<ProgressEvent | null>(null)
  useEffect(
    () =>
      onEvent((event) => {
        if (event.type === 'progress' && event.method === method) setProgress(event)
      }),
    [method],
  )
  return progress
}
