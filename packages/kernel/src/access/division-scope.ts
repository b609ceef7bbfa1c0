/**
 * The significant prefix of a 12-digit division code: 000000000000 → '' (everything),
 * 330000000000 → '33', 330200000000 → '3302', 330213000000 → '330213', 330213001000 → '330213001',
 * 330213001001 → the whole code. Grid codes extend village codes, so prefixes cover them too.
 */
export function divisionPrefix(code: string): string {
  if (/^0+$/.test(code)) return '';
  if (code.endsWith('0000000000')) return code.slice(0, 2);
  if (code.endsWith('00000000')) return code.slice(0, 4);
  if (code.endsWith('000000')) return code.slice(0, 6);
  if (code.endsWith('000')) return code.slice(0, 9);
  return code;
}

/** True when `scope` is `target` or an ancestor of it. */
export function divisionCovers(scope: string, target: string): boolean {
  return target.startsWith(divisionPrefix(scope));
}
