import { idNumberCheckDigit, isRealDate, organisationCodeCheckChar, usccCheckChar } from './check-digits';

// Synthetic identities for demo staff and generated volume. Every value has valid check characters
// (so it passes the kernel's validators) but carries a marker no careful reader mistakes for a
// real person: ID sequences 900–999, phones 1990000xxxx, organisation codes starting MAX.

export type SyntheticIdNumberOptions = {
  /** Date of birth, YYYYMMDD. */
  birth: string;
  male: boolean;
  /** Address code at first issue: 330283 (奉化市, before 2016) or 330213 (奉化区). */
  addressCode?: '330283' | '330213';
};

/** Distinct ID numbers available per (address code, birth date, sex). */
export const SYNTHETIC_ID_SEQUENCES = 50;

/**
 * A GB 11643 身份证号 whose 3-digit sequence is 900–999 (odd for men, even for women).
 * `seq` 0–49 picks the sequence, so one (address, birth, sex) yields 50 distinct numbers;
 * vary `birth` for more.
 */
export function syntheticIdNumber(seq: number, options: SyntheticIdNumberOptions): string {
  if (!Number.isInteger(seq) || seq < 0 || seq >= SYNTHETIC_ID_SEQUENCES) {
    throw new RangeError(`seq must be an integer 0–${SYNTHETIC_ID_SEQUENCES - 1}, got ${seq}`);
  }
  if (!isRealDate(options.birth))
    throw new RangeError(`birth must be a real YYYYMMDD date, got ${options.birth}`);
  const sequence = 900 + seq * 2 + (options.male ? 1 : 0);
  const first17 = `${options.addressCode ?? '330213'}${options.birth}${sequence}`;
  return first17 + idNumberCheckDigit(first17);
}

// Frequent surnames in Zhejiang (王 陈 张 李 … with local 应 邬 竺 毛 — common in Fenghua).
const SURNAMES = '王陈张李刘杨黄赵吴周徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯董萧程曹袁邓许傅沈曾彭吕应邬竺毛叶蒋';
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国文辉玲红志鹏宇浩晨欣怡佳琪子涵雨轩思睿博嘉';

/** Integer mixer (lowbias32): turns consecutive n into well-spread bits. */
function mix(n: number): number {
  let x = n >>> 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d);
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b);
  x ^= x >>> 16;
  return x >>> 0;
}

/** A plausible two- or three-character Chinese name, always the same for the same n (n ≥ 0). */
export function syntheticName(n: number): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be a non-negative integer, got ${n}`);
  const h = mix(n);
  const surname = SURNAMES[n % SURNAMES.length];
  const first = GIVEN[h % GIVEN.length];
  // About seven in ten names get a second given character.
  if ((h >>> 24) % 10 < 3) return surname + first;
  return surname + first + GIVEN[(h >>> 8) % GIVEN.length];
}

/** A mobile number in the clearly fake block 199 0000 0000–9999 (n 0–9999). */
export function syntheticPhone(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999)
    throw new RangeError(`n must be an integer 0–9999, got ${n}`);
  return `1990000${String(n).padStart(4, '0')}`;
}

export type SyntheticUsccOptions = {
  /** Registration authority + category, default 91 (工商, 企业); 92 个体工商户, 93 农民专业合作社. */
  category?: '91' | '92' | '93';
};

/**
 * A GB 32100 统一社会信用代码: category, 6-digit division code, organisation code `MAX` + 5 digits
 * with its GB 11714 check character, and the GB 32100 check character. `seq` is 0–99,999.
 */
export function syntheticUscc(
  seq: number,
  divisionCode6: string,
  options: SyntheticUsccOptions = {},
): string {
  if (!Number.isInteger(seq) || seq < 0 || seq > 99_999) {
    throw new RangeError(`seq must be an integer 0–99999, got ${seq}`);
  }
  if (!/^\d{6}$/.test(divisionCode6))
    throw new RangeError(`divisionCode6 must be 6 digits, got ${divisionCode6}`);
  const body = `MAX${String(seq).padStart(5, '0')}`;
  const first17 = `${options.category ?? '91'}${divisionCode6}${body}${organisationCodeCheckChar(body)}`;
  return first17 + usccCheckChar(first17);
}
