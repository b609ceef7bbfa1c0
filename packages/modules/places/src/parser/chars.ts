/**
 * Character-level normalisation that keeps every offset: each UTF-16 unit maps to exactly one unit,
 * so spans found in the normalised text are spans of the input.
 */
export function foldChars(input: string): string {
  if (!NEEDS_FOLD.test(input)) return input;
  let out = '';
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    if (code >= 0xff01 && code <= 0xff5e) {
      // Full-width ASCII block (０-９, Ａ-Ｚ, －, ＃ …) → ASCII.
      out += String.fromCharCode(code - 0xfee0);
    } else if (code === 0x3000) {
      out += ' ';
    } else {
      const mapped = FOLD[input[i] as string];
      out += mapped ?? input[i];
    }
  }
  return out;
}

// Anything foldChars would change (full-width block, ideographic space, the FOLD table).
const NEEDS_FOLD = /[\uff01-\uff5e\u3000—–‐－─~〇兩號樓層區鎮單莊邨]/;

const FOLD: Record<string, string> = {
  '—': '-',
  '–': '-',
  '‐': '-',
  '－': '-',
  '─': '-',
  '~': '-',
  〇: '零',
  兩: '两',
  號: '号',
  樓: '楼',
  層: '层',
  區: '区',
  鎮: '镇',
  單: '单',
  莊: '庄',
};

export function isDigit(ch: string | undefined): boolean {
  return ch !== undefined && ch >= '0' && ch <= '9';
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z'));
}

/** CJK unified ideographs (the basic block and extension A). */
export function isHan(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const code = ch.charCodeAt(0);
  return (code >= 0x4e00 && code <= 0x9fff) || (code >= 0x3400 && code <= 0x4dbf);
}

/** Characters that separate elements and belong to none. */
export function isSeparator(ch: string | undefined): boolean {
  return ch !== undefined && SEPARATORS.has(ch);
}

const SEPARATORS = new Set([
  ' ',
  '\t',
  ',',
  '.',
  ';',
  ':',
  '、',
  '，',
  '。',
  '；',
  '：',
  '(',
  ')',
  '（',
  '）',
  '[',
  ']',
  '【',
  '】',
  '"',
  "'",
  '“',
  '”',
  '‘',
  '’',
  '/',
  '\\',
  '|',
  '_',
  '·',
  '《',
  '》',
  '<',
  '>',
  '*',
  '+',
  '=',
  '!',
  '?',
  '！',
  '？',
  '@',
  '&',
  '%',
  '$',
]);

const NUMERAL_DIGITS: Record<string, number> = {
  零: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

const NUMERAL_UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

const NUMERAL_CHARS = new Set([...Object.keys(NUMERAL_DIGITS), ...Object.keys(NUMERAL_UNITS)]);

export function isNumeralChar(ch: string | undefined): boolean {
  return ch !== undefined && NUMERAL_CHARS.has(ch);
}

/**
 * Value of a run of Chinese numerals: positional (一百零八 → 108, 十二 → 12, 二十 → 20) or, without
 * 十/百/千, digit by digit as door and room numbers are read out (五零二 → 502). Null when malformed.
 */
export function numeralValue(run: string): number | null {
  if (run.length === 0) return null;
  let hasUnit = false;
  for (const ch of run) if (ch in NUMERAL_UNITS) hasUnit = true;
  if (!hasUnit) {
    let value = 0;
    for (const ch of run) {
      const digit = NUMERAL_DIGITS[ch];
      if (digit === undefined) return null;
      value = value * 10 + digit;
    }
    return value;
  }
  let total = 0;
  let current = 0;
  let lastUnit = 10_000;
  for (const ch of run) {
    const digit = NUMERAL_DIGITS[ch];
    if (digit !== undefined) {
      current = digit;
      continue;
    }
    const unit = NUMERAL_UNITS[ch] as number;
    if (unit >= lastUnit) return null;
    lastUnit = unit;
    // 十二: a leading 十 means 一十.
    total += (current === 0 && ch === '十' ? 1 : current) * unit;
    current = 0;
  }
  return total + current;
}
