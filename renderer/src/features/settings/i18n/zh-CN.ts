/** Settings texts (facility, wards, period template), in Chinese (the default). `en.ts` must have exactly the same keys (checked by its type). */
export const zhCN = {
  settings: {
    title: '系统设置',
    subtitle: '本所信息、大队与分期流转模板',
    facility: '本所信息',
    facilityName: '戒毒所名称',
    wards: '大队',
    addWard: '添加大队',
    editWard: '编辑大队',
    wardName: '大队名称',
    capacity: '核定容量',
    occupancy: '在册',
    wardNote: '备注',
    wardActive: '启用',
    template: '分期流转模板',
    templateNote:
      '国家层面未规定各期的固定时长（待省局确认）。请按本省规定设置允许的流转和各期最短停留天数；留空表示不设最短天数。',
    templateName: '模板名称',
    allowedMoves: '允许的分期调整',
    minDwell: '最短停留天数',
    daysUnit: '天',
    minDwellPlaceholder: '不限',
    fromTo: '{{from}} → {{to}}',
    saveTemplate: '保存模板',
    movesRequired: '至少允许一种分期调整',
  },
}
