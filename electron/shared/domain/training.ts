/**
 * Exercise training (运动戒毒): attendance exceptions and the default intensity groups.
 *
 * No national list of intensity groups or of their meaning could be verified (domain reference §5.5: Jiangsu's pilot
 * used four groups, the MOJ guidance texts are not available), so the list is a facility setting
 * (fitness.intensityGroups); the default below is a starting point a facility is expected to adjust.
 */

/** Why a member missed a session: 病假/就医, 禁忌 (medical contraindication), 提审/会见, 其他 (with a text). */
export const ABSENCE_REASONS = ['sick', 'contraindication', 'legal', 'other'] as const
export type AbsenceReason = (typeof ABSENCE_REASONS)[number]

export interface IntensityGroup {
  /** Stable key stored on records (letters, digits, _ and -); the name may be changed later. */
  key: string
  name: string
  description: string | null
}

export const DEFAULT_INTENSITY_GROUPS: IntensityGroup[] = [
  { key: 'low', name: '低强度', description: '康复初期、体质较弱或有相对禁忌者：步行、太极、拉伸等' },
  { key: 'medium', name: '中强度', description: '体质一般者：慢跑、广播操、轻器械等' },
  { key: 'high', name: '高强度', description: '体质良好者：跑步、球类、力量训练等' },
]

export const MAX_INTENSITY_GROUPS = 10
/** Sessions last from 10 minutes to 4 hours (a half-day exercise block). */
export const SESSION_MINUTES = { min: 10, max: 240 } as const

/** A member on `date` when joined on or before it and not yet left (left_on is the first day no longer a member). */
export function memberOn(m: { joinedOn: string; leftOn: string | null }, date: string): boolean {
  return m.joinedOn <= date && (m.leftOn === null || date < m.leftOn)
}
