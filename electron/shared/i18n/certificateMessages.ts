/**
 * Field messages for a refused certificate number (issue 12): one per reason of checkCertificateNumber
 * (electron/shared/domain/certificates/numbers.ts), with the details it returns as {{parameters}}. Merged into the one
 * table by messages.ts; English has exactly the Chinese keys.
 */
export const certificateMessages = {
  'zh-CN': {
    'cert.empty': '请输入证书编号',
    'cert.wrong_length': '证书编号应为 22 位（1 位字母 Y 或 S 加 21 位数字），旧版职业资格证书为 16 位或上海 13 位数字；现为 {{length}} 位',
    'cert.bad_characters': '第 {{position}} 位不是字母或数字',
    'cert.bad_category': '第 1 位应为评价机构类别 Y（用人单位）或 S（社会培训评价组织）',
    'cert.not_digits': '第 {{position}} 位应为数字',
    'cert.bad_level_code': '第 {{position}} 位为职业技能等级代码，应为 1–5，现为 {{found}}',
    'cert.bad_institution_type': '第 7 位为鉴定机构类型，应为 0–4，现为 {{found}}',
    'cert.bad_sequence': '第 12–16 位为证书顺序号，应为 00001–99999',
    'cert.year_mismatch': '编号中的发证年份代码为“{{found}}”，按发证日期应为“{{expected}}”',
    'cert.level_mismatch': '编号中的职业技能等级代码为 {{found}}，按所选等级应为 {{expected}}',
    'cert.duplicate': '该证书编号已登记',
  },
  en: {
    'cert.empty': 'Enter the certificate number',
    'cert.wrong_length': 'A certificate number has 22 characters (Y or S and 21 digits), or 16 digits (old qualification certificate) or 13 (Shanghai); this one has {{length}}',
    'cert.bad_characters': 'Character {{position}} is not a letter or digit',
    'cert.bad_category': 'Character 1 is the evaluation-body category: Y (employer) or S (social training-evaluation organisation)',
    'cert.not_digits': 'Character {{position}} must be a digit',
    'cert.bad_level_code': 'Character {{position}} is the skill-level code, 1–5, not {{found}}',
    'cert.bad_institution_type': 'Character 7 is the appraisal-institution type, 0–4, not {{found}}',
    'cert.bad_sequence': 'Characters 12–16 are the sequence number, 00001–99999',
    'cert.year_mismatch': 'The year code in the number is "{{found}}"; the issue date calls for "{{expected}}"',
    'cert.level_mismatch': 'The skill-level code in the number is {{found}}; the level chosen calls for {{expected}}',
    'cert.duplicate': 'This certificate number is already recorded',
  },
} as const
