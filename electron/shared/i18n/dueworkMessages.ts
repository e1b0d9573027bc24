/**
 * API messages of due work (issue 13). Merged into the one table by messages.ts; English has exactly the Chinese keys.
 */
export const dueworkMessages = {
  'zh-CN': {
    'duework.no_such_item': '此人当前没有这一项待办（可能已完成、已豁免或尚未到期），请刷新后再试',
    'duework.centre_forbidden': '豁免此项须有负责该项工作的记录权限（心理、康复训练、诊断评估或大队管理）',
    'duework.exemption_voided': '该豁免已撤销',
    'duework.stale': '该豁免已被他人修改，请刷新后重试',
    'duework.person_not_current': '该档案不在任何大队（已出所或已作废），没有待办',
  },
  en: {
    'duework.no_such_item': 'This person has no such open item now (it may be done, exempt or not yet due); reload and try again',
    'duework.centre_forbidden': 'Exempting this item needs the record permission of the centre that does the work (psychology, fitness, assessment or ward)',
    'duework.exemption_voided': 'This exemption has been withdrawn',
    'duework.stale': 'Someone else changed this exemption; reload and try again',
    'duework.person_not_current': 'This file is in no ward (released or voided): it has no due work',
  },
} as const
