import { FENGHUA_DISTRICT_CODE, fenghuaTownships } from './divisions';

/** One department row for `org_department`. */
export type DepartmentSeed = {
  /** Stable short code, e.g. `rsj`; township offices use `town-<9-digit township code>`. */
  code: string;
  /** Full official-style name, e.g. 宁波市奉化区人力资源和社会保障局. */
  name: string;
  /** Everyday name, e.g. 区人社局. */
  shortName: string;
  nameEn: string;
  /** The division whose government the department belongs to. */
  divisionCode: string;
  kind: 'bureau' | 'centre' | 'town_office' | 'other';
  sort: number;
};

// nameEn without "Fenghua" gets the prefix "Fenghua District ".
type DistrictDepartment = [code: string, name: string, shortName: string, nameEn: string, kind?: 'centre'];

// The units the 十四五 plan names (plan.zh.txt) plus the few every district platform needs.
// Names follow the post-2019 institutional reform; units of city bureaus stationed in the district
// carry the city prefix (宁波市公安局奉化分局). Names are checked against general knowledge of
// Ningbo's naming, not against the district's official 机构编制 list — see README.
const districtDepartments: DistrictDepartment[] = [
  ['qwb', '中共宁波市奉化区委办公室', '区委办', 'Office of the CPC Fenghua District Committee'],
  ['qfb', '宁波市奉化区人民政府办公室', '区府办', 'Fenghua District Government Office'],
  [
    'zfw',
    '中共宁波市奉化区委政法委员会',
    '区委政法委',
    'Political and Legal Affairs Commission of the CPC Fenghua District Committee',
  ],
  ['fgj', '宁波市奉化区发展和改革局', '区发改局', 'Development and Reform Bureau'],
  ['jxj', '宁波市奉化区经济和信息化局', '区经信局', 'Economy and Information Technology Bureau'],
  ['jyj', '宁波市奉化区教育局', '区教育局', 'Education Bureau'],
  ['kjj', '宁波市奉化区科学技术局', '区科技局', 'Science and Technology Bureau'],
  ['gaj', '宁波市公安局奉化分局', '区公安分局', 'Fenghua Branch of Ningbo Public Security Bureau'],
  ['mzj', '宁波市奉化区民政局', '区民政局', 'Civil Affairs Bureau'],
  ['sfj', '宁波市奉化区司法局', '区司法局', 'Justice Bureau'],
  ['czj', '宁波市奉化区财政局', '区财政局', 'Finance Bureau'],
  ['rsj', '宁波市奉化区人力资源和社会保障局', '区人社局', 'Human Resources and Social Security Bureau'],
  [
    'zrzyj',
    '宁波市自然资源和规划局奉化分局',
    '自然资源和规划分局',
    'Fenghua Branch of Ningbo Natural Resources and Planning Bureau',
  ],
  [
    'sthjj',
    '宁波市生态环境局奉化分局',
    '生态环境分局',
    'Fenghua Branch of Ningbo Ecology and Environment Bureau',
  ],
  ['zjj', '宁波市奉化区住房和城乡建设局', '区住建局', 'Housing and Urban-Rural Development Bureau'],
  ['jtj', '宁波市奉化区交通运输局', '区交通运输局', 'Transport Bureau'],
  ['slj', '宁波市奉化区水利局', '区水利局', 'Water Resources Bureau'],
  ['nyj', '宁波市奉化区农业农村局', '区农业农村局', 'Agriculture and Rural Affairs Bureau'],
  ['swj', '宁波市奉化区商务局', '区商务局', 'Commerce Bureau'],
  [
    'wglj',
    '宁波市奉化区文化和广电旅游体育局',
    '区文广旅体局',
    'Culture, Radio, TV, Tourism and Sports Bureau',
  ],
  ['wjj', '宁波市奉化区卫生健康局', '区卫健局', 'Health Bureau'],
  ['tyjrj', '宁波市奉化区退役军人事务局', '区退役军人事务局', 'Veterans Affairs Bureau'],
  ['yjj', '宁波市奉化区应急管理局', '区应急管理局', 'Emergency Management Bureau'],
  ['sjj', '宁波市奉化区审计局', '区审计局', 'Audit Bureau'],
  ['gzzx', '宁波市奉化区国有资产管理中心', '区国资中心', 'State-owned Assets Management Centre', 'centre'],
  ['scjgj', '宁波市奉化区市场监督管理局', '区市场监管局', 'Market Supervision Bureau'],
  ['tjj', '宁波市奉化区统计局', '区统计局', 'Statistics Bureau'],
  ['ybj', '宁波市医疗保障局奉化分局', '区医保分局', 'Fenghua Branch of Ningbo Healthcare Security Bureau'],
  [
    'zhzfj',
    '宁波市奉化区综合行政执法局',
    '区综合行政执法局',
    'Comprehensive Administrative Law Enforcement Bureau',
  ],
  ['xfj', '宁波市奉化区信访局', '区信访局', 'Letters and Visits Bureau (12345 hotline)'],
  ['spj', '宁波市奉化区行政审批服务局', '区行政审批服务局', 'Administrative Approval Service Bureau'],
  ['zwfw', '宁波市奉化区政务服务中心', '区政务服务中心', 'Government Service Centre', 'centre'],
  ['dsj', '宁波市奉化区大数据发展管理中心', '区大数据中心', 'Big Data Development Centre', 'centre'],
  ['shzl', '宁波市奉化区社会治理中心', '区社会治理中心', 'Social Governance Centre', 'centre'],
  [
    'gjj',
    '宁波市住房公积金管理中心奉化分中心',
    '区公积金分中心',
    'Fenghua Sub-centre of Ningbo Housing Provident Fund',
    'centre',
  ],
];

/** `town-330213001` for 锦屏街道 (330213001000). */
export function townOfficeCode(townshipCode: string): string {
  return `town-${townshipCode.slice(0, 9)}`;
}

/**
 * The four grassroots governance platforms (基层治理四平台) of every township, each with the unit
 * that handles its events: 综治工作 → 综治中心, 市场监管 → the district bureau's 市场监督管理所,
 * 综合执法 → the township's 综合行政执法队, 便民服务 → 便民服务中心.
 */
export const GOVERNANCE_PLATFORMS = ['zz', 'scjg', 'zhzf', 'bmfw'] as const;
export type GovernancePlatform = (typeof GOVERNANCE_PLATFORMS)[number];

/** `zhzf-330213100` for 溪口镇's 综合行政执法队. */
export function townUnitCode(platform: GovernancePlatform, townshipCode: string): string {
  return `${platform}-${townshipCode.slice(0, 9)}`;
}

const townUnitNames: Record<GovernancePlatform, (town: string, bare: string) => [string, string, string]> = {
  zz: (town, bare) => [`宁波市奉化区${town}综治中心`, `${town}综治中心`, `${bare} Social Governance Centre`],
  scjg: (town, bare) => [
    `宁波市奉化区市场监督管理局${town.replace(/街道|镇$/, '')}市场监督管理所`,
    `${town.replace(/街道|镇$/, '')}市场监管所`,
    `${bare} Market Supervision Office`,
  ],
  zhzf: (town, bare) => [
    `宁波市奉化区${town}综合行政执法队`,
    `${town}综合执法队`,
    `${bare} Law Enforcement Team`,
  ],
  bmfw: (town, bare) => [
    `宁波市奉化区${town}便民服务中心`,
    `${town}便民服务中心`,
    `${bare} Citizen Service Centre`,
  ],
};

/** District departments, then one office (街道办事处 / 镇人民政府) per township, then its platform units. */
export const fenghuaDepartments: DepartmentSeed[] = [
  ...districtDepartments.map(
    ([code, name, shortName, nameEn, kind], i): DepartmentSeed => ({
      code,
      name,
      shortName,
      nameEn: nameEn.includes('Fenghua') ? nameEn : `Fenghua District ${nameEn}`,
      divisionCode: FENGHUA_DISTRICT_CODE,
      kind: kind ?? 'bureau',
      sort: i + 1,
    }),
  ),
  ...fenghuaTownships.map(
    (town, i): DepartmentSeed => ({
      code: townOfficeCode(town.code),
      name: town.kind === '街道' ? `宁波市奉化区${town.name}办事处` : `宁波市奉化区${town.name}人民政府`,
      shortName: town.kind === '街道' ? `${town.name}办事处` : `${town.name}政府`,
      nameEn: town.kind === '街道' ? `${town.pinyin} Subdistrict Office` : `${town.pinyin} Town Government`,
      divisionCode: town.code,
      kind: 'town_office',
      sort: 100 + i,
    }),
  ),
  ...fenghuaTownships.flatMap((town, i) =>
    GOVERNANCE_PLATFORMS.map((platform, j): DepartmentSeed => {
      const [name, shortName, nameEn] = townUnitNames[platform](town.name, town.pinyin);
      return {
        code: townUnitCode(platform, town.code),
        name,
        shortName,
        nameEn,
        divisionCode: town.code,
        kind: 'other',
        sort: 200 + i * 10 + j,
      };
    }),
  ),
];
