/** The four platforms of Zhejiang's grassroots governance (基层治理四平台). Names are editable. */
export const DEFAULT_PLATFORMS = [
  { code: 'zz', nameZh: '综治工作', nameEn: 'Social governance', sort: 1 },
  { code: 'scjg', nameZh: '市场监管', nameEn: 'Market supervision', sort: 2 },
  { code: 'zhzf', nameZh: '综合执法', nameEn: 'Law enforcement', sort: 3 },
  { code: 'bmfw', nameZh: '便民服务', nameEn: 'Citizen services', sort: 4 },
] as const;

type Row = [
  code: string,
  nameZh: string,
  nameEn: string,
  platform: string,
  limitDays: number,
  isPublic?: boolean,
];

// Groups first, then their leaves; a group's platform is that of most of its leaves.
const rows: Row[] = [
  ['road', '道路与市政设施', 'Roads and public works', 'zhzf', 5],
  ['road.pothole', '道路坑洼破损', 'Pothole or broken road', 'zhzf', 3],
  ['road.manhole', '窨井盖缺失破损', 'Missing or broken manhole cover', 'zhzf', 1],
  ['road.streetlight', '路灯不亮', 'Street light out', 'zhzf', 3],
  ['road.parking', '违章停车', 'Illegal parking', 'zhzf', 1],
  ['road.facility', '市政设施损坏', 'Damaged public facility', 'zhzf', 5],
  ['construction', '违法建设与占道', 'Illegal construction and street occupation', 'zhzf', 10],
  ['construction.illegal', '违章搭建', 'Illegal building', 'zhzf', 10],
  ['construction.occupation', '占道经营', 'Street vending on the road', 'zhzf', 1],
  ['construction.debris', '建筑垃圾乱倒', 'Construction waste dumping', 'zhzf', 2],
  ['environment', '环境卫生与生态', 'Environment and sanitation', 'zhzf', 3],
  ['environment.garbage', '垃圾乱堆乱放', 'Rubbish dumped', 'zhzf', 2],
  ['environment.noise', '噪声扰民', 'Noise nuisance', 'zhzf', 3],
  ['environment.burning', '露天焚烧', 'Open burning', 'zhzf', 1],
  ['environment.river', '河道漂浮物与污染', 'River litter or pollution', 'zhzf', 3],
  ['environment.pollution', '企业排污', 'Industrial pollution', 'zhzf', 5],
  ['environment.dust', '工地扬尘', 'Construction dust', 'zhzf', 1],
  ['environment.air', '空气质量超标', 'Air quality exceedance', 'zhzf', 2, false],
  ['dispute', '矛盾纠纷', 'Disputes', 'zz', 10],
  ['dispute.neighbour', '邻里纠纷', 'Neighbour dispute', 'zz', 10],
  ['dispute.family', '婚姻家庭纠纷', 'Family dispute', 'zz', 10],
  ['dispute.labour', '劳资纠纷', 'Wage or labour dispute', 'zz', 10],
  ['dispute.land', '土地山林纠纷', 'Land or forest dispute', 'zz', 15],
  ['safety', '安全隐患', 'Safety hazards', 'zz', 2],
  ['safety.fire', '消防安全隐患', 'Fire hazard', 'zz', 2],
  ['safety.gas', '燃气安全隐患', 'Gas hazard', 'zz', 1],
  ['safety.building', '危旧房屋', 'Dangerous old building', 'zz', 5],
  ['safety.flood', '防汛防台隐患', 'Flood or typhoon hazard', 'zz', 1],
  ['safety.geohazard', '地质灾害隐患', 'Landslide or rockfall hazard', 'zz', 1],
  ['safety.monitor', '监测设备告警', 'Monitoring device alarm', 'zz', 1, false],
  ['food', '食品药品安全', 'Food and drug safety', 'scjg', 5],
  ['food.hygiene', '餐饮卫生问题', 'Restaurant hygiene', 'scjg', 5],
  ['food.unlicensed', '无证经营', 'Unlicensed business', 'scjg', 5],
  ['food.expired', '销售过期食品', 'Expired food on sale', 'scjg', 3],
  ['market', '市场秩序', 'Market order', 'scjg', 5],
  ['market.price', '价格欺诈', 'Price fraud', 'scjg', 5],
  ['market.counterfeit', '假冒伪劣商品', 'Counterfeit goods', 'scjg', 5],
  ['service', '便民服务', 'Citizen services', 'bmfw', 5],
  ['service.water', '供水问题', 'Water supply problem', 'bmfw', 2],
  ['service.elderly', '困难群众帮扶', 'Help for people in need', 'bmfw', 5],
  ['service.consult', '政策咨询', 'Policy question', 'bmfw', 3],
];

export interface CategorySeed {
  code: string;
  parentCode: string | null;
  nameZh: string;
  nameEn: string;
  platform: string;
  limitDays: number;
  public: boolean;
  sort: number;
}

/** A realistic event category tree for a Zhejiang district (groups and leaves). */
export const DEFAULT_CATEGORIES: CategorySeed[] = rows.map(
  ([code, nameZh, nameEn, platform, limitDays, isPublic], i) => ({
    code,
    parentCode: code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null,
    nameZh,
    nameEn,
    platform,
    limitDays,
    public: isPublic ?? true,
    sort: i + 1,
  }),
);
