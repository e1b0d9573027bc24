/**
 * API messages of employment support and the training statistics (issue 12). Merged into the one table by messages.ts;
 * English has exactly the Chinese keys.
 */
export const employmentMessages = {
  'zh-CN': {
    'employment.stale_revision': '该记录已被他人修改，请刷新后重试',
    'employment.event_voided': '该招聘活动已作废',
    'employment.event_has_referrals': '该活动还有 {{count}} 条推荐记录，请先逐条作废后再作废活动',
    'employment.event_after_referral': '活动日期不能晚于已有推荐的日期（{{date}}）',
    'employment.referred_before_event': '推荐日期不能早于活动日期（{{date}}）',
    'employment.no_people': '请至少选择一人',
    'employment.duplicate_person': '同一人重复出现',
    'employment.already_referred': '{{name}} 已在本次活动中被推荐',
    'employment.referral_voided': '该推荐记录已作废',
    'employment.signed_before_referral': '签约日期不能早于推荐日期（{{date}}）',
    'employment.no_agreement': '尚未签订就业协议，不能登记出所后就业情况',
    'employment.not_released': '此人尚未出所，出所后再登记是否到岗',
    'employment.outcome_before_agreement': '登记日期不能早于签约日期（{{date}}）',
    'stats.year_order': '结束年份不能早于起始年份',
    'stats.range_order': '结束日期不能早于开始日期',
    'stats.figure_group': '该统计项不能按此方式查看名单',
    'stats.education_no_trade': '教育课程没有工种，请按课程或年度统计',
  },
  en: {
    'employment.stale_revision': 'Someone else changed this record; refresh and try again',
    'employment.event_voided': 'This recruitment event has been voided',
    'employment.event_has_referrals': 'The event still has {{count}} referrals; void them one by one first',
    'employment.event_after_referral': 'The event date cannot be later than an existing referral ({{date}})',
    'employment.referred_before_event': 'The referral date cannot be before the event date ({{date}})',
    'employment.no_people': 'Choose at least one person',
    'employment.duplicate_person': 'The same person appears twice',
    'employment.already_referred': '{{name}} has already been referred at this event',
    'employment.referral_voided': 'This referral has been voided',
    'employment.signed_before_referral': 'The signing date cannot be before the referral date ({{date}})',
    'employment.no_agreement': 'No employment agreement signed yet: the outcome after release cannot be recorded',
    'employment.not_released': 'This person has not been released yet; record the outcome after release',
    'employment.outcome_before_agreement': 'The date cannot be before the agreement date ({{date}})',
    'stats.year_order': 'The last year cannot be before the first',
    'stats.range_order': 'The end date cannot be before the start date',
    'stats.figure_group': 'This figure has no list of people for this grouping',
    'stats.education_no_trade': 'Education classes have no trade; group them by course or year',
  },
} satisfies Record<'zh-CN' | 'en', Record<string, string>>
