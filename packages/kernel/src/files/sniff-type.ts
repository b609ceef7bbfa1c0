/** File types the platform accepts, recognised by their first bytes. */
const SIGNATURES: { mime: string; test: (b: Buffer) => boolean }[] = [
  { mime: 'image/jpeg', test: (b) => b.length > 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  {
    mime: 'image/png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  {
    mime: 'image/webp',
    test: (b) =>
      b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP',
  },
  { mime: 'image/gif', test: (b) => /^GIF8[79]a$/.test(b.subarray(0, 6).toString('latin1')) },
  { mime: 'application/pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  {
    // An Office Open XML workbook is a zip whose first entry names are [Content_Types].xml, xl/….
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    test: (b) =>
      b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) &&
      b.subarray(0, 4096).includes('xl/') &&
      b.includes('[Content_Types].xml'),
  },
  { mime: 'text/plain', test: isText },
];

/** Text: no NUL or other C0 controls except tab/CR/LF/FF/ESC-free, in UTF-8 or GB18030. */
function isText(b: Buffer): boolean {
  if (b.length === 0) return false;
  const head = b.subarray(0, 64 * 1024);
  for (const byte of head) if (byte < 0x09 || (byte > 0x0d && byte < 0x20 && byte !== 0x1b)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, lastCompleteUtf8(head)));
    return true;
  } catch {
    try {
      new TextDecoder('gb18030', { fatal: true }).decode(head);
      return true;
    } catch {
      return false;
    }
  }
}

/** Length of `b` without a UTF-8 sequence cut off at the end (the head is a 64 KiB slice). */
function lastCompleteUtf8(b: Buffer): number {
  let end = b.length;
  for (let i = 1; i <= 3 && end - i >= 0; i++) {
    const byte = b[end - i];
    if ((byte & 0xc0) === 0x80) continue; // continuation byte
    const need = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    if (need > i) end -= i;
    break;
  }
  return end;
}

/** The content's real type, or null when it is none we accept. */
export function sniffType(content: Buffer): string | null {
  return SIGNATURES.find((s) => s.test(content))?.mime ?? null;
}
