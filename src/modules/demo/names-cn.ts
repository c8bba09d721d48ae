/** Word lists for Chinese customers: city + trade name + industry + legal form, and people. */

export type City = {
  readonly name: string;
  /** How the city reads at the start of a company name: 深圳市…, 上海… */
  readonly inName: readonly string[];
  readonly region: string;
  readonly areaCode: string;
  /** The 6-digit administrative code in a unified social credit code. */
  readonly adminCode: string;
};

export const CITIES: readonly (readonly [City, number])[] = [
  [{ name: '上海', inName: ['上海'], region: '华东', areaCode: '021', adminCode: '310115' }, 14],
  [{ name: '深圳', inName: ['深圳市', '深圳'], region: '华南', areaCode: '0755', adminCode: '440300' }, 12],
  [{ name: '苏州', inName: ['苏州', '苏州市'], region: '华东', areaCode: '0512', adminCode: '320500' }, 9],
  [{ name: '广州', inName: ['广州市', '广州'], region: '华南', areaCode: '020', adminCode: '440100' }, 8],
  [{ name: '杭州', inName: ['杭州', '杭州市'], region: '华东', areaCode: '0571', adminCode: '330100' }, 8],
  [{ name: '东莞', inName: ['东莞市'], region: '华南', areaCode: '0769', adminCode: '441900' }, 7],
  [{ name: '宁波', inName: ['宁波', '宁波市'], region: '华东', areaCode: '0574', adminCode: '330200' }, 6],
  [{ name: '北京', inName: ['北京'], region: '华北', areaCode: '010', adminCode: '110108' }, 6],
  [{ name: '南京', inName: ['南京', '南京市'], region: '华东', areaCode: '025', adminCode: '320100' }, 5],
  [{ name: '无锡', inName: ['无锡', '无锡市'], region: '华东', areaCode: '0510', adminCode: '320200' }, 5],
  [{ name: '佛山', inName: ['佛山市'], region: '华南', areaCode: '0757', adminCode: '440600' }, 5],
  [{ name: '天津', inName: ['天津'], region: '华北', areaCode: '022', adminCode: '120116' }, 4],
  [{ name: '青岛', inName: ['青岛'], region: '华北', areaCode: '0532', adminCode: '370200' }, 4],
  [{ name: '厦门', inName: ['厦门', '厦门市'], region: '华南', areaCode: '0592', adminCode: '350200' }, 3],
  [{ name: '成都', inName: ['成都', '四川'], region: '西南', areaCode: '028', adminCode: '510100' }, 4],
  [{ name: '重庆', inName: ['重庆'], region: '西南', areaCode: '023', adminCode: '500000' }, 3],
  [{ name: '武汉', inName: ['武汉', '湖北'], region: '华中', areaCode: '027', adminCode: '420100' }, 3],
  [{ name: '长沙', inName: ['长沙', '湖南'], region: '华中', areaCode: '0731', adminCode: '430100' }, 2],
  [{ name: '合肥', inName: ['合肥', '安徽'], region: '华东', areaCode: '0551', adminCode: '340100' }, 2],
  [{ name: '郑州', inName: ['郑州', '河南'], region: '华中', areaCode: '0371', adminCode: '410100' }, 2],
  [{ name: '西安', inName: ['西安', '陕西'], region: '西北', areaCode: '029', adminCode: '610100' }, 2],
];

/** Trade names (字号) with their pinyin, for web domains and e-mail addresses. */
export const TRADE_NAMES: readonly (readonly [string, string])[] = [
  ['华东', 'huadong'],
  ['鹏程', 'pengcheng'],
  ['恒信', 'hengxin'],
  ['宏达', 'hongda'],
  ['金泰', 'jintai'],
  ['瑞丰', 'ruifeng'],
  ['鑫源', 'xinyuan'],
  ['永盛', 'yongsheng'],
  ['中联', 'zhonglian'],
  ['新力', 'xinli'],
  ['博远', 'boyuan'],
  ['天成', 'tiancheng'],
  ['汇通', 'huitong'],
  ['联创', 'lianchuang'],
  ['卓越', 'zhuoyue'],
  ['伟业', 'weiye'],
  ['嘉禾', 'jiahe'],
  ['华美', 'huamei'],
  ['正泰', 'zhengtai'],
  ['国盛', 'guosheng'],
  ['东方', 'dongfang'],
  ['海天', 'haitian'],
  ['长城', 'changcheng'],
  ['安达', 'anda'],
  ['宝丰', 'baofeng'],
  ['晨光', 'chenguang'],
  ['德信', 'dexin'],
  ['富源', 'fuyuan'],
  ['广益', 'guangyi'],
  ['和顺', 'heshun'],
  ['华通', 'huatong'],
  ['金桥', 'jinqiao'],
  ['凯达', 'kaida'],
  ['明远', 'mingyuan'],
  ['诺信', 'nuoxin'],
  ['启航', 'qihang'],
  ['荣昌', 'rongchang'],
  ['盛世', 'shengshi'],
  ['泰和', 'taihe'],
  ['万邦', 'wanbang'],
  ['信达', 'xinda'],
  ['亚太', 'yatai'],
  ['远航', 'yuanhang'],
  ['志诚', 'zhicheng'],
  ['中天', 'zhongtian'],
  ['众合', 'zhonghe'],
  ['精工', 'jinggong'],
  ['立信', 'lixin'],
  ['同创', 'tongchuang'],
  ['银河', 'yinhe'],
  ['蓝海', 'lanhai'],
  ['环球', 'huanqiu'],
  ['兴业', 'xingye'],
  ['新世纪', 'xinshiji'],
  ['大成', 'dacheng'],
];

export type Industry = {
  /** As it reads in a company name: 精密机械, 电子科技. */
  readonly inName: string;
  /** The 行业 tag. */
  readonly tag: string;
  /** For web domains. */
  readonly slug: string;
  /** Goods carry 13% VAT, services 6%. */
  readonly vat: 'goods' | 'service';
  readonly products: readonly string[];
};

export const INDUSTRIES: readonly (readonly [Industry, number])[] = [
  [
    {
      inName: '精密机械',
      tag: '机械制造',
      slug: 'machinery',
      vat: 'goods',
      products: ['数控机床配件', '精密轴承', '传动齿轮', '液压缸组件'],
    },
    10,
  ],
  [
    {
      inName: '电子科技',
      tag: '电子',
      slug: 'tech',
      vat: 'goods',
      products: ['PCB电路板', '电源模块', '连接器', 'LED驱动板'],
    },
    12,
  ],
  [
    {
      inName: '包装材料',
      tag: '包装',
      slug: 'pack',
      vat: 'goods',
      products: ['瓦楞纸箱', '珍珠棉内衬', '缠绕膜', '彩印包装盒'],
    },
    6,
  ],
  [
    {
      inName: '化工',
      tag: '化工',
      slug: 'chem',
      vat: 'goods',
      products: ['工业溶剂', '水性涂料', '胶粘剂', '表面处理剂'],
    },
    5,
  ],
  [
    {
      inName: '汽车零部件',
      tag: '汽车配件',
      slug: 'auto',
      vat: 'goods',
      products: ['刹车片', '橡胶密封件', '冲压件', '线束总成'],
    },
    7,
  ],
  [
    {
      inName: '建材',
      tag: '建材',
      slug: 'jiancai',
      vat: 'goods',
      products: ['铝合金型材', '防水卷材', '瓷砖', '石膏板'],
    },
    5,
  ],
  [
    {
      inName: '纺织',
      tag: '纺织服装',
      slug: 'textile',
      vat: 'goods',
      products: ['涤纶面料', '棉纱', '工装服', '无纺布'],
    },
    4,
  ],
  [
    {
      inName: '食品',
      tag: '食品',
      slug: 'food',
      vat: 'goods',
      products: ['食品添加剂', '调味料', '烘焙原料', '冷冻食品'],
    },
    4,
  ],
  [
    {
      inName: '医疗器械',
      tag: '医疗',
      slug: 'medical',
      vat: 'goods',
      products: ['一次性注射器', '医用口罩', '检测试剂盒', '手术器械'],
    },
    4,
  ],
  [
    {
      inName: '新能源科技',
      tag: '新能源',
      slug: 'energy',
      vat: 'goods',
      products: ['锂电池模组', '光伏支架', '储能柜', '逆变器'],
    },
    5,
  ],
  [
    {
      inName: '五金制品',
      tag: '五金',
      slug: 'hardware',
      vat: 'goods',
      products: ['不锈钢紧固件', '铰链', '五金工具', '弹簧'],
    },
    5,
  ],
  [
    {
      inName: '塑胶制品',
      tag: '塑料',
      slug: 'plastic',
      vat: 'goods',
      products: ['注塑外壳', 'PP颗粒', '塑料托盘', 'PE管材'],
    },
    4,
  ],
  [
    {
      inName: '商贸',
      tag: '贸易',
      slug: 'trade',
      vat: 'goods',
      products: ['办公用品', '劳保用品', '电工器材', '工业耗材'],
    },
    6,
  ],
  [
    {
      inName: '信息技术',
      tag: '软件信息',
      slug: 'it',
      vat: 'service',
      products: ['软件维护服务', 'ERP实施服务', '云服务器租用', '技术支持服务'],
    },
    5,
  ],
  [
    {
      inName: '企业管理咨询',
      tag: '咨询服务',
      slug: 'consulting',
      vat: 'service',
      products: ['管理咨询服务', '员工培训服务', '财务咨询服务'],
    },
    2,
  ],
];

export const LEGAL_FORMS: readonly (readonly [string, number])[] = [
  ['有限公司', 70],
  ['股份有限公司', 14],
  ['有限责任公司', 11],
  ['集团有限公司', 5],
];

export const SURNAMES: readonly (readonly [string, string])[] = [
  ['王', 'wang'],
  ['李', 'li'],
  ['张', 'zhang'],
  ['刘', 'liu'],
  ['陈', 'chen'],
  ['杨', 'yang'],
  ['黄', 'huang'],
  ['赵', 'zhao'],
  ['吴', 'wu'],
  ['周', 'zhou'],
  ['徐', 'xu'],
  ['孙', 'sun'],
  ['马', 'ma'],
  ['朱', 'zhu'],
  ['胡', 'hu'],
  ['郭', 'guo'],
  ['何', 'he'],
  ['林', 'lin'],
  ['罗', 'luo'],
  ['高', 'gao'],
  ['梁', 'liang'],
  ['郑', 'zheng'],
  ['谢', 'xie'],
  ['宋', 'song'],
  ['唐', 'tang'],
];

export const GIVEN_NAMES: readonly (readonly [string, string])[] = [
  ['伟', 'wei'],
  ['芳', 'fang'],
  ['娜', 'na'],
  ['敏', 'min'],
  ['静', 'jing'],
  ['丽', 'li'],
  ['强', 'qiang'],
  ['磊', 'lei'],
  ['军', 'jun'],
  ['洋', 'yang'],
  ['勇', 'yong'],
  ['艳', 'yan'],
  ['杰', 'jie'],
  ['娟', 'juan'],
  ['涛', 'tao'],
  ['明', 'ming'],
  ['超', 'chao'],
  ['秀英', 'xiuying'],
  ['华', 'hua'],
  ['建国', 'jianguo'],
  ['志强', 'zhiqiang'],
  ['海燕', 'haiyan'],
  ['晓东', 'xiaodong'],
  ['丽华', 'lihua'],
  ['文静', 'wenjing'],
  ['春梅', 'chunmei'],
  ['国强', 'guoqiang'],
  ['婷', 'ting'],
  ['雪', 'xue'],
  ['浩', 'hao'],
  ['宇', 'yu'],
  ['欣怡', 'xinyi'],
  ['佳', 'jia'],
  ['晓燕', 'xiaoyan'],
  ['建华', 'jianhua'],
];

export const MOBILE_PREFIXES: readonly string[] = [
  '130',
  '131',
  '132',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '153',
  '155',
  '156',
  '158',
  '159',
  '177',
  '180',
  '181',
  '182',
  '183',
  '185',
  '186',
  '187',
  '188',
  '189',
  '199',
];

/** Our own sales team; every customer has one of them. */
export const SALESPEOPLE: readonly string[] = ['王磊', '李娜', '张伟', '陈静', '刘洋', '赵敏', '周杰'];
