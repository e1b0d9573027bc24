/**
 * `npm run -s cli -- due --db FILE [--ward NAME|ID] [--date YYYY-MM-DD]`: one JSON line of items; bad arguments exit 2
 * with {"error": …} and the file is untouched (it is opened read-only either way).
 */
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays } from '../../electron/shared/domain/dates'
import { call, expectOneJsonLine, makeWorld, ok, personInput, runCli, tempDir, TODAY } from './helpers'

const temp = tempDir('xinsheng-due-')
const file = join(temp.dir, 'due.db')
let personA = ''
let personB = ''
let wardA = ''
const digest = () => createHash('sha256').update(readFileSync(file)).digest('hex')

beforeAll(() => {
  const w = makeWorld([], file)
  const admin = w.sessions.admin!
  wardA = w.wards.a
  personA = ok(call(w.dispatch, 'people:create', personInput(w.wards.a, { admissionDate: addDays(TODAY, -40), decisionDate: addDays(TODAY, -40) }), admin)).id
  personB = ok(call(w.dispatch, 'people:create', personInput(w.wards.b, { name: '李四', idNumber: '110101198506150035', birthDate: '1985-06-15', admissionDate: TODAY, decisionDate: TODAY }), admin)).id
  w.db.pragma('wal_checkpoint(TRUNCATE)')
  w.close()
})
afterAll(() => temp.cleanup())

type Items = { items: Array<{ personId: string; rule: string; due: string; status: string }> }

describe('cli due', () => {
  it('lists a ward by name on a date: the screening of the person admitted 40 days ago is overdue', () => {
    const before = digest()
    const run = runCli(['due', '--db', file, '--ward', '一大队', '--date', TODAY])
    expect(run.code).toBe(0)
    expectOneJsonLine(run)
    const { items } = run.json as Items
    expect(items).toContainEqual({ personId: personA, rule: 'psych_admission_screening', due: addDays(TODAY, -25), status: 'overdue' })
    expect(items.every((i) => i.personId === personA)).toBe(true)
    expect(items.every((i) => Object.keys(i).join() === 'personId,rule,due,status')).toBe(true)
    expect(digest()).toBe(before)
  })

  it('takes the ward by id, and every current file without --ward', () => {
    const byId = runCli(['due', '--db', file, '--ward', wardA, '--date', TODAY])
    expect((byId.json as Items).items.every((i) => i.personId === personA)).toBe(true)
    const all = runCli(['due', '--db', file, '--date', TODAY])
    expect(all.code).toBe(0)
    const people = new Set((all.json as Items).items.map((i) => i.personId))
    expect([...people].sort()).toEqual([personA, personB].sort())
    // The day before the window opens, the admitted-today person's screening is not listed yet.
    const before = runCli(['due', '--db', file, '--ward', '二大队', '--date', addDays(TODAY, -1)])
    expect((before.json as Items).items).toEqual([])
  })

  it.each([
    [['--date', '2026-02-30'], /^--date must be a calendar date YYYY-MM-DD, got "2026-02-30"$/],
    [['--ward', '九大队'], /^no ward "九大队" \(one of /],
    [['--ward', ''], /^--ward must name a ward/],
    [['--people', '3'], /unknown option/i],
    [['extra'], /^unexpected argument "extra"$/],
  ])('refuses %j with exit 2 and changes nothing', (args, message) => {
    const before = digest()
    const run = runCli(['due', '--db', file, ...args])
    expect(run.code).toBe(2)
    expectOneJsonLine(run)
    expect((run.json as { error: string }).error).toMatch(message)
    expect(digest()).toBe(before)
  })

  it('refuses a missing --db or a missing file', () => {
    expect(runCli(['due']).json).toEqual({ error: '--db FILE is required' })
    const run = runCli(['due', '--db', join(temp.dir, 'none.db')])
    expect(run.code).toBe(2)
    expect((run.json as { error: string }).error).toMatch(/^no database at /)
  })
})
