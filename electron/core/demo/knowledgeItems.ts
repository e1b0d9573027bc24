/**
 * The demo's starter bank of knowledge-test items, written for this app (no exam text copied). Each fact is one of
 * the law's plain provisions or common knowledge: 《禁毒法》 (adopted 2007-12-29, in force 2008-06-01; art. 4 the
 * policy, art. 33 community detox 3 years, art. 47 compulsory isolated detox 2 years, extendable by at most 1 year,
 * art. 48 community rehabilitation up to 3 years), 《戒毒条例》 (2011), 6·26 International Day against Drug Abuse.
 * Answers are option indexes (0 = A).
 */
export interface DemoItem {
  tag: '禁毒知识' | '法律常识'
  stem: string
  options: string[]
  answer: number[]
  explanation: string
}

export const DEMO_ITEMS: readonly DemoItem[] = [
  { tag: '禁毒知识', stem: '《中华人民共和国禁毒法》自哪一天起施行？', options: ['2008年6月1日', '2007年12月29日', '2011年6月26日', '1990年12月28日'], answer: [0], explanation: '禁毒法于2007年12月29日通过，自2008年6月1日起施行。' },
  { tag: '禁毒知识', stem: '国际禁毒日是每年的哪一天？', options: ['6月26日', '12月1日', '3月15日', '10月1日'], answer: [0], explanation: '每年6月26日是国际禁毒日（6·26）；12月1日是世界艾滋病日。' },
  { tag: '禁毒知识', stem: '强制隔离戒毒的期限一般为多长时间？', options: ['六个月', '一年', '二年', '三年'], answer: [2], explanation: '禁毒法规定强制隔离戒毒的期限为二年。' },
  { tag: '禁毒知识', stem: '强制隔离戒毒期满前经诊断评估需要延长的，最多可以延长多长时间？', options: ['三个月', '六个月', '一年', '二年'], answer: [2], explanation: '经诊断评估，对需要延长戒毒期限的，可以延长，最长不超过一年。' },
  { tag: '禁毒知识', stem: '国务院《戒毒条例》是哪一年公布施行的？', options: ['2005年', '2008年', '2011年', '2015年'], answer: [2], explanation: '《戒毒条例》于2011年公布施行。' },
  { tag: '禁毒知识', stem: '我国禁毒工作实行的方针是什么？', options: ['预防为主，综合治理，禁种、禁制、禁贩、禁吸并举', '以打击为主，教育为辅', '重在处罚，从严从重', '自愿戒毒为主，强制戒毒为辅'], answer: [0], explanation: '禁毒法第四条：禁毒工作实行预防为主，综合治理，禁种、禁制、禁贩、禁吸并举的方针。' },
  { tag: '禁毒知识', stem: '社区戒毒的期限为多长时间？', options: ['一年', '二年', '三年', '五年'], answer: [2], explanation: '禁毒法规定社区戒毒的期限为三年。' },
  { tag: '禁毒知识', stem: '解除强制隔离戒毒的人员，可以责令其接受不超过多长时间的社区康复？', options: ['六个月', '一年', '二年', '三年'], answer: [3], explanation: '禁毒法规定，社区康复的期限不超过三年。' },
  { tag: '禁毒知识', stem: '海洛因属于哪一类毒品？', options: ['阿片类', '苯丙胺类', '大麻类', '可卡因类'], answer: [0], explanation: '海洛因由吗啡加工而成，属于阿片类毒品。' },
  { tag: '禁毒知识', stem: '“冰毒”的主要成分是什么？', options: ['吗啡', '甲基苯丙胺', '可卡因', '四氢大麻酚'], answer: [1], explanation: '冰毒即甲基苯丙胺，属于苯丙胺类兴奋剂。' },
  { tag: '禁毒知识', stem: '“K粉”是哪种物质的俗称？', options: ['氯胺酮', '海洛因', '大麻', '可待因'], answer: [0], explanation: 'K粉即氯胺酮。' },
  { tag: '禁毒知识', stem: '戒毒后再次吸食毒品的行为称为什么？', options: ['戒断', '耐受', '复吸', '脱毒'], answer: [2], explanation: '戒毒后重新吸毒称为复吸。' },
  { tag: '禁毒知识', stem: '共用注射器吸毒最容易传播下列哪种疾病？', options: ['近视', '艾滋病', '高血压', '糖尿病'], answer: [1], explanation: '共用注射器可经血液传播艾滋病、丙型肝炎等疾病。' },
  { tag: '禁毒知识', stem: '“吸一次毒不会上瘾”，这种说法对吗？', options: ['对', '不对'], answer: [1], explanation: '毒品可能一次就使人产生依赖，不要抱侥幸心理尝试。' },
  { tag: '禁毒知识', stem: '吸毒成瘾人员可以自愿到哪里接受戒毒治疗？', options: ['任何药店', '具有戒毒治疗资质的医疗机构', '网上购买“戒毒药”自行服用', '私人小诊所'], answer: [1], explanation: '禁毒法规定，吸毒成瘾人员可以自行到具有戒毒治疗资质的医疗机构接受戒毒治疗。' },
  { tag: '禁毒知识', stem: '下列物质中，属于毒品的有哪些？', options: ['海洛因', '甲基苯丙胺（冰毒）', '大麻', '阿司匹林'], answer: [0, 1, 2], explanation: '阿司匹林是常用药品，不是毒品。' },
  { tag: '禁毒知识', stem: '下列哪些属于合成毒品（新型毒品）？', options: ['冰毒', 'K粉（氯胺酮）', '摇头丸', '鸦片'], answer: [0, 1, 2], explanation: '鸦片是传统毒品；冰毒、氯胺酮、摇头丸属于合成毒品。' },
  { tag: '禁毒知识', stem: '下列哪些是复吸的常见高危情境？', options: ['与以前吸毒的朋友重新来往', '情绪低落、压力大时独处', '回到曾经吸毒的场所', '按时上班、与家人一起生活'], answer: [0, 1, 2], explanation: '毒友、负面情绪和旧场所是常见的复吸诱因；规律的工作和家庭生活有助于保持操守。' },
  { tag: '禁毒知识', stem: '下列哪些做法有助于预防复吸？', options: ['远离毒友，更换联系方式', '学会拒绝，遇到诱惑及时求助', '培养健康的兴趣爱好', '身上留一点毒品“以防万一”'], answer: [0, 1, 2], explanation: '留存毒品本身违法，也是复吸的直接诱因。' },
  { tag: '禁毒知识', stem: '突然停用阿片类毒品后，常见的戒断症状有哪些？', options: ['流泪、流涕、打哈欠', '全身酸痛、失眠', '腹泻', '视力明显提高'], answer: [0, 1, 2], explanation: '阿片类戒断常见流泪流涕、酸痛失眠、腹泻等症状。' },
  { tag: '禁毒知识', stem: '摇头丸的主要成分是什么？', options: ['MDMA（亚甲二氧基甲基苯丙胺）', '咖啡因', '维生素C', '吗啡'], answer: [0], explanation: '摇头丸的主要成分是 MDMA，属于苯丙胺类。' },
  { tag: '禁毒知识', stem: '发现有人贩卖毒品，正确的做法是？', options: ['装作没看见', '向公安机关举报', '帮忙保管', '自己私下处理'], answer: [1], explanation: '发现毒品违法犯罪线索应向公安机关举报（可拨打 110）。' },
  { tag: '法律常识', stem: '我国的根本大法是哪一部法律？', options: ['刑法', '宪法', '民法典', '禁毒法'], answer: [1], explanation: '宪法是国家的根本大法。' },
  { tag: '法律常识', stem: '《中华人民共和国民法典》自何时起施行？', options: ['2020年5月28日', '2021年1月1日', '2019年1月1日', '2022年1月1日'], answer: [1], explanation: '民法典自2021年1月1日起施行。' },
  { tag: '法律常识', stem: '走私、贩卖、运输、制造毒品，是否无论数量多少都应当追究刑事责任？', options: ['是', '否，数量少可以不追究'], answer: [0], explanation: '刑法规定，走私、贩卖、运输、制造毒品，无论数量多少，都应当追究刑事责任。' },
  { tag: '法律常识', stem: '建立劳动关系，应当以什么形式订立劳动合同？', options: ['口头约定', '书面形式', '不需要订立', '只需领工资即可'], answer: [1], explanation: '劳动合同法规定，建立劳动关系应当订立书面劳动合同。' },
  { tag: '法律常识', stem: '在我国，年满多少周岁的公民享有选举权和被选举权（依法被剥夺政治权利的除外）？', options: ['16周岁', '18周岁', '20周岁', '22周岁'], answer: [1], explanation: '宪法规定年满十八周岁的公民有选举权和被选举权。' },
  { tag: '法律常识', stem: '遇到违法犯罪需要报警，应拨打哪个电话？', options: ['110', '119', '120', '114'], answer: [0], explanation: '110 报警，119 火警，120 急救。' },
  { tag: '法律常识', stem: '下列哪些是宪法规定的公民基本义务？', options: ['遵守宪法和法律', '依法纳税', '维护国家统一和民族团结', '无条件服从任何个人'], answer: [0, 1, 2], explanation: '遵守宪法和法律、依法纳税、维护国家统一和全国各民族团结都是公民的基本义务。' },
  { tag: '法律常识', stem: '下列哪些行为违法？', options: ['容留他人吸毒', '为他人提供毒品', '向公安机关举报贩毒线索', '非法持有毒品'], answer: [0, 1, 3], explanation: '容留他人吸毒、提供毒品、非法持有毒品都是违法犯罪行为；举报是公民应做的事。' },
]
