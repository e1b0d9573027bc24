/**
 * The fitness handlers (contract module shared/contract/fitness.ts): standards and settings here, the test day in
 * testDayService, one test, history and the ward summary in testService, contraindications below.
 */
import { randomUUID } from 'node:crypto'
import type { fitnessContract } from '../../shared/contract/fitness'
import { actorOf, nowIso } from '../context'
import { voidRow } from '../db/voidRepo'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import type { HandlersFor } from '../handlerTypes'
import { fitnessRepo } from './fitnessRepo'
import { contraindicationsOf, personFacts } from './fitnessQueries'
import { fitnessSettings, fitnessSettingsVersion, saveFitnessSettings } from './fitnessSettings'
import { extraStandardProblems, getFitnessStandard, listFitnessStandards } from './norms'
import { testDayHandlers } from './testDayService'
import { testHandlers } from './testService'

export const fitnessHandlers = {
  'fitness:standards': (_input, ctx) => ({
    defaultStandardId: fitnessSettings(ctx.db).defaultStandardId,
    standards: [...listFitnessStandards()],
    refusedFiles: [...extraStandardProblems()],
  }),
  ...testDayHandlers,
  ...testHandlers,
  'fitness:contraindications'(input, ctx) {
    if (!personFacts(ctx.db, input.personId)) throw notFound()
    return contraindicationsOf(ctx.db, input.personId)
  },
  'fitness:recordContraindication'(input, ctx) {
    const person = personFacts(ctx.db, input.personId)
    if (!person) throw notFound()
    if (person.voided) throw ruleViolation('person.voided')
    if (input.until && input.until < input.from) throw new FieldErrors({ until: { key: 'fitness.until_before_from', params: { from: input.from } } })
    const id = randomUUID()
    const at = nowIso(ctx)
    fitnessRepo.insertContraindication(ctx.db, { id, personId: person.id, kind: input.kind, items: [...new Set(input.items)], reason: input.reason, from: input.from, until: input.until ?? null, at, by: actorOf(ctx).id })
    ctx.auditDetail = JSON.stringify({ personId: person.id, kind: input.kind, items: input.items, from: input.from, until: input.until ?? null })
    return { id }
  },
  'fitness:endContraindication'(input, ctx) {
    const c = fitnessRepo.contraindicationById(ctx.db, input.id)
    if (!c || c.personId !== input.personId) throw notFound()
    if (c.voided) throw ruleViolation('fitness.contraindication_voided')
    if (input.until < c.from) throw new FieldErrors({ until: { key: 'fitness.until_before_from', params: { from: c.from } } })
    if (!fitnessRepo.endContraindication(ctx.db, c.id, input.revision, input.until, nowIso(ctx), actorOf(ctx).id)) {
      throw new AppError('conflict', 'fitness.contraindication_stale')
    }
    ctx.auditDetail = JSON.stringify({ until: input.until, before: c.until })
    return { revision: input.revision + 1 }
  },
  'fitness:voidContraindication'(input, ctx) {
    const c = fitnessRepo.contraindicationById(ctx.db, input.id)
    if (!c || c.personId !== input.personId) throw notFound()
    if (c.voided) throw ruleViolation('fitness.contraindication_voided')
    voidRow(ctx.db, 'fitness_contraindications', c.id, { at: nowIso(ctx), by: actorOf(ctx).id, reason: input.reason })
    ctx.auditDetail = JSON.stringify({ reason: input.reason })
    return null
  },
  'fitness:settings': (_input, ctx) => ({ ...fitnessSettings(ctx.db), version: fitnessSettingsVersion(ctx.db) }),
  'fitness:updateSettings'(input, ctx) {
    if (input.version !== fitnessSettingsVersion(ctx.db)) throw new AppError('conflict', 'settings.stale')
    if (!getFitnessStandard(input.settings.defaultStandardId)) throw new AppError('invalid_input', 'fitness.unknown_standard', { field: 'settings.defaultStandardId' })
    saveFitnessSettings(ctx.db, input.settings)
    ctx.auditDetail = JSON.stringify(input.settings)
    return null
  },
} satisfies HandlersFor<typeof fitnessContract>
