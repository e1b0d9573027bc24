/** The ward psychology screen: each live person's screening due date and latest result, with the ward's open work. */
import { z } from 'zod'
import type { Bilingual } from '../../domain/instruments'
import type { Period } from '../../domain/periods'
import type { DueStatus, RiskLevel } from '../../domain/psych'
import { id } from '../common'
import { method, noAudit } from '../define'
import type { CrisisSummary } from './crises'
import type { PsychTask } from './tasks'

export interface WardResult {
  assessmentId: string
  instrumentId: string
  on: string
  incomplete: boolean
  bandId: string | null
  bandLabel: Bilingual | null
  severity: number | null
  /** The scoring raised a flag (e.g. PHQ-9 item 9). */
  flagged: boolean
}

export interface WardPsychRow {
  personId: string
  name: string
  idTail: string
  period: Period | null
  admissionDate: string
  screening: { kind: 'admission' | 'periodic'; dueOn: string; status: DueStatus; lastOn: string | null }
  /** The newest live assessment of any instrument. */
  latest: WardResult | null
  /** The latest live assessment of each instrument, newest first: one instrument's result never hides another's. */
  results: WardResult[]
  /** The newest open follow-up task raised by an assessment flag, whichever assessment is newest (a flag, never its text). */
  openFlag: { assessmentId: string; raisedAt: string } | null
  openTasks: number
  openCrisis: RiskLevel | null
}

export interface WardPsychScreen {
  wardId: string
  wardName: string
  today: string
  rows: WardPsychRow[]
  tasks: PsychTask[]
  crises: CrisisSummary[]
  counts: { due: number; overdue: number; openTasks: number; openCrises: number }
}

export const wardScreenContract = {
  'psych:wardScreen': method<WardPsychScreen>()({ input: z.object({ wardId: id }), access: 'psych.read', audit: noAudit, scope: { ward: (i) => i.wardId } }),
}
