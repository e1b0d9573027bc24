import type { FitnessStandard } from '../../shared/domain/fitness'
import type { Db } from '../db/open'
import { AppError } from '../errors'
import { fitnessSettings } from './fitnessSettings'
import { getFitnessStandard } from './norms'

/** The named standard, else the facility's default (setting fitness.defaultStandard); an unknown id is refused on `field`. */
export function resolveStandard(db: Db, standardId: string | undefined, field: string): FitnessStandard {
  const id = standardId ?? fitnessSettings(db).defaultStandardId
  const standard = getFitnessStandard(id)
  if (!standard) throw new AppError('invalid_input', 'fitness.unknown_standard', { field: standardId === undefined ? '_' : field })
  return standard
}
