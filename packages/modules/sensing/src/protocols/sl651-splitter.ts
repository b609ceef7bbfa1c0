import { END_CHARS, FRAME_OVERHEAD, HEADER_BYTES, STX, SYN, sl651Crc } from './sl651';

const SYNC = Buffer.from([0x7e, 0x7e]);
const MAX_PENDING = 64 * 1024;

/**
 * Cuts a TCP byte stream into SL 651 HEX frames: 7E7E, a header whose length field gives the
 * body size, an end char and a CRC. Binary data can hold 7E7E by chance, so a candidate is
 * only taken when its up/down flag, start char, end char and CRC all check out; otherwise
 * one byte is skipped and counted in `junkBytes`.
 */
export class Sl651Splitter {
  /** Bytes skipped because they were not part of a valid frame. */
  junkBytes = 0;
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds a chunk and returns the frames it completed, in order. */
  push(chunk: Uint8Array): Buffer[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const start = this.buffer.indexOf(SYNC);
      if (start < 0) {
        this.skip(this.buffer.length - (this.buffer.at(-1) === 0x7e ? 1 : 0));
        break;
      }
      this.skip(start);
      const verdict = this.candidate();
      if (verdict === 'wait') break;
      if (verdict === 'junk') {
        this.skip(1);
        continue;
      }
      frames.push(this.buffer.subarray(0, verdict));
      this.buffer = this.buffer.subarray(verdict);
    }
    if (this.buffer.length > MAX_PENDING) this.skip(this.buffer.length);
    return frames;
  }

  /** Bytes held while waiting for the rest of a frame. */
  get pendingBytes(): number {
    return this.buffer.length;
  }

  private candidate(): number | 'wait' | 'junk' {
    const b = this.buffer;
    if (b.length > 11 && b[11] >> 4 !== 0 && b[11] >> 4 !== 8) return 'junk';
    if (b.length > 13 && b[13] !== STX && b[13] !== SYN) return 'junk';
    if (b.length < HEADER_BYTES) return 'wait';
    const total = FRAME_OVERHEAD + (((b[11] & 0x0f) << 8) | b[12]);
    if (b.length < total) return 'wait';
    const crcOk = sl651Crc(b.subarray(0, total - 2)) === b.readUInt16BE(total - 2);
    return END_CHARS.has(b[total - 3]) && crcOk ? total : 'junk';
  }

  private skip(count: number): void {
    if (count <= 0) return;
    this.junkBytes += count;
    this.buffer = this.buffer.subarray(count);
  }
}
