/**
 * Follow-up contacts: record / edit (naming the revision read) / void, every field checked with a message that states
 * the limit, each write keeping the slot it fulfils and the release's outcome row in the same transaction.
 */
import { randomUUID } from 'node:crypto'
import { REACHED_STATUSES } from '../../shared/contract/aftercare'
import type { HelpKind } from '../../shared/domain/aftercare/settings'
import type { Db } from '../db/open'
import { AppError, FieldErrors, notFound, ruleViolation } from '../errors'
import { aftercareRepo, type ContactFields, type StoredContact, type StoredSlot } from './aftercareRepo'

export type ContactInput = Omit<ContactFields, 'slotId'> & { slotId?: string | null | undefined }
interface Change {
  at: string
  by: string
}
type FieldError = { key: string; params?: Record<string, string | number> }

/** The person's live confirmed release, or a clear refusal. */
export function releasedOrThrow(db: Db, personId: string) {
  const person = aftercareRepo.person(db, personId)
  if (!person) throw notFound()
  if (person.voided) throw ruleViolation('aftercare.person_voided')
  const release = aftercareRepo.liveRelease(db, personId)
  if (!release || release.status !== 'released') throw ruleViolation('aftercare.not_released')
  return release
}

/**
 * Checks a contact's fields against the release, today and the lists. `before` (an edit) lets a retired help entry or
 * station the contact already named stay.
 */
export function checkContact(db: Db, f: ContactInput, ctx: { releaseDate: string; today: string; helpKinds: readonly HelpKind[]; before?: StoredContact }): void {
  const errors: Record<string, FieldError> = {}
  if (f.contactOn < ctx.releaseDate) errors.contactOn = { key: 'aftercare.contact_before_release', params: { date: ctx.releaseDate } }
  else if (f.contactOn > ctx.today) errors.contactOn = { key: 'aftercare.contact_future', params: { date: ctx.today } }
  if (f.reached && !(REACHED_STATUSES as readonly string[]).includes(f.status ?? '')) errors.status = { key: 'aftercare.status_reached' }
  if (!f.reached && f.status !== null && f.status !== 'lost_contact') errors.status = { key: 'aftercare.status_not_reached' }
  if (f.employer !== null && f.employment !== 'employed') errors.employer = { key: 'aftercare.employer_needs_employed' }
  const known = new Map(ctx.helpKinds.map((h) => [h.id, h]))
  const unknownHelp = f.help.find((id) => {
    const entry = known.get(id)
    return !entry || (!entry.active && !ctx.before?.help.includes(id))
  })
  if (unknownHelp !== undefined) errors.help = { key: 'aftercare.unknown_help', params: { id: unknownHelp } }
  if (new Set(f.help).size !== f.help.length) errors.help = { key: 'aftercare.duplicate_help' }
  if (f.method === 'station' && f.stationId === null) errors.stationId = { key: 'aftercare.station_required' }
  if (f.stationId !== null && f.stationId !== ctx.before?.stationId && !aftercareRepo.liveStation(db, f.stationId)) errors.stationId = { key: 'aftercare.unknown_station' }
  if (Object.keys(errors).length > 0) throw new FieldErrors(errors)
}

/**
 * The slot a contact fulfils: undefined = the earliest open slot already listed on the contact's date (none: no
 * slot), null = none, an id = that slot, which must be this release's, open (or this contact's) and listed by then.
 */
function resolveSlot(slots: readonly StoredSlot[], requested: string | null | undefined, contactOn: string, contactId: string | null): string | null {
  if (requested === null) return null
  if (requested === undefined) return slots.find((s) => s.contactId === null && s.windowFrom <= contactOn)?.id ?? null
  const slot = slots.find((s) => s.id === requested)
  if (!slot) throw new FieldErrors({ slotId: { key: 'aftercare.unknown_slot' } })
  if (slot.contactId !== null && slot.contactId !== contactId) throw new FieldErrors({ slotId: { key: 'aftercare.slot_taken' } })
  if (contactOn < slot.windowFrom) throw new FieldErrors({ slotId: { key: 'aftercare.slot_not_open', params: { date: slot.windowFrom } } })
  return slot.id
}

export function recordContact(db: Db, personId: string, f: ContactInput, ctx: { today: string; helpKinds: readonly HelpKind[] }, change: Change): { id: string; revision: number } {
  const release = releasedOrThrow(db, personId)
  checkContact(db, f, { releaseDate: release.releaseDate, ...ctx })
  const id = randomUUID()
  const slotId = resolveSlot(aftercareRepo.slots(db, release.id), f.slotId, f.contactOn, null)
  aftercareRepo.insertContact(db, { id, personId, releaseId: release.id, fields: { ...f, slotId }, at: change.at, by: change.by })
  if (slotId) aftercareRepo.setSlotContact(db, slotId, id)
  aftercareRepo.refreshOutcome(db, release.id)
  return { id, revision: 1 }
}

export function updateContact(
  db: Db,
  input: { personId: string; id: string; revision: number; fields: ContactFields },
  ctx: { today: string; helpKinds: readonly HelpKind[] },
  change: Change,
): { id: string; revision: number; before: StoredContact } {
  const stored = aftercareRepo.contactById(db, input.id)
  if (!stored || stored.personId !== input.personId) throw notFound()
  if (stored.voided) throw ruleViolation('aftercare.contact_voided')
  if (stored.revision !== input.revision) throw new AppError('conflict', 'aftercare.stale')
  const release = releasedOrThrow(db, input.personId)
  if (release.id !== stored.releaseId) throw ruleViolation('aftercare.contact_other_release')
  checkContact(db, input.fields, { releaseDate: release.releaseDate, ...ctx, before: stored })
  const slotId = resolveSlot(aftercareRepo.slots(db, release.id), input.fields.slotId, input.fields.contactOn, stored.id)
  if (!aftercareRepo.updateContact(db, { id: stored.id, revision: input.revision, fields: { ...input.fields, slotId }, at: change.at, by: change.by })) {
    throw new AppError('conflict', 'aftercare.stale')
  }
  aftercareRepo.freeSlotsOf(db, stored.id)
  if (slotId) aftercareRepo.setSlotContact(db, slotId, stored.id)
  aftercareRepo.refreshOutcome(db, release.id)
  return { id: stored.id, revision: input.revision + 1, before: stored }
}

export function voidContact(db: Db, input: { personId: string; id: string; revision: number; reason: string }, change: Change): void {
  const stored = aftercareRepo.contactById(db, input.id)
  if (!stored || stored.personId !== input.personId) throw notFound()
  if (stored.voided) throw ruleViolation('aftercare.contact_voided')
  if (!aftercareRepo.voidContact(db, { id: stored.id, revision: input.revision, reason: input.reason, ...change })) throw new AppError('conflict', 'aftercare.stale')
  aftercareRepo.freeSlotsOf(db, stored.id)
  aftercareRepo.refreshOutcome(db, stored.releaseId)
}

