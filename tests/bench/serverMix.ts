/**
 * Who the simulated workstations of `npm run bench:server` are and what they do: ward officers read their ward
 * (roster, search, a person's file), counsellors also enter assessments. Accounts and people come from the benchmark
 * facility itself (tests/bench/facility.ts), read once before the server starts.
 */
import Database from 'better-sqlite3'

export interface BenchClient {
  username: string
  password: string
  role: 'ward_officer' | 'counsellor'
  wardIds: string[]
  /** Current residents of those wards (a person file, an assessment). */
  people: string[]
  /** Name prefixes and pinyin initials of those residents (what staff type into search). */
  searches: string[]
}

export interface CallSpec {
  kind: string
  method: string
  input: unknown
}

/** The passwords the benchmark facility gives its accounts (demo accounts keep theirs). */
const PASSWORDS: Record<string, string> = { minjing: 'Minjing#2026', xinli: 'Xinli#2026' }
const passwordOf = (username: string) => PASSWORDS[username] ?? (username.startsWith('xinli') ? 'Xinli#2026' : 'Officer#2026')

/** `count` clients: seven in ten ward officers (one per ward, round robin), three in ten counsellors. */
export function loadClients(dbFile: string, count: number): BenchClient[] {
  const db = new Database(dbFile, { readonly: true })
  try {
    const accounts = (role: string) =>
      db
        .prepare(`SELECT s.username, json_group_array(sw.ward_id) AS wards FROM staff s JOIN staff_wards sw ON sw.staff_id = s.id WHERE s.role = ? AND s.active = 1 GROUP BY s.id ORDER BY s.username`)
        .all(role) as Array<{ username: string; wards: string }>
    const officers = accounts('ward_officer')
    const counsellors = accounts('counsellor')
    if (officers.length === 0 || counsellors.length === 0) throw new Error('the benchmark facility has no ward officers or counsellors')
    const residents = db.prepare('SELECT id, name, name_initials AS initials FROM people WHERE ward_id = ? AND voided_at IS NULL')
    const clients: BenchClient[] = []
    for (let i = 0; i < count; i++) {
      const counsellor = i % 10 >= 7
      const pool = counsellor ? counsellors : officers
      const account = pool[Math.floor(i / (counsellor ? 10 : 1)) % pool.length]!
      const wardIds = JSON.parse(account.wards) as string[]
      const rows = wardIds.flatMap((w) => residents.all(w) as Array<{ id: string; name: string; initials: string }>)
      clients.push({
        username: account.username,
        password: passwordOf(account.username),
        role: counsellor ? 'counsellor' : 'ward_officer',
        wardIds,
        people: rows.map((r) => r.id),
        searches: rows.slice(0, 40).flatMap((r) => [r.name.slice(0, 1), r.initials.slice(0, 2)]),
      })
    }
    return clients
  } finally {
    db.close()
  }
}

const any = <T>(list: readonly T[]): T => list[Math.floor(Math.random() * list.length)]!
/** GAD-7 answers (0–3 each): a quick instrument, the kind entered from a paper form between other work. */
const gad7 = () => Array.from({ length: 7 }, () => Math.floor(Math.random() * 4))
const today = () => new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })

/** The next call of a client: roster 30 %, search 25 %, person file 30 %, assessment entry 15 % (counsellors; officers read a file instead). */
export function pickAction(c: BenchClient): CallSpec {
  const roll = Math.random()
  if (roll < 0.3) return { kind: 'roster', method: 'people:roster', input: { wardId: any(c.wardIds) } }
  if (roll < 0.55) return { kind: 'search', method: 'people:search', input: { q: any(c.searches), limit: 10 } }
  if (roll < 0.85 || c.role !== 'counsellor') return { kind: 'person file', method: 'people:get', input: { id: any(c.people) } }
  return {
    kind: 'assessment entry',
    method: 'psych:submitAssessment',
    input: { personId: any(c.people), instrumentId: 'gad7', setting: 'periodic', administeredOn: today(), answers: gad7() },
  }
}
