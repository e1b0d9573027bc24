/**
 * Issue 15, optimistic concurrency: on a facility server two staff members can act on the same record from two desks.
 * Every audited write either names what its page showed (a record's `revision`, a setting's `version`, or `seen`: the
 * state a transition starts from) and is refused as stale when that changed, or is listed below with the reason it
 * cannot silently overwrite anyone. A new write method without either fails this test until someone decides which.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { z } from 'zod'
import { contract, type MethodName } from '../../electron/shared/contract'
import type { MethodSpec } from '../../electron/shared/contract/define'
import { recordOfInput } from '../../electron/core/audit/lastChange'
import { call, err, makeWorld, ok, personInput, type World } from './helpers'

/** Input fields that carry what the page showed. */
const VERSION_FIELDS = ['revision', 'version', 'draftRevision', 'seen'] as const

type Reason =
  /** Inserts a new record: nobody else's save exists to overwrite. */
  | { kind: 'creates' }
  /** Voids a record; voiding one already voided is refused (some checked below with real calls). */
  | { kind: 'void' }
  /** Moves a record from one state to the next; the guard named refuses it when someone else moved it first. */
  | { kind: 'transition'; guard: string }
  /** Sign-in, passwords and sessions: each call stands alone, the newest is meant to win. */
  | { kind: 'session' }
  /** Starts a job (a backup, a restore, the demo): nothing typed over a loaded value. */
  | { kind: 'job' }

const creates: Reason = { kind: 'creates' }
const voids: Reason = { kind: 'void' }
const session: Reason = { kind: 'session' }
const job: Reason = { kind: 'job' }
const transition = (guard: string): Reason => ({ kind: 'transition', guard })

const ALLOWED: Partial<Record<MethodName, Reason>> = {
  'setup:initialize': transition('setup.previous_database and the setup-only access: the facility is set up once'),
  'setup:loadDemo': job,
  'auth:login': session,
  'auth:logout': session,
  'auth:changePassword': session,
  'staff:create': creates,
  'staff:unlock': transition('idempotent: it clears the lock; a second unlock changes nothing'),
  'staff:resetPassword': session,
  'wards:create': creates,
  'people:create': creates,
  'people:addTermEvent': creates,
  'people:closeEscape': transition('term.escape_not_open: an escape already closed is refused'),
  'people:voidTermEvent': voids,
  'people:void': voids,
  'people:importCommit': creates,
  // Replaces the instrument's whole set of item texts from the facility's licensed file: nothing is typed over a
  // loaded value, and a second import of the same file gives the same texts.
  'psych:importItemTexts': job,
  'psych:submitAssessment': creates,
  'psych:rescore': creates,
  'psych:voidAssessment': voids,
  'psych:handleTask': transition('task.already_handled: only an open task is handled'),
  'psych:createSession': creates,
  'psych:voidSession': voids,
  'psych:raiseCrisis': creates,
  'psych:addCrisisEvent': creates,
  'psych:closeCrisis': transition('crisis.closed: only an open crisis is closed'),
  'backup:setPassphrase': session,
  'backup:run': job,
  'backup:restore': job,
  'fitness:voidTest': voids,
  'fitness:regrade': creates,
  'fitness:recordContraindication': creates,
  'fitness:voidContraindication': voids,
  'training:createGroup': creates,
  'training:addMember': creates,
  'training:endMember': transition('training.membership_ended: a membership already ended is refused'),
  'training:recordSession': creates,
  'training:voidSession': voids,
  'trades:create': creates,
  'courses:create': creates,
  'courses:enrol': creates,
  'courses:recordSession': creates,
  'courses:recordExams': creates,
  'certificates:issueBatch': creates,
  'certificates:create': creates,
  'certificates:import': creates,
  'academic:create': creates,
  'knowledge:createItem': creates,
  'knowledge:voidItem': voids,
  'knowledge:createPaper': creates,
  'knowledge:voidPaper': voids,
  'knowledge:startSitting': creates,
  'knowledge:saveAnswers': transition('knowledge.already_submitted: only an open sitting takes answers'),
  'knowledge:submit': transition('knowledge.already_submitted: a sitting is submitted once'),
  'knowledge:enterPaperAnswers': creates,
  'knowledge:voidAttempt': voids,
  'employment:createEvent': creates,
  'employment:refer': creates,
  'assessment:importTemplate': creates,
  'assessment:record': creates,
  'assessment:closeEvidenceRequest': transition('assessment.request_closed: a request is closed once'),
  'assessment:propose': creates,
  'wardwork:recordTalk': creates,
  'wardwork:voidTalk': voids,
  'wardwork:recordConduct': creates,
  'wardwork:voidConduct': voids,
  'wardwork:recordVisit': creates,
  'wardwork:voidVisit': voids,
  'wardwork:recordMedical': creates,
  'wardwork:voidMedical': voids,
  'wardwork:recordMeasure': creates,
  'wardwork:voidMeasure': voids,
  'wardwork:voidLog': voids,
  'duework:exempt': creates,
  'release:plan': creates,
  'release:reopenFile': transition('release.already_reopened / release.file_not_closed: a file is reopened once'),
  'release:closeFile': transition('release.no_open_reopening: a reopening is closed once'),
  'aftercare:recordContact': creates,
  'server:endSessions': session,
}

/** The top-level fields of a method's input; for a union, those every variant has. */
function inputFields(schema: z.ZodType): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def
  switch (def.type) {
    case 'object':
      return Object.keys(def.shape as object)
    case 'pipe':
      return inputFields(def.in as z.ZodType)
    case 'union': {
      const [first, ...rest] = (def.options as z.ZodType[]).map(inputFields)
      return (first ?? []).filter((field) => rest.every((fields) => fields.includes(field)))
    }
    default:
      throw new Error(`input of type ${String(def.type)}: teach inputFields to read it`)
  }
}

const writes = (Object.entries(contract) as Array<[MethodName, MethodSpec<z.ZodType, unknown>]>).filter(([, spec]) => spec.audit.kind === 'write')

describe('every audited write guards against a stale page, or says why it need not', () => {
  it('the contract has audited writes to check', () => {
    expect(writes.length).toBeGreaterThan(100)
  })

  it.each(writes.map(([name, spec]) => [name, spec] as const))('%s', (name, spec) => {
    const versioned = inputFields(spec.input).filter((field) => (VERSION_FIELDS as readonly string[]).includes(field))
    const allowed = ALLOWED[name]
    if (versioned.length === 0 && !allowed) {
      throw new Error(`${name} edits without a revision/version/seen field and is not in ALLOWED: add one, or say why it cannot overwrite`)
    }
    // Both would hide a list entry that no longer explains anything.
    if (versioned.length > 0 && allowed) throw new Error(`${name} names ${versioned.join(', ')}: remove it from ALLOWED`)
  })

  // Settings have no row of their own: their audit rows name the setting, or a stale save could not say who saved it.
  // (Upserts that learn their record's id from the result, such as wardwork:saveLog, say "changed by someone".)
  it('every settings save names its setting as the audited record, so a stale save is told who saved last and when', () => {
    const unnamed = writes.filter(([, spec]) => {
      const fields = inputFields(spec.input)
      if (!fields.includes('version')) return false
      const input = Object.fromEntries(fields.map((field) => [field, '00000000-0000-4000-8000-000000000000']))
      return recordOfInput(spec, input) === null
    })
    expect(unnamed.map(([name]) => name)).toEqual([])
  })

  it('the allowlist names only audited writes', () => {
    const names = new Set(writes.map(([name]) => name))
    expect(Object.keys(ALLOWED).filter((name) => !names.has(name as MethodName))).toEqual([])
  })
})

describe("the 'void' entries: voiding a record twice is refused, nothing changes", () => {
  let w: World
  let admin: string
  beforeEach(() => {
    w = makeWorld()
    admin = w.sessions.admin!
  })
  afterEach(() => w.close())

  const audits = () => (w.db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n

  it('people:void', () => {
    const { id } = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    ok(call(w.dispatch, 'people:void', { id, reason: '重复建档' }, admin))
    const before = audits()
    expect(err(call(w.dispatch, 'people:void', { id, reason: '重复建档' }, admin)).code).toMatch(/^(not_found|rule_violation|conflict)$/)
    expect(audits()).toBe(before)
  })

  it('people:voidTermEvent', () => {
    const { id } = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    const { eventId } = ok(call(w.dispatch, 'people:addTermEvent', { id, kind: 'escape', fromDate: '2026-10-01', toDate: '2026-10-05', note: null, docNo: null }, admin))
    ok(call(w.dispatch, 'people:voidTermEvent', { id, eventId, reason: '登记错误' }, admin))
    const before = audits()
    expect(err(call(w.dispatch, 'people:voidTermEvent', { id, eventId, reason: '登记错误' }, admin)).key).toBe('term.event_voided')
    expect(audits()).toBe(before)
  })

  it('knowledge:voidItem', () => {
    const { id } = ok(call(w.dispatch, 'knowledge:createItem', { kind: 'single', stem: '国际禁毒日是哪一天？', options: ['6月26日', '12月1日'], answer: ['A'], tags: ['禁毒知识'] }, admin))
    ok(call(w.dispatch, 'knowledge:voidItem', { id, reason: '题目有误' }, admin))
    const before = audits()
    expect(err(call(w.dispatch, 'knowledge:voidItem', { id, reason: '题目有误' }, admin)).code).toMatch(/^(not_found|rule_violation|conflict)$/)
    expect(audits()).toBe(before)
  })

  it('wardwork:voidTalk', () => {
    const { id: personId } = ok(call(w.dispatch, 'people:create', personInput(w.wards.a), admin))
    const { id } = ok(call(w.dispatch, 'wardwork:recordTalk', { personId, kind: 'routine', status: 'done', plannedOn: '2026-11-20', doneOn: '2026-11-20' }, admin))
    ok(call(w.dispatch, 'wardwork:voidTalk', { personId, id, reason: '记录重复' }, admin))
    const before = audits()
    expect(err(call(w.dispatch, 'wardwork:voidTalk', { personId, id, reason: '记录重复' }, admin)).code).toMatch(/^(not_found|rule_violation|conflict)$/)
    expect(audits()).toBe(before)
  })
})

