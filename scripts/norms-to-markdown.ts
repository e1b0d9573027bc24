/**
 * Prints a norms file back as the markdown table rows of domain-reference.md §5.3, so a re-keyed standard can be
 * diffed against the tables it was keyed from:
 *   npx tsx scripts/norms-to-markdown.ts resources/norms/GTY-2003-adult.json > /tmp/keyed.md
 *   grep -E '^\| ([0-9]{2}-[0-9]{2} \| [MF]|[0-9]{3}\.0–)' domain-reference.md | diff - /tmp/keyed.md
 * The file goes through the same schema as at load, so what is printed is what the engine grades with.
 */
import { readFileSync } from 'node:fs'
import { parseFitnessStandard, type FitnessItem } from '../electron/shared/domain/fitness'

/** The reference's table order and the decimals it prints each item's thresholds with. */
const TABLES: Array<[FitnessItem, number]> = [
  ['vital_capacity', 0],
  ['step_index', 1],
  ['grip', 1],
  ['push_ups', 0],
  ['sit_ups', 0],
  ['vertical_jump', 1],
  ['sit_and_reach', 1],
  ['single_leg_stand', 0],
  ['choice_reaction', 2],
]

const file = process.argv[2]
if (!file) throw new Error('usage: npx tsx scripts/norms-to-markdown.ts <norms.json>')
const standard = parseFitnessStandard(JSON.parse(readFileSync(file, 'utf8')) as unknown, file)
const lines: string[] = []
for (const [item, decimals] of TABLES) {
  const norm = standard.items[item]
  if (!norm || norm.kind === 'bell_by_height') continue
  for (const row of norm.rows) lines.push(`| ${row.ages.id} | ${row.sex} | ${row.thresholds.map((t) => t.toFixed(decimals)).join(' | ')} |`)
}
const hw = standard.items.height_weight
if (hw?.kind === 'bell_by_height') {
  for (const row of hw.rows) {
    for (const [cm, w] of Object.entries(row.heights)) {
      lines.push(`| ${cm}.0–${cm}.9 | ${w.map((x) => x.toFixed(1)).join(' | ')} | > ${w[3].toFixed(1)} |`)
    }
  }
}
console.log(lines.join('\n'))
