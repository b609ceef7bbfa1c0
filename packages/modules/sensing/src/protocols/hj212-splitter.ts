import { HEADER_BYTES, TRAILER_BYTES } from './hj212';

const HASH = 0x23;
const MAX_PENDING = 64 * 1024;

/**
 * Cuts a TCP byte stream into HJ 212 frames. A frame starts at `##` + 4 digits followed by a
 * field name (`QN=`, `ST=`), is as long as it declares and ends with CRLF; other bytes are
 * skipped and counted in `junkBytes`. CRC is left to `decodeHj212`, so a damaged frame still
 * reaches the decoder and its error can be logged.
 */
export class Hj212Splitter {
  /** Bytes skipped because they were not part of a frame. */
  junkBytes = 0;
  private buffer: Buffer = Buffer.alloc(0);

  /** Adds a chunk and returns the frames it completed, in order. */
  push(chunk: Uint8Array): Buffer[] {
    this.buffer = this.buffer.length === 0 ? Buffer.from(chunk) : Buffer.concat([this.buffer, chunk]);
    const frames: Buffer[] = [];
    for (;;) {
      const start = this.buffer.indexOf('##');
      if (start < 0) {
        // Keep a trailing '#': it may be the first half of the next "##".
        const keep = this.buffer.at(-1) === HASH ? 1 : 0;
        this.skip(this.buffer.length - keep);
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

  /** Length of the frame at the buffer start, 'wait' for more bytes, or 'junk'. */
  private candidate(): number | 'wait' | 'junk' {
    const b = this.buffer;
    if (b.length < 9) return /^##(\d{0,4}|\d{4}[A-Z]{1,2})$/.test(b.toString('latin1')) ? 'wait' : 'junk';
    const digits = b.toString('latin1', 2, 6);
    if (!/^\d{4}$/.test(digits) || !/^[A-Z]{2}=$/.test(b.toString('latin1', 6, 9))) return 'junk';
    const total = HEADER_BYTES + Number(digits) + TRAILER_BYTES;
    if (b.length < total) return 'wait';
    return b[total - 2] === 0x0d && b[total - 1] === 0x0a ? total : 'junk';
  }

  private skip(count: number): void {
    if (count <= 0) return;
    this.junkBytes += count;
    this.buffer = this.buffer.subarray(count);
  }
}
