/**
 * Ward records for the demo facility and the benchmark facility, written through the repository (the statements the
 * services use): over each stay an admission talk in the first days, about a talk a month, a reward or sanction every
 * few weeks (mostly rewards, points within the default categories), about a family visit a month, now and then an
 * outside medical visit, and for a few people a 包夹 watch (the recent ones still open); a planned talk ahead for some.
 */
import { randomUUID } from 'node:crypto'
import { DEFAULT_WARDWORK_LISTS } from '../../shared/contract/wardwork'
import { addDays } from '../../shared/domain/dates'
import type { Db } from '../db/open'
import { wardworkRepo, type RecordFieldsByType } from './wardworkRepo'

export interface SeedRandom {
  next(): number
  int(min: number, max: number): number
}

export interface SeedStay {
  personId: string
  admissionDate: string
  /** The last day held; null while still held. */
  releaseDate: string | null
  /** The ward on a date (ward history). */
  wardOn: (date: string) => string
}

const OFFICERS = ['刘伟', '张军', '王磊', '陈刚', '杨洋'] as const
const RELATIONS = ['母亲', '父亲', '妻子', '丈夫', '兄弟', '姐妹', '子女'] as const
const HOSPITALS = ['市第一人民医院', '市中医院', '市第三人民医院'] as const
const REWARD_REASONS = ['内务整洁，连续一周评比第一', '劳动积极，超额完成任务', '主动帮助新入所人员', '康复训练表现突出', '学习认真，知识测试优秀'] as const
const SANCTION_REASONS = ['不服从管理，顶撞民警', '私藏违禁物品', '与他人发生争执', '消极怠工'] as const
const TALK_SUMMARIES = ['情绪稳定，戒治意愿较强', '反映家庭困难，已联系社工', '对阶段评估有顾虑，已解释规定', '睡眠欠佳，建议心理咨询', '表现良好，鼓励保持'] as const

const pick = <T>(r: SeedRandom, items: readonly T[]): T => items[r.int(0, items.length - 1)]!
const rewards = DEFAULT_WARDWORK_LISTS.conductCategories.filter((c) => c.kind === 'reward')
const sanctions = DEFAULT_WARDWORK_LISTS.conductCategories.filter((c) => c.kind === 'sanction')

/** Writes the ward records of the stays; returns how many of each were written. */
export function seedWardRecords(db: Db, r: SeedRandom, stays: readonly SeedStay[], by: string, today: string, at: string) {
  const counts = { talks: 0, conduct: 0, visits: 0, medical: 0, measures: 0 }
  const write = <T extends keyof RecordFieldsByType>(type: T, stay: SeedStay, date: string, fields: RecordFieldsByType[T]) => {
    wardworkRepo.insert(db, type, { id: randomUUID(), personId: stay.personId, wardId: stay.wardOn(date), fields, at, by })
  }
  for (const stay of stays) {
    const last = stay.releaseDate ?? today
    const within = (d: string) => d >= stay.admissionDate && d <= last
    const officer = pick(r, OFFICERS)
    const admissionTalk = addDays(stay.admissionDate, r.int(0, 3))
    if (within(admissionTalk)) {
      write('talk', stay, admissionTalk, { kind: 'admission', status: 'done', plannedOn: null, doneOn: admissionTalk, staff: officer, place: '谈话室', summary: '讲解所规队纪，了解家庭和吸毒情况' })
      counts.talks++
    }
    for (let month = addDays(stay.admissionDate, r.int(20, 40)); month <= last; month = addDays(month, r.int(26, 34))) {
      write('talk', stay, month, { kind: r.next() < 0.1 ? 'holiday' : 'routine', status: 'done', plannedOn: null, doneOn: month, staff: officer, place: '谈话室', summary: pick(r, TALK_SUMMARIES) })
      counts.talks++
      if (r.next() < 0.75) {
        const on = addDays(month, r.int(-10, 10))
        if (within(on)) {
          const reward = r.next() < 0.8
          const category = pick(r, reward ? rewards : sanctions)
          write('conduct', stay, on, {
            kind: category.kind,
            category: category.id,
            points: r.int(category.minPoints, category.maxPoints),
            on,
            reason: pick(r, reward ? REWARD_REASONS : SANCTION_REASONS),
            approvedBy: '大队长',
          })
          counts.conduct++
        }
      }
      if (r.next() < 0.8) {
        const on = addDays(month, r.int(-12, 12))
        if (within(on)) {
          const kind = r.next() < 0.6 ? 'meeting' : r.next() < 0.7 ? 'phone' : 'video'
          write('visit', stay, on, { on, visitor: `${pick(r, ['王', '李', '张', '刘', '陈'])}某`, relation: pick(r, RELATIONS), kind, minutes: kind === 'phone' ? 10 : 30, officer, note: null })
          counts.visits++
        }
      }
      if (r.next() < 0.03) {
        const on = addDays(month, r.int(0, 20))
        if (within(on) && on < today) {
          const outAt = `${on}T0${r.int(8, 9)}:${r.int(10, 59)}`
          write('medical', stay, on, { hospital: pick(r, HOSPITALS), outAt, backAt: `${on}T1${r.int(4, 7)}:${r.int(10, 59)}`, reason: pick(r, ['牙痛', '腹痛', '外伤复查', '发热']), escort: `${officer}、${pick(r, OFFICERS)}`, outcome: '诊疗后返所' })
          counts.medical++
        }
      }
    }
    if (r.next() < 0.04) {
      const startOn = addDays(last, -r.int(1, 60))
      if (within(startOn)) {
        const open = startOn > addDays(today, -14) && stay.releaseDate === null
        const end = addDays(startOn, r.int(3, 14))
        write('measure', stay, startOn, { kind: 'watch', crisisId: null, startOn, endOn: open ? null : end > last ? last : end, reviewOn: addDays(startOn, 7), staff: officer, reason: '情绪低落，有自伤言语' })
        counts.measures++
      }
    }
    if (stay.releaseDate === null && r.next() < 0.15) {
      const plannedOn = addDays(today, r.int(0, 6))
      write('talk', stay, today, { kind: 'routine', status: 'planned', plannedOn, doneOn: null, staff: officer, place: '谈话室', summary: null })
      counts.talks++
    }
  }
  return counts
}

/** The demo's stays (one ward each, read from the ward history). */
export function seedDemoWardRecords(db: Db, r: SeedRandom, admitted: ReadonlyArray<{ id: string; admissionDate: string }>, by: string, today: string, at: string) {
  const stays: SeedStay[] = []
  for (const p of admitted) {
    const wardId = wardworkRepo.wardOn(db, p.id, today)
    if (wardId) stays.push({ personId: p.id, admissionDate: p.admissionDate, releaseDate: null, wardOn: () => wardId })
  }
  return seedWardRecords(db, r, stays, by, today, at)
}
