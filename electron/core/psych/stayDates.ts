import { ruleViolation } from '../errors'

/**
 * A psychology record is about the person's stay: dated on or after the admission date and not after today. (Plans,
 * such as a crisis follow-up date, are checked where they are made.)
 */
export function assertStayDate(date: string, people: ReadonlyArray<{ admissionDate: string }>, todayDate: string, field: string): void {
  if (date > todayDate) throw ruleViolation('v.date_in_future', field)
  const latestAdmission = people.reduce<string | null>((latest, p) => (latest === null || p.admissionDate > latest ? p.admissionDate : latest), null)
  if (latestAdmission !== null && date < latestAdmission) throw ruleViolation('v.date_before_admission', field, { admission: latestAdmission })
}
