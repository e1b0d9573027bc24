/**
 * The behaviour points of a person (奖惩, kept by the ward: wardwork's `conductPoints`, SHAPES13.md). Behind this one
 * function so the assessment code does not change when the ward records arrive: until then there is no source, and a
 * conduct item has no evidence (it opens an evidence request and the assessor enters it by hand).
 */
import type { Db } from '../db/open'

export interface ConductPoints {
  total: number
  rewards: number
  sanctions: number
  entries: Array<{ id: string; on: string; kind: 'reward' | 'sanction'; category: string; points: number }>
}

export type ConductSource = (db: Db, personId: string, from: string | null, to: string) => ConductPoints

let source: ConductSource | null = null

/** Wires wardwork's conductPoints in (one call where the modules are assembled). */
export function useConductSource(fn: ConductSource): void {
  source = fn
}

export function conductPointsOf(db: Db, personId: string, from: string | null, to: string): ConductPoints | null {
  return source ? source(db, personId, from, to) : null
}
