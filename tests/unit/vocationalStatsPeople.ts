/** People files for the statistics and employment tests, created through the API with valid, distinct ID numbers. */
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'
import { call, ok, personInput, type World } from './helpers'

const NAMES = ['赵一', '钱二', '孙三', '李四', '周五', '吴六', '郑七', '王八', '冯九', '陈十']

/** `count` people in ward a (and from `inWardB` on, in ward b); returns their ids in order. */
export function makePeople(world: World, count: number, inWardB = Math.ceil(count / 2)): string[] {
  return Array.from({ length: count }, (_, i) => {
    const body = `11010119900307${String(101 + i * 2).padStart(3, '0')}`
    const idNumber = body + checkCharacterFor(body)
    const wardId = i >= inWardB ? world.wards.b : world.wards.a
    return ok(call(world.dispatch, 'people:create', personInput(wardId, { name: NAMES[i % NAMES.length]!, idNumber, admissionDate: '2024-01-01', decisionDate: '2023-12-01' }), world.sessions.admin!)).id
  })
}
