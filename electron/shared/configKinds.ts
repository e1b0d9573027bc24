/**
 * Kinds of versioned configuration: configuration that records depend on. Each save is a new numbered version
 * (never overwritten) and a record keeps the version it used, so it can always be explained by the rules in force
 * when it was made. The data of every version is parsed with its kind's schema on every read.
 */
import type { z } from 'zod'
import { periodTemplateSchema } from './contract/facility'
import { templateSchema } from './domain/assessment/schema'

export const CONFIG_KINDS = {
  /** Allowed period moves and minimum dwell times; a period move keeps the version it was checked against. */
  periodTemplate: periodTemplateSchema,
  /** Diagnostic-assessment templates (every template id shares the numbering); an assessment keeps the version it used. */
  assessmentTemplate: templateSchema,
}

export type ConfigKind = keyof typeof CONFIG_KINDS
export type ConfigData<K extends ConfigKind> = z.output<(typeof CONFIG_KINDS)[K]>

export interface ConfigVersionInfo {
  version: number
  createdAt: string
  /** Staff id; null when saved by the system (set-up, an upgrade). */
  createdBy: string | null
}

export interface ConfigVersion<K extends ConfigKind> extends ConfigVersionInfo {
  kind: K
  data: ConfigData<K>
}
