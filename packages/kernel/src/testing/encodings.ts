// Byte encodings for tests that upload files the way Chinese offices save them.

export function utf8(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

let gbkTable: Map<string, number> | null = null;

/** GBK bytes for text, from a table built by decoding every two-byte GBK code. */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gbk');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const character = decoder.decode(new Uint8Array([lead, trail]));
        if (character.length === 1 && character !== '\ufffd' && !gbkTable.has(character)) {
          gbkTable.set(character, (lead << 8) | trail);
        }
      }
    }
  }
  const bytes: number[] = [];
  for (const character of text) {
    const code = character.charCodeAt(0);
    if (code < 0x80) {
      bytes.push(code);
      continue;
    }
    const pair = gbkTable.get(character);
    if (pair === undefined) throw new Error(`no GBK code for U+${code.toString(16)}`);
    bytes.push(pair >> 8, pair & 0xff);
  }
  return Uint8Array.from(bytes);
}
