import type { FormErrors } from '@mantine/form'
import type { IdentityInput, PersonFile } from '@shared/contract'
import { checkIdNumber } from '@shared/domain/idNumber'
import type { Period } from '@shared/domain/periods'
import type { Sex } from '@shared/domain/person'
import i18n from '../../../i18n'
import { translateKey } from '../../../i18n/errorText'

/** Every field of the create and edit forms, as the inputs hold them ('' = empty). */
export interface PersonFormValues {
  name: string
  sex: Sex | ''
  ethnicity: string
  birthDate: string
  idNumber: string
  householdAddress: string
  decisionOrgan: string
  decisionDocNo: string
  decisionDate: string
  admissionDate: string
  emergencyContactName: string
  emergencyContactRelation: string
  emergencyContactPhone: string
  wardId: string
  period: Period
  periodStart: string
  note: string
  changeNote: string
}

export function emptyPersonValues(wardId = ''): PersonFormValues {
  return {
    name: '',
    sex: '',
    ethnicity: '汉族',
    birthDate: '',
    idNumber: '',
    householdAddress: '',
    decisionOrgan: '',
    decisionDocNo: '',
    decisionDate: '',
    admissionDate: '',
    emergencyContactName: '',
    emergencyContactRelation: '',
    emergencyContactPhone: '',
    wardId,
    period: 'detox',
    periodStart: '',
    note: '',
    changeNote: '',
  }
}

export function valuesFromFile(file: PersonFile): PersonFormValues {
  const id = file.identity
  return {
    ...emptyPersonValues(file.wardId ?? ''),
    name: id.name,
    sex: id.sex,
    ethnicity: id.ethnicity,
    birthDate: id.birthDate,
    idNumber: id.idNumber,
    householdAddress: id.householdAddress,
    decisionOrgan: id.decisionOrgan,
    decisionDocNo: id.decisionDocNo,
    decisionDate: id.decisionDate,
    admissionDate: id.admissionDate,
    emergencyContactName: id.emergencyContactName ?? '',
    emergencyContactRelation: id.emergencyContactRelation ?? '',
    emergencyContactPhone: id.emergencyContactPhone ?? '',
  }
}

/** The identity part as the API takes it (blank optional fields left out; the server trims and re-validates). */
export function identityInput(v: PersonFormValues): IdentityInput {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined)
  return {
    name: v.name.trim(),
    sex: v.sex as Sex,
    ethnicity: v.ethnicity as IdentityInput['ethnicity'],
    birthDate: v.birthDate,
    idNumber: v.idNumber.trim().toUpperCase(),
    householdAddress: v.householdAddress.trim(),
    decisionOrgan: v.decisionOrgan.trim(),
    decisionDocNo: v.decisionDocNo.trim(),
    decisionDate: v.decisionDate,
    admissionDate: v.admissionDate,
    emergencyContactName: opt(v.emergencyContactName),
    emergencyContactRelation: opt(v.emergencyContactRelation),
    emergencyContactPhone: opt(v.emergencyContactPhone),
  }
}

/** Checks the schema cannot express: the ID number itself, and birth date, sex and dates against it. */
export function crossChecks(v: PersonFormValues, today: string | undefined): FormErrors {
  const errors: FormErrors = {}
  const id = v.idNumber.trim()
  if (id) {
    const r = checkIdNumber(id, today)
    if (!r.valid) errors.idNumber = i18n.t(`id.${r.failure}`)
    else {
      if (v.birthDate && v.birthDate !== r.birthDate) {
        errors.birthDate = translateKey(`person.birth_mismatch|${JSON.stringify({ expected: r.birthDate })}`)
      }
      if (v.sex && v.sex !== r.sex) errors.sex = translateKey(`person.sex_mismatch|${JSON.stringify({ expected: r.sex })}`)
    }
  }
  if (v.decisionDate && v.admissionDate && v.admissionDate < v.decisionDate) {
    errors.admissionDate = i18n.t('person.admission_before_decision')
  }
  if (today && v.decisionDate > today) errors.decisionDate = i18n.t('person.decision_in_future')
  if (today && v.admissionDate > today) errors.admissionDate = i18n.t('person.admission_in_future')
  return errors
}
