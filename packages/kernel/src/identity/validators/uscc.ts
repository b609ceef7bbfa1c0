import { failure, type ValidationFailure } from './validation-result';

/** A code with its Chinese name; the name is null when GB 32100-2015 assigns none. */
export interface CodeName {
  code: string;
  name: string | null;
}

/** What a valid 统一社会信用代码 tells. */
export interface UsccInfo {
  ok: true;
  /** Normalised: trimmed, upper case. */
  value: string;
  /** Position 1: the registering authority (9 工商, 5 民政, 1 机构编制 …). */
  registrationAuthority: CodeName;
  /** Position 2: the kind of organisation under that authority (for 9: 1 企业, 2 个体工商户 …). */
  category: CodeName;
  /** Positions 3–8: the registering division's code (GB/T 2260) at registration. */
  divisionCode: string;
  /** Positions 9–17: the organisation code (组织机构代码) body. */
  organizationCode: string;
  /** False only when `acceptBadCheckDigit` let a wrong check character through. */
  checkDigitValid: boolean;
}

export type UsccFailureCode = 'identity.uscc.format' | 'identity.uscc.check_digit';

export type UsccResult = UsccInfo | ValidationFailure<UsccFailureCode>;

/** Options for `validateUscc`. */
export interface ValidateUsccOptions {
  /** Report a wrong check character as `checkDigitValid: false` instead of failing (after a person overrode it). */
  acceptBadCheckDigit?: boolean;
}

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

// GB 32100-2015 appendix A: registration authorities and the organisation categories under each.
const AUTHORITIES: Record<string, { name: string; categories: Record<string, string> }> = {
  '1': { name: '机构编制', categories: { '1': '机关', '2': '事业单位', '3': '群众团体', '9': '其他' } },
  '2': { name: '外交', categories: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    categories: {
      '1': '律师执业机构',
      '2': '公证处',
      '3': '基层法律服务所',
      '4': '司法鉴定机构',
      '5': '仲裁委员会',
      '9': '其他',
    },
  },
  '4': { name: '文化', categories: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', categories: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': {
    name: '旅游',
    categories: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻代表机构', '9': '其他' },
  },
  '7': { name: '宗教', categories: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', categories: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', categories: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', categories: { '1': '军队事业单位', '9': '其他' } },
  N: {
    name: '农业',
    categories: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' },
  },
  Y: { name: '其他', categories: {} },
};

/** The GB 32100-2015 check character for the first 17 characters. */
export function usccCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

/**
 * Checks a unified social credit code (GB 32100-2015, 18 characters): alphabet and layout, then
 * the check character. Lower case is accepted and normalised. A wrong check character fails with
 * `identity.uscc.check_digit` and `overridable: true` (some genuine codes carry one). Authority
 * and category codes the standard does not list are decoded with a null name, not rejected.
 */
export function validateUscc(value: unknown, options: ValidateUsccOptions = {}): UsccResult {
  const normalised = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!FORMAT.test(normalised)) {
    return failure(
      'identity.uscc.format',
      'A unified social credit code has 18 characters: digits and capital letters except I, O, S, V, Z.',
    );
  }
  const checkDigitValid = usccCheckCharacter(normalised) === normalised[17];
  if (!checkDigitValid && !options.acceptBadCheckDigit) {
    return failure(
      'identity.uscc.check_digit',
      'The last character of the unified social credit code does not match; please check the licence.',
      true,
    );
  }
  const authority = AUTHORITIES[normalised[0]];
  return {
    ok: true,
    value: normalised,
    registrationAuthority: { code: normalised[0], name: authority?.name ?? null },
    category: { code: normalised[1], name: authority?.categories[normalised[1]] ?? null },
    divisionCode: normalised.slice(2, 8),
    organizationCode: normalised.slice(8, 17),
    checkDigitValid,
  };
}
