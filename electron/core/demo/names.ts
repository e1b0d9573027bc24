/** Material for demo files. Address codes are real county-level codes (GB/T 2260); people are fictional. */
export const REGIONS = [
  { code: '510104', place: '四川省成都市锦江区', police: '成都市公安局锦江区分局', short: '锦' },
  { code: '510107', place: '四川省成都市武侯区', police: '成都市公安局武侯区分局', short: '武' },
  { code: '530102', place: '云南省昆明市五华区', police: '昆明市公安局五华分局', short: '五' },
  { code: '450103', place: '广西壮族自治区南宁市青秀区', police: '南宁市公安局青秀分局', short: '青' },
  { code: '440106', place: '广东省广州市天河区', police: '广州市公安局天河区分局', short: '穗天' },
  { code: '500103', place: '重庆市渝中区', police: '重庆市公安局渝中区分局', short: '渝中' },
  { code: '520102', place: '贵州省贵阳市南明区', police: '贵阳市公安局南明分局', short: '筑南' },
  { code: '430102', place: '湖南省长沙市芙蓉区', police: '长沙市公安局芙蓉分局', short: '长芙' },
  { code: '420106', place: '湖北省武汉市武昌区', police: '武汉市公安局武昌区分局', short: '武昌' },
  { code: '350203', place: '福建省厦门市思明区', police: '厦门市公安局思明分局', short: '厦思' },
  { code: '360102', place: '江西省南昌市东湖区', police: '南昌市公安局东湖分局', short: '洪东' },
  { code: '610103', place: '陕西省西安市碑林区', police: '西安市公安局碑林分局', short: '碑' },
] as const

export const SURNAMES = [
  '王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '高', '林', '罗',
  '郑', '梁', '谢', '宋', '唐', '许', '韩', '冯', '邓', '曹', '彭', '曾', '肖', '田', '董', '袁', '潘', '于', '蒋', '蔡',
] as const

export const GIVEN_MALE = [
  '伟', '强', '军', '平', '勇', '杰', '涛', '明', '超', '刚', '斌', '波', '辉', '鹏', '华', '飞', '俊', '磊', '洋', '峰',
  '海', '林', '东', '文', '建', '国', '志', '永', '春', '兵', '龙', '宇', '浩', '凯', '健', '亮',
] as const

export const GIVEN_FEMALE = [
  '丽', '敏', '静', '芳', '霞', '燕', '玲', '娟', '红', '梅', '英', '艳', '萍', '琳', '婷', '雪', '慧', '洁', '秀', '兰',
  '春', '华', '文', '佳', '颖', '欣',
] as const

export const STREETS = ['人民路', '解放路', '建设路', '中山路', '胜利街', '和平路', '新华路', '东风路', '文化路', '朝阳街'] as const
export const RELATIONS = ['父亲', '母亲', '配偶', '兄弟', '姐妹', '子女'] as const
