/** Shared values of the fitness tests. */
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'

export const STANDARD = 'GTY-2003-adult'

/** Every item of the 20–39 battery for a man (the step test by duration and pulses); all score ≥ 1 point for a man of 20–29. */
export const MALE_FULL = {
  height_cm: 172, weight_kg: 68, vital_capacity_ml: 3800, step_duration_s: 180, step_pulse_1: 50, step_pulse_2: 48, step_pulse_3: 45,
  grip_kg: 45, push_ups: 25, vertical_jump_cm: 40, sit_and_reach_cm: 8, choice_reaction_s: 0.5, single_leg_stand_s: 20,
}

/** The 40–59 battery of a man: push-ups and the vertical jump apply only to 20–39 (a value there is refused). */
export const MALE_40_59 = Object.fromEntries(Object.entries(MALE_FULL).filter(([k]) => k !== 'push_ups' && k !== 'vertical_jump_cm')) as Partial<typeof MALE_FULL>

/** The same man without the step test. */
export const MALE_NO_STEP = Object.fromEntries(Object.entries(MALE_FULL).filter(([k]) => !k.startsWith('step_'))) as Partial<typeof MALE_FULL>

/** A valid ID number for a birth date (YYYY-MM-DD) and sex; `n` (1–49) keeps people born the same day apart. */
export function idNumberFor(birthDate: string, sex: 'M' | 'F', n = 1): string {
  const sequence = String(n * 2 + (sex === 'M' ? 1 : 0)).padStart(3, '0')
  const body = `110101${birthDate.replaceAll('-', '')}${sequence}`
  return body + checkCharacterFor(body)
}
