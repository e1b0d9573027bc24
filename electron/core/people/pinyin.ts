import { pinyin } from 'pinyin-pro'

/** Full pinyin and initials of a Chinese name, lower-case without tones or spaces ("张三" → zhangsan, zs). */
export function namePinyin(name: string): { full: string; initials: string } {
  const opts = { toneType: 'none', type: 'array', surname: 'head', v: true, nonZh: 'consecutive' } as const
  const syllables = pinyin(name, opts) as string[]
  const full = syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '')
  const initials = syllables
    .map((s) => s.trim().charAt(0))
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
  return { full, initials }
}
