// Maskers never return more of the value than they would for a well-formed one.

function stars(count: number): string {
  return '*'.repeat(Math.max(count, 0));
}

/**
 * 330283199001011234 → 330283********1234: keeps the first 6 and last 4 characters. Values of
 * 10 characters or fewer are starred out completely.
 */
export function maskIdNumber(value: string): string {
  const chars = Array.from(value.trim());
  if (chars.length <= 10) return stars(chars.length);
  return `${chars.slice(0, 6).join('')}${stars(chars.length - 10)}${chars.slice(-4).join('')}`;
}

/** 13912341234 → 139****1234: keeps the first 3 and last 4 characters; short values are starred out. */
export function maskPhone(phone: string): string {
  const chars = Array.from(phone.trim());
  if (chars.length <= 7) return stars(chars.length);
  return `${chars.slice(0, 3).join('')}${stars(chars.length - 7)}${chars.slice(-4).join('')}`;
}

/** 张三明 → 张*明, 张三 → 张*, 欧阳娜娜 → 欧**娜, 张 → *: keeps the first and (from 3 characters) the last. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length <= 1) return stars(chars.length);
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${stars(chars.length - 2)}${chars[chars.length - 1]}`;
}
