/** Number and character forms used by the noise operators: Chinese numerals, full-width characters. */

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Chinese reading of 0–9999: 10 → 十, 26 → 二十六, 108 → 一百零八, 110 → 一百一十, 1005 → 一千零五. */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) throw new Error(`chineseNumber: out of range ${n}`);
  if (n < 10) return DIGITS[n];
  if (n < 20) return `十${n % 10 === 0 ? '' : DIGITS[n % 10]}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const place = digits.length - 1 - i;
    if (d === 0) {
      if (out) pendingZero = true;
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d] + units[place];
  });
  return out;
}

/** Digit-by-digit reading, as room numbers are said: 502 → 五零二. */
export function chineseDigits(n: number): string {
  return String(n)
    .split('')
    .map((d) => DIGITS[Number(d)])
    .join('');
}

/** ASCII → full-width for digits, letters and the punctuation addresses use. Length is preserved. */
export function toFullWidth(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (ch === ' ') out += '\u3000';
    else if (code >= 0x21 && code <= 0x7e && /[0-9A-Za-z#\-,()/]/.test(ch))
      out += String.fromCharCode(code + 0xfee0);
    else out += ch;
  }
  return out;
}

/** True when the text has something `toFullWidth` changes. */
export function hasHalfWidth(text: string): boolean {
  return /[0-9A-Za-z#\-,()/ ]/.test(text);
}
