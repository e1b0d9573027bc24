import { randomUUID } from 'node:crypto'
import { DEFAULT_PERIOD_TEMPLATE, type PeriodTemplate } from '../../shared/domain/periods'
import { nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { getSetting, setSetting } from '../db/settings'
import type { Handlers } from '../dispatch'
import { AppError, notFound, ruleViolation } from '../errors'
import { wardOccupancy, wardSummaries } from './wardsRepo'

export const SETTING_FACILITY_NAME = 'facility.name'
export const SETTING_PERIOD_TEMPLATE = 'periods.template'

export function periodTemplate(db: Db): PeriodTemplate {
  return getSetting<PeriodTemplate>(db, SETTING_PERIOD_TEMPLATE) ?? DEFAULT_PERIOD_TEMPLATE
}

export function insertWard(db: Db, at: string, w: { name: string; capacity: number; note: string | null }): string {
  if (db.prepare('SELECT 1 FROM wards WHERE name = ?').get(w.name)) throw new AppError('conflict', 'ward.duplicate_name', { field: 'name' })
  const id = randomUUID()
  db.prepare('INSERT INTO wards (id, name, capacity, note, active, created_at, updated_at) VALUES (?, ?, ?, ?, 1, ?, ?)').run(id, w.name, w.capacity, w.note, at, at)
  return id
}

export const wardsHandlers: Pick<
  Handlers,
  'facility:get' | 'facility:update' | 'facility:setPeriodTemplate' | 'wards:list' | 'wards:create' | 'wards:update'
> = {
  'facility:get': (_input, ctx: Ctx) => ({
    name: getSetting<string>(ctx.db, SETTING_FACILITY_NAME) ?? '',
    periodTemplate: periodTemplate(ctx.db),
    today: today(ctx),
  }),
  'facility:update'(input, ctx) {
    setSetting(ctx.db, SETTING_FACILITY_NAME, input.name)
    return null
  },
  'facility:setPeriodTemplate'(input, ctx) {
    for (const [from, to] of input.template.moves) {
      if (from === to) throw ruleViolation('period.same_period', 'template.moves')
    }
    setSetting(ctx.db, SETTING_PERIOD_TEMPLATE, input.template)
    ctx.auditDetail = JSON.stringify(input.template)
    return null
  },
  'wards:list': (_input, ctx) => wardSummaries(ctx.db),
  'wards:create': (input, ctx) => ({ id: insertWard(ctx.db, nowIso(ctx), input) }),
  'wards:update'(input, ctx) {
    const { db } = ctx
    if (!db.prepare('SELECT 1 FROM wards WHERE id = ?').get(input.id)) throw notFound()
    if (db.prepare('SELECT 1 FROM wards WHERE name = ? AND id <> ?').get(input.name, input.id)) {
      throw new AppError('conflict', 'ward.duplicate_name', { field: 'name' })
    }
    const occupancy = wardOccupancy(db, input.id)
    if (input.capacity < occupancy) throw ruleViolation('ward.full', 'capacity', { occupancy, capacity: input.capacity })
    if (!input.active && occupancy > 0) throw ruleViolation('ward.full', 'active', { occupancy, capacity: 0 })
    db.prepare('UPDATE wards SET name = ?, capacity = ?, note = ?, active = ?, updated_at = ? WHERE id = ?').run(
      input.name, input.capacity, input.note, input.active ? 1 : 0, nowIso(ctx), input.id,
    )
    ctx.auditDetail = JSON.stringify({ name: input.name, capacity: input.capacity, active: input.active })
    return null
  },
}
