/**
 * Names of staff accounts (issue 10 §11): display names in NFC with nothing invisible; no username that reads like
 * another account's; no display name that another active account shows (the audit log names people by it).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { usernameSkeleton } from '../../electron/shared/domain/identityRules'
import { ADMIN, call, count, err, makeWorld, ok, STAFF_PASSWORD, type World } from './helpers'

let w: World
beforeAll(() => {
  w = makeWorld()
})
afterAll(() => w.close())

const create = (username: string, displayName: string) =>
  call(w.dispatch, 'staff:create', { username, displayName, role: 'counsellor', wardIds: [w.wards.a], password: STAFF_PASSWORD }, w.sessions.admin!)

describe('display names', () => {
  it.each([
    ['a zero-width space', `${ADMIN.displayName}\u200B`],
    ['a right-to-left override', '王建\u202E国'],
    ['a NUL', '王建\u0000国'],
    ['a full-width space', '王\u3000建国'],
    ['a byte-order mark inside', '王\uFEFF建国'],
  ])('refuses %s and writes nothing', (_what, displayName) => {
    const before = count(w.db, 'staff')
    expect(err(create('newname1', displayName)).fields).toEqual({ displayName: 'name.invisible' })
    expect(count(w.db, 'staff')).toBe(before)
  })

  it('stores the NFC form, without surrounding spaces', () => {
    const { id } = ok(create('nfcname', '  Jose\u0301 Li  '))
    expect(w.db.prepare('SELECT display_name AS d FROM staff WHERE id = ?').get(id)).toEqual({ d: 'Jos\u00E9 Li' })
  })

  it('refuses the display name of another active account, on create and on edit', () => {
    expect(err(create('second', ADMIN.displayName)).fields).toEqual({ displayName: `staff.display_name_taken|{"username":"${ADMIN.username}"}` })
    const { id } = ok(create('third', '王伟（一大队）'))
    const edit = (displayName: string) => call(w.dispatch, 'staff:update', { id, revision: 1, displayName, role: 'counsellor', wardIds: [w.wards.a], active: true }, w.sessions.admin!)
    expect(err(edit(ADMIN.displayName)).fields).toEqual({ displayName: `staff.display_name_taken|{"username":"${ADMIN.username}"}` })
    expect(edit('王伟（一大队）').ok).toBe(true)
  })
})

describe('usernames', () => {
  it.each([
    ['ADMIN', 'staff.duplicate_username'],
    ['Adm1n', `staff.username_lookalike|{"existing":"${ADMIN.username}"}`],
    ['ad.min', `staff.username_lookalike|{"existing":"${ADMIN.username}"}`],
    ['adrnin', `staff.username_lookalike|{"existing":"${ADMIN.username}"}`],
    ['adm_in', `staff.username_lookalike|{"existing":"${ADMIN.username}"}`],
  ])('%s is refused next to "admin"', (username, message) => {
    expect(err(create(username, `账号 ${username}`)).fields).toEqual({ username: message })
  })

  it('a distinct username is accepted', () => {
    expect(create('admin2', '另一位管理员').ok).toBe(true)
  })

  it.each([
    ['admin', 'adm1n', true],
    ['li.min', 'limin', true],
    ['s0ng', 'song', true],
    ['wang5', 'wangs', true],
    ['wang', 'wang2', false],
    ['lihua', 'liuhua', false],
  ])('skeleton(%s) = skeleton(%s): %s', (a, b, same) => {
    expect(usernameSkeleton(a) === usernameSkeleton(b)).toBe(same)
  })
})
