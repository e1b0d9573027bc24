import { DEFAULT_DUE_RULES, dueRulesSchema, type DueRules } from '@shared/contract'
import { PERIODS, type Period } from '@shared/domain/periods'

/**
 * The rules' settings as form values: numbers as typed (a blank or out-of-range value stays in the field and the
 * contract schema refuses it with the limit), converted back exactly, never clamped.
 */
const NOT_RULES = ['milestoneDays', 'admissionRulesFrom'] as const
export type RuleKey = Exclude<keyof DueRules, (typeof NOT_RULES)[number]>
export const RULE_KEYS = Object.keys(DEFAULT_DUE_RULES).filter((k) => !(NOT_RULES as readonly string[]).includes(k)) as RuleKey[]

/** The number parameters a rule has (days, intervalDays, leadDays), in a stable order. */
export const PARAM_ORDER = ['days', 'intervalDays', 'leadDays'] as const
export type ParamKey = (typeof PARAM_ORDER)[number]

export function paramsOf(rule: RuleKey): ParamKey[] {
  const value = DEFAULT_DUE_RULES[rule] as Record<string, unknown>
  return PARAM_ORDER.filter((p) => p in value)
}

type NumberText = number | string
export interface RuleValues {
  enabled: boolean
  days?: NumberText
  intervalDays?: NumberText
  leadDays?: NumberText
  periodDays?: Record<Period, NumberText>
}
/** `admissionRulesFrom` as typed ('' = every admission counts). */
export type RulesForm = { rules: Record<RuleKey, RuleValues>; milestoneDays: NumberText; admissionRulesFrom: string }

export function toForm(rules: DueRules): RulesForm {
  const out = {} as Record<RuleKey, RuleValues>
  for (const rule of RULE_KEYS) {
    const value = rules[rule] as RuleValues & { periodDays?: Record<Period, number | null> }
    out[rule] = {
      ...value,
      ...(value.periodDays ? { periodDays: Object.fromEntries(PERIODS.map((p) => [p, value.periodDays![p] ?? ''])) as Record<Period, NumberText> } : {}),
    }
  }
  return { rules: out, milestoneDays: rules.milestoneDays, admissionRulesFrom: rules.admissionRulesFrom ?? '' }
}

/** A blank number is missing (the schema says so), not zero; a blank period's days is "no stage assessment". */
const num = (v: NumberText | undefined) => (v === '' || v === undefined ? undefined : Number(v))

export function fromForm(values: RulesForm): DueRules {
  const from = values.admissionRulesFrom.trim()
  const out: Record<string, unknown> = { milestoneDays: num(values.milestoneDays), admissionRulesFrom: from === '' ? null : from }
  for (const rule of RULE_KEYS) {
    const v = values.rules[rule]
    const rebuilt: Record<string, unknown> = { enabled: v.enabled }
    for (const p of paramsOf(rule)) rebuilt[p] = num(v[p])
    if (v.periodDays) rebuilt.periodDays = Object.fromEntries(PERIODS.map((p) => [p, v.periodDays![p] === '' ? null : Number(v.periodDays![p])]))
    out[rule] = rebuilt
  }
  return out as DueRules
}

/** The limits the schema sets on a parameter ("1–365"), for the field's hint. */
export function limitsOf(rule: RuleKey | 'milestoneDays', param?: ParamKey | Period): { min: number; max: number } | null {
  let schema: unknown = dueRulesSchema.shape[rule]
  if (param) {
    const shape = (schema as { shape?: Record<string, unknown> }).shape
    schema = shape?.[param] ?? (shape?.periodDays as { shape?: Record<string, unknown> } | undefined)?.shape?.[param]
    const inner = (schema as { unwrap?: () => unknown } | undefined)?.unwrap?.()
    if (inner) schema = inner
  }
  const number = schema as { minValue?: number | null; maxValue?: number | null } | undefined
  return number && typeof number.minValue === 'number' && typeof number.maxValue === 'number' ? { min: number.minValue, max: number.maxValue } : null
}
