/**
 * The roster's filter and privacy option as URL search parameters, so the screen, its printout (a bare route) and a
 * reload show the same roster. Unknown or malformed values are dropped (the filter is then "all").
 */
import type { Input, RosterPrivacy } from '@shared/contract'
import { isValidIsoDate } from '@shared/domain/dates'

export interface RosterView {
  courseId?: string
  occupation?: string
  level?: number
  issuedFrom?: string
  issuedTo?: string
  evaluationBody?: string
  privacy: RosterPrivacy
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function viewFromParams(search: URLSearchParams): RosterView {
  const text = (key: string, max: number) => {
    const v = search.get(key)?.trim()
    return v && v.length <= max ? v : undefined
  }
  const date = (key: string) => {
    const v = search.get(key)
    return v && isValidIsoDate(v) ? v : undefined
  }
  const course = search.get('course')
  const level = Number(search.get('level'))
  return {
    courseId: course && UUID.test(course) ? course : undefined,
    occupation: text('occupation', 40),
    level: Number.isInteger(level) && level >= 1 && level <= 5 ? level : undefined,
    issuedFrom: date('from'),
    issuedTo: date('to'),
    evaluationBody: text('body', 60),
    privacy: search.get('privacy') === 'public' ? 'public' : 'internal',
  }
}

export function paramsFromView(view: RosterView): URLSearchParams {
  const out = new URLSearchParams()
  if (view.courseId) out.set('course', view.courseId)
  if (view.occupation) out.set('occupation', view.occupation)
  if (view.level) out.set('level', String(view.level))
  if (view.issuedFrom) out.set('from', view.issuedFrom)
  if (view.issuedTo) out.set('to', view.issuedTo)
  if (view.evaluationBody) out.set('body', view.evaluationBody)
  if (view.privacy === 'public') out.set('privacy', 'public')
  return out
}

/** The roster call for a page of this view. */
export function rosterInput(view: RosterView, offset: number, limit: number): Input<'certificates:roster'> {
  const { privacy, ...filter } = view
  const given = Object.fromEntries(Object.entries(filter).filter(([, v]) => v !== undefined && v !== ''))
  return { ...given, privacy, offset, limit }
}
