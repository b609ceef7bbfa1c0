import type { InspectorInput, ItemInput } from '@zhizhi/regulation';
import { syntheticName } from '../people';

/*
 * The demo 检查事项清单 and 执法检查人员名录. Item names and legal bases follow the national laws
 * and rules named; the checklists are condensed from them for the demo. Assumption: fire safety of
 * small premises is listed under 区应急管理局 (the district has no 消防救援 unit in the department
 * list). Inspector names are synthetic; badge numbers (执法证号) are invented.
 */

const point = (code: string, zh: string, en: string) => ({ code, zh, en });
const ratios = (A: number, B: number, C: number, D: number) => ({ A, B, C, D });
/**
 * Frequency per class (an assumption for the demo, after the usual 双随机 practice of checking
 * low-risk subjects at most yearly and high-risk ones monthly): days before a subject is due again.
 */
const INTERVALS = { A: 365, B: 180, C: 90, D: 30 };

export const ITEM = {
  food: 'SCJG-SP-01',
  catering: 'SCJG-SP-02',
  drugs: 'SCJG-YP-01',
  prices: 'SCJG-JG-01',
  adverts: 'SCJG-GG-01',
  workSafety: 'YJ-AQ-01',
  fire: 'YJ-XF-01',
  frontage: 'ZHZF-SR-01',
  hygiene: 'WJ-GW-01',
} as const;

export const fenghuaInspectionItems: ItemInput[] = [
  {
    code: ITEM.food,
    nameZh: '食品经营者落实食品安全主体责任情况检查',
    nameEn: 'Food business operators: food safety responsibilities',
    departmentCode: 'scjgj',
    legalBasis:
      '《中华人民共和国食品安全法》第一百零九条、第一百一十条；《食品生产经营监督检查管理办法》（国家市场监督管理总局令第49号）',
    method: '现场检查',
    industryPrefixes: ['H62', 'F5212', 'F5213', 'F522'],
    checklist: [
      point(
        'licence',
        '食品经营许可证在有效期内并在经营场所显著位置公示',
        'Food business licence valid and displayed prominently',
      ),
      point(
        'health_certificates',
        '接触直接入口食品的从业人员持有有效健康证明',
        'Staff handling ready-to-eat food hold valid health certificates',
      ),
      point(
        'purchase_records',
        '落实进货查验记录制度，票证齐全',
        'Purchases checked and recorded, invoices and certificates kept',
      ),
      point(
        'storage',
        '食品分类分架、离墙离地贮存，无过期变质食品',
        'Food stored by kind off walls and floor; nothing expired or spoiled',
      ),
      point(
        'safety_manager',
        '配备食品安全管理人员并经培训考核',
        'A trained and assessed food safety manager appointed',
      ),
      point(
        'pest_control',
        '防鼠、防蝇、防虫设施完好有效',
        'Rodent, fly and insect controls in place and working',
      ),
    ],
    ratioByClass: ratios(0.03, 0.05, 0.1, 0.2),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.catering,
    nameZh: '餐饮服务食品安全操作规范执行情况检查（明厨亮灶）',
    nameEn: 'Catering: food safety operating rules ("open kitchen")',
    departmentCode: 'scjgj',
    legalBasis:
      '《中华人民共和国食品安全法》第五十五条、第五十六条；《餐饮服务食品安全操作规范》（市场监管总局公告2018年第12号）',
    method: '现场检查',
    industryPrefixes: ['H62'],
    checklist: [
      point(
        'open_kitchen',
        '实施"明厨亮灶"，加工制作过程可视',
        'Open kitchen: food preparation visible to diners',
      ),
      point(
        'raw_cooked',
        '生熟分开，工具容器标识清晰',
        'Raw and cooked food kept apart, utensils and containers labelled',
      ),
      point(
        'tableware',
        '餐饮具清洗消毒设施正常使用，消毒记录完整',
        'Tableware washed and disinfected, records complete',
      ),
      point(
        'additives',
        '食品添加剂专柜存放、专人管理、使用记录完整',
        'Additives locked away, managed by a named person, use recorded',
      ),
      point(
        'kitchen_waste',
        '餐厨废弃物分类存放并交有资质单位处置',
        'Kitchen waste sorted and handed to a licensed collector',
      ),
    ],
    ratioByClass: ratios(0.03, 0.06, 0.12, 0.25),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.drugs,
    nameZh: '药品零售企业经营质量管理规范执行情况检查',
    nameEn: 'Pharmacies: good supply practice (GSP)',
    departmentCode: 'scjgj',
    legalBasis: '《中华人民共和国药品管理法》第九十九条；《药品经营质量管理规范》',
    method: '现场检查',
    industryPrefixes: ['F5251', 'F5252'],
    checklist: [
      point(
        'licence',
        '药品经营许可证在有效期内，经营范围与实际一致',
        'Licence valid, scope matches what is sold',
      ),
      point('pharmacist', '执业药师在岗在职并佩戴工作牌', 'Licensed pharmacist on duty with badge'),
      point(
        'prescriptions',
        '处方药凭处方销售，处方按规定留存',
        'Prescription drugs sold only on prescription, prescriptions kept',
      ),
      point(
        'temperature',
        '药品按温湿度要求储存，温湿度记录完整',
        'Stored at required temperature and humidity, logs complete',
      ),
      point('expiry', '近效期药品按规定管理，无过期药品', 'Near-expiry drugs managed, no expired drugs'),
    ],
    ratioByClass: ratios(0.05, 0.1, 0.2, 0.3),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.prices,
    nameZh: '明码标价和价格行为检查',
    nameEn: 'Price marking and pricing practices',
    departmentCode: 'scjgj',
    legalBasis:
      '《中华人民共和国价格法》第十三条、第三十四条；《明码标价和禁止价格欺诈规定》（国家市场监督管理总局令第56号）',
    method: '现场检查',
    subjectKinds: ['shop', 'individual'],
    checklist: [
      point('price_tags', '商品和服务实行明码标价，标价要素齐全', 'Goods and services priced, tags complete'),
      point('price_match', '结算价格与标示价格一致', 'Prices charged match those displayed'),
      point(
        'no_fake_discounts',
        '无虚构原价、虚假折扣等价格欺诈行为',
        'No invented original prices or false discounts',
      ),
      point('no_surcharges', '无在标价之外加价收取未予标明的费用', 'No unlisted surcharges'),
    ],
    ratioByClass: ratios(0.02, 0.04, 0.08, 0.15),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.adverts,
    nameZh: '广告发布行为检查',
    nameEn: 'Advertising practices',
    departmentCode: 'scjgj',
    legalBasis: '《中华人民共和国广告法》第九条、第二十八条、第四十九条',
    method: '现场检查、书面检查',
    subjectKinds: ['enterprise'],
    checklist: [
      point(
        'absolute_terms',
        '广告未使用"国家级""最高级""最佳"等用语',
        'No "national-level", "highest" or "best" claims',
      ),
      point('truthful', '广告内容真实，无虚假或引人误解的内容', 'Content true, nothing false or misleading'),
      point(
        'medical_claims',
        '非医疗、药品、医疗器械广告未涉及疾病治疗功能',
        'Other goods not advertised as treating disease',
      ),
      point(
        'approval_numbers',
        '药品、医疗器械、保健食品广告经审查并标明批准文号',
        'Drug, device and health food ads approved and numbered',
      ),
    ],
    ratioByClass: ratios(0.02, 0.04, 0.08, 0.12),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.workSafety,
    nameZh: '工贸企业安全生产主体责任落实情况检查',
    nameEn: 'Industrial and trade enterprises: work safety responsibilities',
    departmentCode: 'yjj',
    legalBasis:
      '《中华人民共和国安全生产法》第四条、第二十一条、第六十五条；《工贸企业重大事故隐患判定标准》',
    method: '现场检查',
    subjectKinds: ['enterprise'],
    industryPrefixes: ['C'],
    checklist: [
      point('responsibility', '建立健全全员安全生产责任制', 'Safety responsibilities set for every post'),
      point(
        'training',
        '主要负责人、安全管理人员考核合格，从业人员经安全培训',
        'Managers assessed, workers trained',
      ),
      point('hazard_ledger', '建立事故隐患排查治理台账并闭环整改', 'Hazards checked, logged and remedied'),
      point('guards', '设备设施安全防护装置齐全有效', 'Machine guards in place and working'),
      point('emergency_plan', '制定生产安全事故应急预案并定期演练', 'Emergency plan drawn up and rehearsed'),
      point('special_operations', '特种作业人员持证上岗', 'Special-operation workers certified'),
    ],
    ratioByClass: ratios(0.03, 0.06, 0.12, 0.25),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.fire,
    nameZh: '小型经营场所消防安全检查',
    nameEn: 'Fire safety of small business premises',
    departmentCode: 'yjj',
    legalBasis: '《中华人民共和国消防法》第十六条、第二十八条；《浙江省消防条例》',
    method: '现场检查',
    subjectKinds: ['shop', 'individual'],
    industryPrefixes: ['H', 'F52', 'O80'],
    checklist: [
      point('extinguishers', '按规定配置灭火器材并在有效期内', 'Extinguishers provided and in date'),
      point('exits', '安全出口、疏散通道畅通，未锁闭、堵塞', 'Exits and escape routes clear and unlocked'),
      point('no_living', '经营场所内无违规住人（"三合一"）', 'Nobody lives on the premises ("three-in-one")'),
      point('wiring', '电气线路规范敷设，无私拉乱接', 'Wiring done properly, no improvised connections'),
      point('gas_alarm', '使用燃气场所安装可燃气体报警装置', 'Gas leak alarm where gas is used'),
    ],
    ratioByClass: ratios(0.03, 0.05, 0.1, 0.2),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.frontage,
    nameZh: '市容环境卫生责任区（门前三包）落实情况检查',
    nameEn: 'Street frontage responsibility (门前三包)',
    departmentCode: 'zhzfj',
    legalBasis:
      '《城市市容和环境卫生管理条例》；《浙江省城市市容和环境卫生管理条例》；《宁波市市容环境卫生管理条例》',
    method: '现场检查',
    subjectKinds: ['shop', 'individual'],
    checklist: [
      point('frontage_clean', '责任区内整洁，无乱堆乱放', 'Frontage clean, nothing piled up'),
      point('no_outdoor_trade', '无店外经营、占道经营', 'No trading outside the shop or on the pavement'),
      point('signboards', '店招店牌设置规范、安全牢固', 'Signboards compliant and securely fixed'),
      point('waste_sorting', '生活垃圾分类投放', 'Household waste sorted'),
    ],
    ratioByClass: ratios(0.03, 0.05, 0.1, 0.2),
    intervalDaysByClass: INTERVALS,
  },
  {
    code: ITEM.hygiene,
    nameZh: '公共场所卫生监督检查',
    nameEn: 'Hygiene of public places',
    departmentCode: 'wjj',
    legalBasis: '《公共场所卫生管理条例》；《公共场所卫生管理条例实施细则》（原卫生部令第80号）',
    method: '现场检查',
    subjectKinds: ['shop', 'individual'],
    industryPrefixes: ['O80', 'H61'],
    checklist: [
      point('hygiene_licence', '公共场所卫生许可证在有效期内并公示', 'Hygiene licence valid and displayed'),
      point('staff_health', '从业人员持有效健康合格证明', 'Staff hold valid health certificates'),
      point(
        'customer_items',
        '顾客用品用具清洗消毒，一客一换',
        'Customer items cleaned and changed for each customer',
      ),
      point('disinfection', '设置消毒间（柜）并正常使用', 'Disinfection room or cabinet in use'),
      point('ventilation', '室内通风良好，空气质量符合卫生要求', 'Well ventilated, air quality adequate'),
    ],
    ratioByClass: ratios(0.03, 0.05, 0.1, 0.2),
    intervalDaysByClass: INTERVALS,
  },
];

/** A roster row before ids are known: `account` names a demo staff login, `conflicts` subject indexes. */
export type DemoInspector = Omit<InspectorInput, 'accountId' | 'conflicts'> & {
  account?: string;
  conflicts?: number[];
};

const DEPARTMENT_DIGIT: Record<string, number> = { scjgj: 1, wjj: 2, yjj: 3, zhzfj: 4 };

function inspector(
  departmentCode: string,
  n: number,
  qualifications: string[],
  extra: Partial<DemoInspector> = {},
): DemoInspector {
  return {
    departmentCode,
    badgeNumber: `33021300${DEPARTMENT_DIGIT[departmentCode]}${String(n).padStart(3, '0')}`,
    qualifications,
    ...extra,
    name: extra.name ?? syntheticName(5000 + DEPARTMENT_DIGIT[departmentCode]! * 100 + n),
  };
}

const { food, catering, drugs, prices, adverts, workSafety, fire, frontage, hygiene } = ITEM;

/**
 * 24 inspectors. Exactly three of 市场监管局 hold the food items, two of them the demo logins
 * `scjgj.inspector1` and `scjgj.inspector2` (names taken from the staff accounts): every food visit
 * drawn in pairs then has at least one inspector who can sign in.
 */
export function fenghuaInspectors(staffNames: Record<string, string>): DemoInspector[] {
  return [
    inspector('scjgj', 1, [food, catering, prices], {
      account: 'scjgj.inspector1',
      name: staffNames['scjgj.inspector1'],
    }),
    inspector('scjgj', 2, [food, catering, prices, adverts], {
      account: 'scjgj.inspector2',
      name: staffNames['scjgj.inspector2'],
    }),
    inspector('scjgj', 3, [food, catering, drugs], { conflicts: [5] }),
    inspector('scjgj', 4, [prices, adverts]),
    inspector('scjgj', 5, [prices, adverts, drugs]),
    inspector('scjgj', 6, [drugs, prices]),
    inspector('scjgj', 7, [adverts, prices], { conflicts: [40, 41] }),
    inspector('scjgj', 8, [drugs]),
    inspector('scjgj', 9, [prices]),
    inspector('scjgj', 10, [adverts, prices]),
    inspector('scjgj', 11, [drugs, adverts]),
    inspector('scjgj', 12, [prices], { active: false }),
    inspector('wjj', 1, [hygiene]),
    inspector('wjj', 2, [hygiene]),
    inspector('wjj', 3, [hygiene], { conflicts: [120] }),
    inspector('wjj', 4, [hygiene]),
    inspector('yjj', 1, [workSafety, fire]),
    inspector('yjj', 2, [workSafety, fire]),
    inspector('yjj', 3, [workSafety]),
    inspector('yjj', 4, [fire]),
    inspector('zhzfj', 1, [frontage]),
    inspector('zhzfj', 2, [frontage]),
    inspector('zhzfj', 3, [frontage], { conflicts: [12] }),
    inspector('zhzfj', 4, [frontage]),
  ];
}
