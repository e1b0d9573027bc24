/**
 * Realistic import rows for the tests and the bench: valid ID numbers (GB 11643 check character), Chinese names and
 * addresses of typical length, every column filled as a facility's own spreadsheet would have it.
 */
import type { ImportRowInput } from '../../electron/shared/contract'
import { checkCharacterFor } from '../../electron/shared/domain/idNumber'

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭']
const GIVEN = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '明', '超', '秀英', '建华', '志强', '海燕', '丽娟', '国庆']

/** An 18-character ID number for this birth date and sex, made unique by `serial` (0–999). */
export function idNumberFor(birthDate: string, sex: 'M' | 'F', serial: number, region = '110101'): string {
  const seq = String(serial % 500).padStart(2, '0').slice(-2)
  const sexDigit = sex === 'M' ? (serial % 5) * 2 + 1 : (serial % 5) * 2
  const body = `${region}${birthDate.replaceAll('-', '')}${seq.padStart(2, '0')}${sexDigit}`
  return body + checkCharacterFor(body)
}

/** Row `i` (sheet row i + 2) of a realistic file; wards cycle through `wardNames`. */
export function importRow(i: number, wardNames: readonly string[], overrides: Partial<ImportRowInput['cells']> = {}): ImportRowInput {
  const sex = i % 7 === 0 ? 'F' : 'M'
  const year = 1970 + (i % 30)
  const birthDate = `${year}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`
  // A distinct region per hundred keeps every ID number in 1,000 rows unique.
  const region = String(110101 + Math.floor(i / 100))
  return {
    row: i + 2,
    cells: {
      name: SURNAMES[i % SURNAMES.length]! + GIVEN[(i * 7) % GIVEN.length]!,
      sex: sex === 'M' ? '男' : '女',
      ethnicity: i % 9 === 0 ? '回族' : '汉族',
      birthDate,
      idNumber: idNumberFor(birthDate, sex, i % 100, region),
      householdAddress: `北京市东城区建国门内大街${(i % 300) + 1}号院${(i % 12) + 1}号楼${(i % 6) + 1}单元${(i % 30) + 101}室`,
      decisionOrgan: '北京市公安局东城分局',
      decisionDocNo: `东公（禁）决字〔2026〕${1000 + i}号`,
      decisionDate: '2026-02-01',
      admissionDate: '2026-03-01',
      ward: wardNames[i % wardNames.length]!,
      period: '生理脱毒期',
      periodStart: '2026-03-01',
      emergencyContactName: '李秀兰',
      emergencyContactRelation: '母亲',
      emergencyContactPhone: `139${String(10000000 + i).slice(-8)}`,
      ...overrides,
    },
  }
}

export function importRows(n: number, wardNames: readonly string[]): ImportRowInput[] {
  return Array.from({ length: n }, (_, i) => importRow(i, wardNames))
}
