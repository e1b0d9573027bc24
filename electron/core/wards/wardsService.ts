import { randomUUID } from 'node:crypto'
import type { PeriodTemplate } from '../../shared/domain/periods'
import { nowIso, today, type Ctx } from '../context'
import type { Db } from '../db/open'
import { readSetting, writeSetting } from '../db/settingsRepo'
import { currentPeriodTemplate, savePeriodTemplate } from '../config/periodTemplates'
import type { Handlers } from '../dispatch'
import { AppError, notFound, ruleViolation } from '../errors'
import { wardOccupancy, wardSummaries } from './wardsRepo'

export function periodTemplate(db: Db): PeriodTemplate {
  return currentPeriodTemplate(db).template
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
    name: readSetting(ctx.db, 'facility.name') ?? '',
    periodTemplate: periodTemplate(ctx.db),
    today: today(ctx),
  }),
  'facility:update'(input, ctx) {
    writeSetting(ctx.db, 'facility.name', input.name)
    return null
  },
  'facility:setPeriodTemplate'(input, ctx) {
    for (const [from, to] of input.template.moves) {
      if (from === to) throw ruleViolation('period.same_period', 'template.moves')
    }
    savePeriodTemplate(ctx.db, input.template, { at: nowIso(ctx), by: ctx.actor?.id ?? null })
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
