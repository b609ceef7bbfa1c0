/** 13912341234 → 139****1234. The validators module has the full set of maskers. */
export function maskPhoneNumber(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}
