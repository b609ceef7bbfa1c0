import { type Rng, rngFor } from '../places/random';
import type { DemoSubject } from './subjects-data';

/*
 * Demo credit records (应归尽归) for the demo subjects: licences (favourable), penalties, complaints,
 * inspection results and commitments, dated over the last three years. Each subject gets a profile
 * so that the general rule set (base 90; A ≥ 90, B ≥ 75, C ≥ 60) rates about 60 % A, 25 % B,
 * 10 % C and 5 % D. Decision numbers, dates and facts are invented.
 */

export type DemoRecordSource = 'licence' | 'penalty' | 'inspection' | 'complaint' | 'commitment';

export interface DemoRecord {
  /** Index of the subject in `demoSubjects`. */
  subject: number;
  source: DemoRecordSource;
  departmentCode: string;
  date: Date;
  validUntil: Date | null;
  severity: number;
  data: Record<string, unknown>;
  summary: string;
  originId: string;
}

/**
 * What a subject's record shows, with its score under the general set:
 * clean 90 A; praised 95–100 A; recovered (old penalty, kept commitment, passed inspection) 90 A;
 * old penalty 80 B; failed inspection 75 B; complaints ≥ 3 80 B; recent penalty 60 C;
 * broken commitment 65 C; failed and complained 65 C; recent penalty and failed 45 D;
 * serious penalty 30 D; licence revoked (capped at D); repeated penalties 25 D.
 */
export type DemoProfile =
  | 'clean'
  | 'praised'
  | 'recovered'
  | 'old_penalty'
  | 'failed'
  | 'complained'
  | 'recent_penalty'
  | 'broken'
  | 'failed_complained'
  | 'penalty_failed'
  | 'serious'
  | 'revoked'
  | 'repeated';

const DAY = 86_400_000;

/** Profiles for n subjects: 60 % A, 25 % B, 10 % C, the rest D, shuffled (the same for the same n). */
export function demoProfiles(n: number): DemoProfile[] {
  const rng = rngFor('fenghua-regulation-profiles');
  const a = Math.round(n * 0.6);
  const b = Math.round(n * 0.25);
  const c = Math.round(n * 0.1);
  const d = n - a - b - c;
  const cycle = <T>(items: readonly T[], count: number) =>
    Array.from({ length: count }, (_, i) => items[i % items.length]!);
  const list: DemoProfile[] = [
    ...cycle<DemoProfile>(['clean', 'clean', 'praised', 'clean', 'recovered', 'praised'], a),
    ...cycle<DemoProfile>(['old_penalty', 'failed', 'complained'], b),
    ...cycle<DemoProfile>(['recent_penalty', 'broken', 'failed_complained'], c),
    ...cycle<DemoProfile>(['penalty_failed', 'serious', 'repeated', 'penalty_failed', 'revoked'], d),
  ];
  for (let i = list.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

type Sector = 'food' | 'drug' | 'hygiene' | 'safety' | 'general';

function sectorOf(s: DemoSubject): Sector {
  if (/^(H62|F521|F522|C14)/.test(s.industryCode)) return 'food';
  if (/^F525/.test(s.industryCode)) return 'drug';
  if (/^(O80|H61)/.test(s.industryCode)) return 'hygiene';
  if (/^C/.test(s.industryCode)) return 'safety';
  return 'general';
}

/** [summary, fine in yuan (0: a warning), department] per sector; severity is set by the profile. */
const PENALTIES: Record<Sector, [string, number, string][]> = {
  food: [
    ['经营超过保质期的食品，没收违法所得并处罚款', 5000, 'scjgj'],
    ['未按规定公示食品经营许可证，给予警告', 0, 'scjgj'],
    ['从业人员未取得健康证明从事接触直接入口食品的工作，处罚款', 3000, 'scjgj'],
    ['餐饮具未按规定清洗消毒，处罚款', 5000, 'scjgj'],
    ['未落实进货查验记录制度，处罚款', 2000, 'scjgj'],
  ],
  drug: [
    ['未凭处方销售处方药，处罚款', 10000, 'scjgj'],
    ['执业药师不在岗时销售处方药，给予警告并处罚款', 5000, 'scjgj'],
    ['药品储存温湿度不符合要求，处罚款', 8000, 'scjgj'],
  ],
  hygiene: [
    ['从业人员未取得有效健康合格证明上岗，处罚款', 1000, 'wjj'],
    ['顾客用品用具未按规定清洗消毒，给予警告并处罚款', 2000, 'wjj'],
  ],
  safety: [
    ['未如实记录安全生产教育和培训情况，处罚款', 20000, 'yjj'],
    ['特种作业人员未持证上岗，处罚款', 30000, 'yjj'],
    ['未建立事故隐患排查治理制度，处罚款', 50000, 'yjj'],
  ],
  general: [
    ['未明码标价，处罚款', 2000, 'scjgj'],
    ['发布含有绝对化用语的广告，处罚款', 20000, 'scjgj'],
    ['店外占道经营，经责令改正拒不改正，处罚款', 500, 'zhzfj'],
  ],
};

const SERIOUS: Record<Sector, [string, number, string]> = {
  food: ['经营病死、毒死或者死因不明的禽畜肉类，没收违法所得并处罚款', 150000, 'scjgj'],
  drug: ['销售假药，没收违法所得并处罚款', 200000, 'scjgj'],
  hygiene: ['未取得公共场所卫生许可证擅自营业，情节严重，处罚款', 20000, 'wjj'],
  safety: ['发生生产安全事故，对事故负有责任，处罚款', 300000, 'yjj'],
  general: ['发布虚假广告，情节严重，处罚款', 120000, 'scjgj'],
};

const COMPLAINTS = [
  ['12315投诉：消费者反映商品价格与标价不符', 'scjgj'],
  ['12315投诉：预付卡余额退费纠纷', 'scjgj'],
  ['12345热线：反映店外占道经营、油烟扰民', 'zhzfj'],
  ['12315投诉：消费者反映所购食品有异物', 'scjgj'],
  ['12345热线：反映门前垃圾未及时清理', 'zhzfj'],
] as const;

const PENALTY_PREFIX: Record<string, string> = {
  scjgj: '甬奉市监处罚',
  wjj: '甬奉卫罚',
  yjj: '（奉）应急罚',
  zhzfj: '甬奉综执罚决字',
};

/** Credit records for the subjects with their profiles, dated back from `now`. */
export function demoRecords(
  subjects: readonly DemoSubject[],
  profiles: readonly DemoProfile[],
  now: Date,
): DemoRecord[] {
  const rng = rngFor('fenghua-regulation-records');
  const out: DemoRecord[] = [];
  let decision = 100;
  subjects.forEach((s, i) => {
    let n = 0;
    const push = (r: Omit<DemoRecord, 'subject' | 'originId'>) =>
      out.push({ ...r, subject: i, originId: `${s.uscc}:${++n}` });
    const ago = (from: number, to: number) =>
      new Date(now.getTime() - rng.int(from, to) * DAY - rng.int(0, 36_000) * 1000);
    const sector = sectorOf(s);
    const penalty = (date: Date, severity: number, entry?: [string, number, string], revoked = false) => {
      const [text, fine, department] = entry ?? pickOf(rng, PENALTIES[sector]);
      const year = new Date(date.getTime() + 8 * 3_600_000).getUTCFullYear();
      const number = `${PENALTY_PREFIX[department] ?? '甬奉罚'}〔${year}〕${++decision}号`;
      const amount = fine ? fine + rng.int(0, 4) * (fine >= 10000 ? 5000 : 500) : 0;
      push({
        source: 'penalty',
        departmentCode: department,
        date,
        validUntil: new Date(date.getTime() + (severity >= 70 ? 5 : 3) * 365 * DAY),
        severity,
        data: {
          decisionNumber: number,
          ...(amount ? { amount } : {}),
          ...(revoked ? { licenceRevoked: true } : {}),
        },
        summary: `行政处罚：${text}${amount ? `${amount}元` : ''}（${number}）`.slice(0, 500),
      });
    };
    const inspection = (date: Date, result: 'pass' | 'fail') =>
      push({
        source: 'inspection',
        departmentCode: s.departmentCode === 'nyj' ? 'scjgj' : s.departmentCode,
        date,
        validUntil: null,
        severity: result === 'fail' ? 30 : 0,
        data: { result, rectified: result === 'fail' },
        summary: result === 'pass' ? '日常检查：未发现问题' : '日常检查：发现问题，已责令整改',
      });
    const complaint = (date: Date) => {
      const [text, department] = pickOf(rng, COMPLAINTS);
      push({
        source: 'complaint',
        departmentCode: department,
        date,
        validUntil: new Date(date.getTime() + 365 * DAY),
        severity: 10,
        data: {},
        summary: text,
      });
    };
    const commitment = (date: Date, kept: boolean) =>
      push({
        source: 'commitment',
        departmentCode: s.departmentCode,
        date,
        validUntil: null,
        severity: kept ? 0 : 40,
        data: { kept },
        summary: kept
          ? '告知承诺：许可告知承诺事项经核查已履行'
          : '告知承诺：许可告知承诺事项经核查未履行，已责令限期整改',
      });

    for (const licence of s.licences) {
      const from = new Date(`${licence.validFrom}T00:00:00+08:00`);
      // Tobacco retail licences come from the tobacco monopoly bureau, not a district department.
      if (from.getTime() > now.getTime() || licence.type === '烟草专卖零售许可证') continue;
      push({
        source: 'licence',
        departmentCode: licence.type === '公共场所卫生许可证' ? 'wjj' : 'scjgj',
        date: from,
        validUntil: licence.validTo ? new Date(`${licence.validTo}T23:59:59+08:00`) : null,
        severity: 0,
        data: { licenceType: licence.type },
        summary: `行政许可：${licence.type}（${licence.number}）`,
      });
    }
    // Harmless history on top of every profile: an older passed check, a stray complaint.
    if (rng.chance(0.25)) inspection(ago(400, 1000), 'pass');
    switch (profiles[i]) {
      case 'clean':
        if (rng.chance(0.3)) complaint(ago(20, 330));
        break;
      case 'praised':
        inspection(ago(20, 330), 'pass');
        if (rng.chance(0.5)) commitment(ago(30, 700), true);
        break;
      case 'recovered':
        penalty(ago(400, 1000), 30);
        commitment(ago(60, 360), true);
        inspection(ago(20, 300), 'pass');
        break;
      case 'old_penalty':
        penalty(ago(400, 1000), 30);
        break;
      case 'failed':
        inspection(ago(20, 330), 'fail');
        break;
      case 'complained':
        for (let k = 0; k < 3; k++) complaint(ago(10, 340));
        break;
      case 'recent_penalty':
        penalty(ago(20, 330), 40);
        break;
      case 'broken':
        commitment(ago(30, 700), false);
        break;
      case 'failed_complained':
        inspection(ago(20, 330), 'fail');
        for (let k = 0; k < 3; k++) complaint(ago(10, 340));
        break;
      case 'penalty_failed':
        penalty(ago(20, 330), 50);
        inspection(ago(20, 330), 'fail');
        break;
      case 'serious':
        penalty(ago(30, 300), 80, SERIOUS[sector]);
        break;
      case 'revoked':
        penalty(ago(30, 300), 90, SERIOUS[sector], true);
        break;
      case 'repeated':
        penalty(ago(20, 330), 40);
        penalty(ago(400, 700), 30);
        penalty(ago(700, 1000), 30);
        break;
      default:
        break;
    }
  });
  return out;
}

function pickOf<T>(rng: Rng, items: readonly T[]): T {
  return items[rng.int(0, items.length - 1)]!;
}
