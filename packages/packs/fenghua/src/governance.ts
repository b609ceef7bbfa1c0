import { deflateSync } from 'node:zlib';
import { type Actor, type Kernel, systemActor } from '@zhizhi/kernel';
import { identityStaff } from '@zhizhi/kernel/identity';
import { inArray } from 'drizzle-orm';
import type { DispatchRule } from '@zhizhi/kernel/cases';
import { EVENT_TYPE, type Governance, type RegionGeo } from '@zhizhi/governance';
import { type GovernancePlatform, townUnitCode } from './departments';
import { FENGHUA_DISTRICT_CODE, fenghuaTownships } from './divisions';
import { insideFenghua, nearestTown } from './geo';

/** 奉化区 for the governance module: inside the boundary, township by nearest seat. */
export const fenghuaRegion: RegionGeo = {
  districtCode: FENGHUA_DISTRICT_CODE,
  contains: insideFenghua,
  townOf: (point) => {
    const town = nearestTown(point);
    return { code: town.code, name: town.name };
  },
};

/** Which platform's unit handles which category group (基层治理四平台). */
const PLATFORM_OF_GROUP: Record<string, GovernancePlatform> = {
  road: 'zhzf',
  construction: 'zhzf',
  environment: 'zhzf',
  dispute: 'zz',
  safety: 'zz',
  food: 'scjg',
  market: 'scjg',
  service: 'bmfw',
};

/**
 * Fenghua's dispatch catalogue (派单目录): a few matters go to district bureaus everywhere
 * (industrial pollution → 生态环境分局, wage disputes → 人社局), then each township's events go to
 * the unit of the platform their category belongs to.
 */
export function fenghuaDispatchRules(): DispatchRule[] {
  const rules: DispatchRule[] = [
    { category: 'environment.pollution', departmentCode: 'sthjj', grade: 'major', limitDays: 5 },
    { category: 'dispute.labour', departmentCode: 'rsj', grade: 'normal', limitDays: 10 },
  ];
  for (const town of fenghuaTownships) {
    for (const [group, platform] of Object.entries(PLATFORM_OF_GROUP)) {
      rules.push({
        category: `${group}.*`,
        divisionCode: town.code,
        departmentCode: townUnitCode(platform, town.code),
        grade: 'normal',
      });
    }
  }
  return rules;
}

/** A plain 96×64 PNG of one colour: stands in for a site photo in the demo. */
export function demoPhoto(rgb: [number, number, number]): Buffer {
  const width = 96;
  const height = 64;
  const row = Buffer.alloc(1 + width * 3);
  for (let x = 0; x < width; x++) row.set(rgb, 1 + x * 3);
  const raw = Buffer.concat(Array.from({ length: height }, () => row));
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = crc & 1 ? (crc >>> 1) ^ 0xedb88320 : crc >>> 1;
  }
  return crc ^ 0xffffffff;
}

/** Demo reports: real places of the district, synthetic reporters. [category, description, address, lng, lat] */
const DEMO_REPORTS: [string, string, string, number, number][] = [
  [
    'road.pothole',
    '中山路与南山路交叉口路面破损，有一处直径半米的坑',
    '锦屏街道中山路与南山路交叉口',
    121.405,
    29.657,
  ],
  ['road.streetlight', '广平路一段路灯连续三盏不亮，夜间行人看不清', '锦屏街道广平路', 121.412, 29.652],
  ['road.parking', '小区门口长期有车辆占用消防通道', '岳林街道东门社区', 121.428, 29.667],
  ['environment.garbage', '河边绿地有大量生活垃圾堆放，气味难闻', '岳林街道县江路段', 121.43, 29.662],
  ['environment.noise', '夜间工地施工噪声扰民，已持续一周', '江口街道', 121.453, 29.701],
  ['construction.occupation', '早市摊贩占用人行道经营', '西坞街道西坞老街', 121.476, 29.672],
  ['dispute.neighbour', '楼上住户装修导致楼下渗水，双方协商未果', '萧王庙街道', 121.348, 29.625],
  ['safety.fire', '出租房楼道内有电动自行车飞线充电', '方桥街道', 121.451, 29.744],
  ['food.hygiene', '路边小吃店后厨卫生条件差', '溪口镇武岭路', 121.244, 29.676],
  ['road.pothole', '岩头村村口道路有坑洞，雨天积水', '溪口镇岩头村村口', 121.214, 29.652],
  ['service.water', '村里自来水水压不足，高处住户没水用', '尚田街道', 121.38, 29.57],
  ['environment.burning', '田间有人焚烧秸秆，浓烟很大', '莼湖街道', 121.56, 29.58],
  ['road.manhole', '人行道窨井盖缺失，已有行人险些踩空', '裘村镇', 121.64, 29.53],
  ['safety.flood', '山塘堤坝有渗漏，台风季存在隐患', '大堰镇', 121.252, 29.514],
  ['market.price', '景区附近商店商品价格远高于标价', '溪口镇', 121.246, 29.68],
  ['environment.river', '河道漂浮物较多，影响河道景观', '松岙镇', 121.683, 29.597],
];

/**
 * Demo events through the real channels: reported and routed by the catalogue; some accepted,
 * closed with a photo and rated by the reporter. Idempotent: skipped when events exist.
 */
export async function seedGovernanceDemo(kernel: Kernel, governance: Governance) {
  const existing = await kernel.cases.listCases(systemActor, { typeCode: EVENT_TYPE, limit: 1 });
  if (existing.items.length) return 0;
  // The demo handlers act for their own teams; other units' cases are handled "by the unit".
  const people = await kernel.db
    .select({
      id: identityStaff.id,
      name: identityStaff.displayName,
      departmentId: identityStaff.departmentId,
    })
    .from(identityStaff)
    .where(inArray(identityStaff.username, ['zhzf.xikou', 'zhzf.jinping']));
  const handlerFor = (departmentId: string): Actor => {
    const person = people.find((p) => p.departmentId === departmentId);
    return person
      ? { ...systemActor, type: 'staff', id: person.id, name: person.name, departmentId }
      : { ...systemActor, name: 'demo-handler', departmentId };
  };
  let n = 0;
  for (const [categoryCode, description, address, lng, lat] of DEMO_REPORTS) {
    const {
      case: opened,
      number,
      password,
    } = await governance.reportPublic({
      categoryCode,
      description,
      address,
      location: { lng, lat },
    });
    n += 1;
    if (opened.state !== 'dispatched' || !opened.departmentId) continue;
    const handler = handlerFor(opened.departmentId);
    // The street lights of 广平路 are the power company's: the team returns it (退单), and the
    // dispatcher finds it in the dispute queue.
    if (n === 2) {
      await kernel.cases.transition(handler, opened.id, {
        transition: 'return',
        expectedVersion: opened.version,
        note: '该路段路灯由供电公司维护，不属于本单位职责，请改派。',
      });
      continue;
    }
    // Every third routed event is handled to the end and rated; every fifth is being handled.
    if (n % 3 !== 0 && n % 5 !== 0) continue;
    await kernel.cases.transition(handler, opened.id, {
      transition: 'accept',
      expectedVersion: opened.version,
    });
    if (n % 3 !== 0) continue;
    const photo = await kernel.files.store(handler, {
      name: '处置后.png',
      content: demoPhoto([96, 140, 96]),
    });
    const { version } = await kernel.cases.getCase(handler, opened.id);
    await kernel.cases.transition(handler, opened.id, {
      transition: 'close',
      expectedVersion: version,
      data: { result: '已安排人员现场处置完毕，经复查问题已解决。', result_photos: [photo.id] },
    });
    await governance.ratePublic(number, password, { rating: n % 2 === 0 ? 'very_satisfied' : 'satisfied' });
  }
  return n;
}
