import { randomUUID } from 'node:crypto'
import { readableWards } from '../auth/wardScope'
import type { wardsContract } from '../../shared/contract'
import type { PeriodTemplate } from '../../shared/domain/periods'
import { nowIso } from '../context'
import type { Db } from '../db/open'
import { currentPeriodTemplate } from '../config/periodTemplates'
import { AppError, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { livePeopleInWard } from '../people/peopleRepo'
import { insertWardRow, updateWardRow, wardById, wardNameTaken } from './wardsRepo'
import { wardSummaries } from './wardsQueries'

export function periodTemplate(db: Db): PeriodTemplate {
  return currentPeriodTemplate(db).template
}

export function insertWard(db: Db, at: string, w: { name: string; capacity: number; note: string | null }): string {
  if (wardNameTaken(db, w.name, null)) throw new AppError('conflict', 'ward.duplicate_name', { field: 'name' })
  const id = randomUUID()
  insertWardRow(db, { id, name: w.name, capacity: w.capacity, note: w.note, at })
  return id
}

/** A person can be placed in the ward: it exists, is active and has room. */
export function assertWardAccepts(db: Db, wardId: string, field: string): void {
  const ward = wardById(db, wardId)
  if (!ward) throw new AppError('invalid_input', 'err.not_found', { field })
  if (ward.active !== 1) throw ruleViolation('ward.inactive', field)
  const occupancy = livePeopleInWard(db, wardId)
  if (occupancy >= ward.capacity) throw ruleViolation('ward.full', field, { occupancy, capacity: ward.capacity })
}

export const wardsHandlers = {
  'wards:list'(_input, ctx) {
    const wards = readableWards(ctx)
    const all = wardSummaries(ctx.db)
    return wards === null ? all : all.filter((w) => wards.includes(w.id))
  },
  'wards:create': (input, ctx) => ({ id: insertWard(ctx.db, nowIso(ctx), input) }),
  'wards:update'(input, ctx) {
    const { db } = ctx
    if (!wardById(db, input.id)) throw notFound()
    if (wardNameTaken(db, input.name, input.id)) {
      throw new AppError('conflict', 'ward.duplicate_name', { field: 'name' })
    }
    const occupancy = livePeopleInWard(db, input.id)
    if (input.capacity < occupancy) throw ruleViolation('ward.capacity_below_headcount', 'capacity', { occupancy })
    if (!input.active && occupancy > 0) throw ruleViolation('ward.deactivate_occupied', 'active', { occupancy })
    if (!updateWardRow(db, { id: input.id, revision: input.revision, name: input.name, capacity: input.capacity, note: input.note, active: input.active, at: nowIso(ctx) })) {
      throw new AppError('conflict', 'ward.stale_revision')
    }
    ctx.auditDetail = JSON.stringify({ name: input.name, capacity: input.capacity, active: input.active })
    return null
  },
} satisfies HandlersFor<typeof wardsContract>
