/** Shared values of the fitness tests. */
export const STANDARD = 'GTY-2003-adult'

/** A man of 36 on TODAY (born 1990-03-07) with every item of the 20–39 battery for men (the step test by duration and pulses). */
export const MALE_FULL = {
  height_cm: 172, weight_kg: 68, vital_capacity_ml: 3800, step_duration_s: 180, step_pulse_1: 50, step_pulse_2: 48, step_pulse_3: 45,
  grip_kg: 45, push_ups: 25, vertical_jump_cm: 40, sit_and_reach_cm: 8, choice_reaction_s: 0.5, single_leg_stand_s: 20,
}

/** The same man without the step test. */
export const MALE_NO_STEP = Object.fromEntries(Object.entries(MALE_FULL).filter(([k]) => !k.startsWith('step_'))) as Partial<typeof MALE_FULL>
