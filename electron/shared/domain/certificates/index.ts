/** Vocational certificates (职业技能等级证书, old 职业资格证书): number formats, level wording, roster masking. §6 of the reference. */
export * from './levels'
export * from './numbers'
export * from './roster'
