/**
 * Moving a workstation to the facility server (issue 15; export and import are command-line steps). The one method
 * here tells every window whether this workstation's database was exported, so the shell says it is read-only
 * before anyone starts typing.
 */
import { z } from 'zod'
import { method, noAudit } from './define'

export const transferContract = {
  'transfer:status': method<{ movedAt: string | null }>()({ input: z.object({}), access: 'authenticated', audit: noAudit }),
}
