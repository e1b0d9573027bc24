/**
 * The fitness items and the raw measurements staff type in. Measurements are stored apart from points, so a test can be
 * re-graded under another standard; which measure feeds which item is fixed here, the thresholds are norms data.
 */
export const FITNESS_ITEMS = [
  'height_weight',
  'vital_capacity',
  'step_index',
  'grip',
  'push_ups',
  'sit_ups',
  'vertical_jump',
  'sit_and_reach',
  'choice_reaction',
  'single_leg_stand',
] as const
export type FitnessItem = (typeof FITNESS_ITEMS)[number]

export const FITNESS_MEASURES = [
  'height_cm',
  'weight_kg',
  'vital_capacity_ml',
  'step_duration_s',
  'step_pulse_1',
  'step_pulse_2',
  'step_pulse_3',
  'step_index',
  'grip_kg',
  'push_ups',
  'sit_ups',
  'vertical_jump_cm',
  'sit_and_reach_cm',
  'choice_reaction_s',
  'single_leg_stand_s',
] as const
export type FitnessMeasure = (typeof FITNESS_MEASURES)[number]

export type Measurements = Partial<Record<FitnessMeasure, number>>

export type MeasureUnit = 'cm' | 'kg' | 'mL' | 's' | 'beats' | 'reps' | 'index'

/** Pulse counts are beats counted over 30 s; the step index has no unit. */
export const MEASURE_UNITS: Record<FitnessMeasure, MeasureUnit> = {
  height_cm: 'cm',
  weight_kg: 'kg',
  vital_capacity_ml: 'mL',
  step_duration_s: 's',
  step_pulse_1: 'beats',
  step_pulse_2: 'beats',
  step_pulse_3: 'beats',
  step_index: 'index',
  grip_kg: 'kg',
  push_ups: 'reps',
  sit_ups: 'reps',
  vertical_jump_cm: 'cm',
  sit_and_reach_cm: 'cm',
  choice_reaction_s: 's',
  single_leg_stand_s: 's',
}

export const MEASURE_ITEM: Record<FitnessMeasure, FitnessItem> = {
  height_cm: 'height_weight',
  weight_kg: 'height_weight',
  vital_capacity_ml: 'vital_capacity',
  step_duration_s: 'step_index',
  step_pulse_1: 'step_index',
  step_pulse_2: 'step_index',
  step_pulse_3: 'step_index',
  step_index: 'step_index',
  grip_kg: 'grip',
  push_ups: 'push_ups',
  sit_ups: 'sit_ups',
  vertical_jump_cm: 'vertical_jump',
  sit_and_reach_cm: 'sit_and_reach',
  choice_reaction_s: 'choice_reaction',
  single_leg_stand_s: 'single_leg_stand',
}

/** The measure a threshold item is looked up by (height_weight is looked up by weight within the height's row). */
export const ITEM_MEASURE: Record<FitnessItem, FitnessMeasure> = {
  height_weight: 'weight_kg',
  vital_capacity: 'vital_capacity_ml',
  step_index: 'step_index',
  grip: 'grip_kg',
  push_ups: 'push_ups',
  sit_ups: 'sit_ups',
  vertical_jump: 'vertical_jump_cm',
  sit_and_reach: 'sit_and_reach_cm',
  choice_reaction: 'choice_reaction_s',
  single_leg_stand: 'single_leg_stand_s',
}

export type Sex = 'M' | 'F'
export const SEXES: readonly Sex[] = ['M', 'F']
