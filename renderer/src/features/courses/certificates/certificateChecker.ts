import { certificateNumberMessage, checkCertificateNumber, isSkillLevel } from '@shared/domain/certificates'
import { isValidIsoDate } from '@shared/domain/dates'
import { numberChecker } from './certificateRows'

/** The batch dialog's number check, bound to the shared certificate rules. */
export const numberProblem = numberChecker({ check: checkCertificateNumber, message: certificateNumberMessage, isLevel: isSkillLevel, isDate: isValidIsoDate })
