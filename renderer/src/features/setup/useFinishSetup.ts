import { useQueryClient } from '@tanstack/react-query'
import { useNavigate } from 'react-router'

/** Refreshes the first-run status (the gate then lets the sign-in page show) and goes to sign-in. */
export function useFinishSetup(): () => Promise<void> {
  const queryClient = useQueryClient()
  const navigate = useNavigate()
  return async () => {
    await queryClient.invalidateQueries({ queryKey: ['setup:status'] })
    await navigate('/login', { replace: true })
  }
}
