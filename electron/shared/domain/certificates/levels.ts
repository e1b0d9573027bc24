/**
 * The five skill levels of the 职业技能等级 system (domain-reference §6.2) and how a certificate writes them (§6.3):
 * "中文数字+级/等级名称", e.g. "五级/初级工" … "一级/高级技师". Level 1 is the highest (一级/高级技师), level 5 the lowest.
 * The 2022 "new eight levels" add 学徒工 below and 特级技师/首席技师 above; those are not levels 1–5 and are not here.
 */

export const SKILL_LEVELS = [1, 2, 3, 4, 5] as const
export type SkillLevel = (typeof SKILL_LEVELS)[number]

/** 等级名称 of each level, as the certificate prints it after the slash (§6.2, [P45]). */
export const SKILL_LEVEL_NAMES_ZH: Readonly<Record<SkillLevel, string>> = {
  1: '高级技师',
  2: '技师',
  3: '高级工',
  4: '中级工',
  5: '初级工',
}

/** English renderings for the English interface (no official English wording was found; these are descriptive). */
export const SKILL_LEVEL_NAMES_EN: Readonly<Record<SkillLevel, string>> = {
  1: 'Senior Technician',
  2: 'Technician',
  3: 'Senior Worker',
  4: 'Intermediate Worker',
  5: 'Junior Worker',
}

const LEVEL_NUMERALS: Readonly<Record<SkillLevel, string>> = { 1: '一', 2: '二', 3: '三', 4: '四', 5: '五' }

export function isSkillLevel(value: unknown): value is SkillLevel {
  return typeof value === 'number' && (SKILL_LEVELS as readonly number[]).includes(value)
}

/** The wording a certificate and a roster print: 5 → "五级/初级工", 1 → "一级/高级技师". */
export function levelWording(level: SkillLevel): string {
  return `${LEVEL_NUMERALS[level]}级/${SKILL_LEVEL_NAMES_ZH[level]}`
}

/** The English interface's wording: 5 → "Level 5 / Junior Worker". */
export function levelWordingEn(level: SkillLevel): string {
  return `Level ${level} / ${SKILL_LEVEL_NAMES_EN[level]}`
}

/**
 * Reads a level as people type it in a workbook from another body: the full wording ("五级/初级工", with a half- or
 * full-width slash and spaces around it), the 级 part alone ("五级", "5级") or the name alone ("初级工"). A wording whose
 * two halves name different levels ("五级/高级技师") is not a level: null, never a guess.
 */
export function parseLevelWording(text: string): SkillLevel | null {
  const parts = text.trim().split(/\s*[/／]\s*/)
  if (parts.length > 2 || parts.some((p) => p === '')) return null
  const levels = parts.map(levelOfPart)
  if (levels.some((l) => l === null)) return null
  if (levels.length === 2) {
    // The first half must be the numeral and the second the name: "初级工/五级" is refused as written backwards.
    if (!isNumeralPart(parts[0]!) || isNumeralPart(parts[1]!) || levels[0] !== levels[1]) return null
  }
  return levels[0]!
}

function isNumeralPart(part: string): boolean {
  return /^[一二三四五1-5]级$/.test(part)
}

function levelOfPart(part: string): SkillLevel | null {
  for (const level of SKILL_LEVELS) {
    if (part === `${LEVEL_NUMERALS[level]}级` || part === `${level}级` || part === SKILL_LEVEL_NAMES_ZH[level]) return level
  }
  return null
}

/** 工种/职业方向 as printed: an occupation without a trade prints "--", never a blank (§6.3). */
export const NO_TRADE = '--'

export function tradeWording(trade: string | null | undefined): string {
  const value = trade?.trim() ?? ''
  return value === '' ? NO_TRADE : value
}

/** The stored value of a trade typed or imported: blank and "--" (or a full-width "－－") both mean "no trade". */
export function tradeFromWording(text: string | null | undefined): string | null {
  const value = text?.trim() ?? ''
  return value === '' || /^[-－—]{1,2}$/.test(value) ? null : value
}
