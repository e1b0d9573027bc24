/**
 * The bench's one table: each operation timed over its variants beside its floor (the simplest raw indexed SQL that
 * returns the same rows, timed in the same run on the same database), p50/p95 against the target. Appending a row is
 * one call: `bench.op({ op, target, variants, run, floor })`.
 */
import { performance } from 'node:perf_hooks'

export interface OpSpec<V> {
  /** The row's name, e.g. 'roster' or 'fitness:wardSheet'. */
  op: string
  /** p95 target in milliseconds. */
  target: number
  /** The operation's p50 may be at most this many times its floor's p50 (checked only when set). */
  maxRatio?: number
  /** Inputs the timed runs cycle through (the floor cycles through the same ones). */
  variants: readonly V[]
  run: (variant: V) => unknown
  floor?: (variant: V) => unknown
  /**
   * Throws when the floor's rows are not the operation's rows (ids and order); called once per variant before
   * timing, so a floor that answers a different question fails the bench instead of flattering the ratio.
   */
  same?: (opResult: unknown, floorResult: unknown, variant: V) => void
  /** Timed runs (default: the bench's runs); warm-up is one pass over the variants, at least 20 runs. */
  runs?: number
  describe?: (variant: V) => string
}

export interface BenchRow {
  op: string
  p50: number
  p95: number
  target: number
  floor: number | null
  ratio: number | null
  runs: number
  variants: number
  pass: boolean
  maxRatio: number | null
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(sorted.length * p) - 1))]!
}

const round = (n: number) => Math.round(n * 100) / 100

export class Bench {
  readonly rows: BenchRow[] = []

  constructor(
    private readonly o: { runs: number; log: (line: string) => void; only?: ReadonlySet<string> | undefined },
  ) {}

  op<V>(spec: OpSpec<V>): void {
    if (this.o.only && !this.o.only.has(spec.op)) return
    const { variants } = spec
    if (variants.length === 0) throw new Error(`${spec.op}: no variants`)
    // Check the floor once per variant, and warm up both sides.
    variants.forEach((v, i) => {
      const result = spec.run(v)
      if (spec.floor) {
        const floorResult = spec.floor(v)
        try {
          spec.same?.(result, floorResult, v)
        } catch (error) {
          const label = spec.describe?.(v) ?? `variant ${i}`
          throw new Error(`${spec.op}: the floor does not return the operation's rows for ${label}: ${(error as Error).message}`)
        }
      }
    })
    for (let i = variants.length; i < 20; i++) {
      spec.run(variants[i % variants.length]!)
      spec.floor?.(variants[i % variants.length]!)
    }
    const runs = spec.runs ?? this.o.runs
    const opTimes: number[] = []
    const floorTimes: number[] = []
    const byVariant = variants.map(() => [] as number[])
    // Operation and floor alternate, so a burst of load on the shared machine hits both alike.
    for (let i = 0; i < runs; i++) {
      const v = variants[i % variants.length]!
      let t0 = performance.now()
      spec.run(v)
      opTimes.push(performance.now() - t0)
      byVariant[i % variants.length]!.push(opTimes[opTimes.length - 1]!)
      if (spec.floor) {
        t0 = performance.now()
        spec.floor(v)
        floorTimes.push(performance.now() - t0)
      }
    }
    this.add(spec.op, opTimes, spec.floor ? floorTimes : null, spec.target, spec.maxRatio ?? null, variants.length)
    if (variants.length > 1) {
      // Where a miss comes from: the variants with the slowest median (stderr, beside the progress lines).
      const slowest = byVariant
        .map((times, i) => ({ i, p50: percentile([...times].sort((a, b) => a - b), 0.5) }))
        .sort((a, b) => b.p50 - a.p50)
        .slice(0, 3)
      const label = (i: number) => spec.describe?.(variants[i]!) ?? `variant ${i}`
      this.o.log(`    slowest: ${slowest.map((s) => `${label(s.i)} ${s.p50.toFixed(2)} ms`).join('; ')}`)
    }
  }

  /** A row timed elsewhere (per-call times in ms), without a floor. */
  add(op: string, times: number[], floorTimes: number[] | null, target: number, maxRatio: number | null, variants = 1): void {
    const sorted = [...times].sort((a, b) => a - b)
    const floorSorted = floorTimes && [...floorTimes].sort((a, b) => a - b)
    const p50 = percentile(sorted, 0.5)
    const p95 = percentile(sorted, 0.95)
    const floor = floorSorted ? percentile(floorSorted, 0.5) : null
    const ratio = floor ? p50 / floor : null
    const pass = p95 <= target && (maxRatio === null || ratio === null || ratio <= maxRatio)
    const row = { op, p50, p95, target, floor, ratio, runs: times.length, variants, pass, maxRatio }
    this.rows.push(row)
    this.o.log(`  ${op}: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms${floor === null ? '' : `, floor ${floor.toFixed(2)} ms`} (${times.length} runs)`)
  }

  /** The rows as the JSON array later issues append to (milliseconds, rounded to 0.01). */
  json(): string {
    return JSON.stringify(
      this.rows.map((r) => ({ op: r.op, p50: round(r.p50), p95: round(r.p95), target: r.target, floor: r.floor === null ? null : round(r.floor), ratio: r.ratio === null ? null : round(r.ratio) })),
    )
  }

  table(): string {
    const header = ['operation', 'p50 ms', 'p95 ms', 'target p95', 'floor p50', 'ratio', 'result', 'runs']
    const cells = this.rows.map((r) => [
      r.op,
      r.p50.toFixed(2),
      r.p95.toFixed(2),
      `≤ ${r.target}`,
      r.floor === null ? '—' : r.floor.toFixed(2),
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×${r.maxRatio === null ? '' : ` (≤ ${r.maxRatio}×)`}`,
      r.pass ? 'PASS' : 'FAIL',
      `${r.runs} / ${r.variants} var.`,
    ])
    const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)))
    const line = (c: string[]) => c.map((s, i) => (i === 0 ? s.padEnd(widths[i]!) : s.padStart(widths[i]!))).join('  ')
    return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.map(line)].join('\n')
  }

  summary(): string {
    const misses = this.rows.filter((r) => !r.pass)
    if (misses.length === 0) return `all ${this.rows.length} operations meet their targets`
    const why = (r: BenchRow) =>
      r.p95 > r.target ? `p95 ${r.p95.toFixed(2)} > ${r.target} ms` : `${r.ratio!.toFixed(2)}× floor > ${r.maxRatio}×`
    return `${misses.length} of ${this.rows.length} miss: ${misses.map((r) => `${r.op} (${why(r)})`).join('; ')}`
  }
}
