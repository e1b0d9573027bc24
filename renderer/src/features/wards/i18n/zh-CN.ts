/** Ward overview texts, in Chinese (the default). `en.ts` must have exactly the same keys (checked by its type). */
export const zhCN = {
  wards: {
    title: '大队',
    subtitle: '各大队在册人数与分期分布',
    empty: '尚未设置大队',
    emptyHint: '管理员可在“系统设置”中添加大队。',
    occupancy: '在册 / 核定',
    inactive: '已停用',
    full: '已满员',
    openRoster: '查看花名册',
  },
}
