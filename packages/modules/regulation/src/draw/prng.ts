import { createHash, createHmac, randomBytes } from 'node:crypto';
import { InputError } from '@zhizhi/kernel/errors';

/**
 * The deterministic random source of the double-random draw (双随机). Anyone holding the published
 * seed must be able to reproduce every number, so the construction is fixed and written out here
 * (and in the package README, "Double-random draw"):
 *
 * - Seed: 16 to 64 bytes, written as hex (either case; `newSeed()` gives 32 bytes, lowercase).
 * - Commitment (published before the draw): `seedCommitment(seed)` = lowercase hex SHA-256 of the
 *   seed *bytes* (not of the hex text), i.e. `printf %s "$SEED" | xxd -r -p | sha256sum`.
 * - Stream: a PRNG is a stream named by a label (a UTF-8 string, the domain separation). Block
 *   number c (c = 0, 1, 2, …) is `HMAC-SHA256(key = seed bytes, message = UTF-8(label) ‖ c)` where
 *   c is an unsigned 64-bit big-endian integer (8 bytes). The label carries no terminator: the
 *   counter is always the last 8 bytes, so the message is unambiguous.
 * - Words: each 32-byte block is split into eight unsigned 32-bit big-endian words, used in order
 *   (block 0 words 0..7, then block 1 words 0..7, …). Every word is used once, none is skipped.
 * - `uniformInt(n)`, 1 ≤ n ≤ 2^32, is uniform on 0..n−1 by rejection sampling: with
 *   `limit = 2^32 − (2^32 mod n)`, take the next word w; if w < limit return w mod n, otherwise
 *   discard w and take the next one. It always takes at least one word, also for n = 1.
 */
export const MIN_SEED_BYTES = 16;
export const MAX_SEED_BYTES = 64;

const TWO_32 = 0x1_0000_0000;

/** A fresh secret seed: 32 random bytes, lowercase hex. */
export function newSeed(): string {
  return randomBytes(32).toString('hex');
}

/** Checks the seed's form and returns its bytes; throws `regulation.draw.seed_invalid`. */
export function seedBytes(seed: string): Buffer {
  const ok =
    typeof seed === 'string' &&
    /^[0-9a-fA-F]*$/.test(seed) &&
    seed.length % 2 === 0 &&
    seed.length >= MIN_SEED_BYTES * 2 &&
    seed.length <= MAX_SEED_BYTES * 2;
  if (!ok) {
    throw new InputError(
      'regulation.draw.seed_invalid',
      `The seed must be ${MIN_SEED_BYTES} to ${MAX_SEED_BYTES} bytes written as hex.`,
    );
  }
  return Buffer.from(seed, 'hex');
}

/** What is published before the draw: lowercase hex SHA-256 of the seed bytes. */
export function seedCommitment(seed: string): string {
  return createHash('sha256').update(seedBytes(seed)).digest('hex');
}

export interface DrawPrng {
  /** The label this stream was made with. */
  readonly label: string;
  /** The next unsigned 32-bit word of the stream. */
  nextUint32(): number;
  /** A uniform integer in 0..n−1 (1 ≤ n ≤ 2^32), without modulo bias. */
  uniformInt(n: number): number;
}

/** The stream named `label` under `seed` (hex), as described at the top of this file. */
export function createDrawPrng(seed: string, label: string): DrawPrng {
  const key = seedBytes(seed);
  const labelBytes = Buffer.from(label, 'utf8');
  const message = Buffer.alloc(labelBytes.length + 8);
  labelBytes.copy(message, 0);
  let counter = 0n;
  let block: Buffer = Buffer.alloc(0);
  let offset = 32;

  const nextUint32 = (): number => {
    if (offset >= 32) {
      message.writeBigUInt64BE(counter, labelBytes.length);
      block = createHmac('sha256', key).update(message).digest();
      counter += 1n;
      offset = 0;
    }
    const word = block.readUInt32BE(offset);
    offset += 4;
    return word;
  };

  const uniformInt = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > TWO_32) {
      throw new InputError('regulation.draw.range_invalid', 'uniformInt needs an integer n in 1..2^32.');
    }
    const limit = TWO_32 - (TWO_32 % n);
    for (;;) {
      const word = nextUint32();
      if (word < limit) return word % n;
    }
  };

  return { label, nextUint32, uniformInt };
}

/**
 * Chooses k of `pool` by a partial Fisher–Yates shuffle driven by `prng`: on a copy `a` of the
 * pool, for i = 0..k−1: j = i + uniformInt(len − i), swap a[i] and a[j]; the result is a[0..k−1]
 * in that order. Needs 0 ≤ k ≤ pool length.
 */
export function partialShuffle<T>(pool: readonly T[], k: number, prng: DrawPrng): T[] {
  const a = [...pool];
  for (let i = 0; i < k; i++) {
    const j = i + prng.uniformInt(a.length - i);
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
  return a.slice(0, k);
}

/**
 * Orders strings by the bytes of their UTF-8 encoding (equivalently by Unicode code point),
 * without encoding them: at the first differing UTF-16 unit, surrogates sort above U+E000..U+FFFF.
 */
export function compareUtf8(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return fixup(x) - fixup(y);
  }
  return a.length - b.length;
}

function fixup(unit: number): number {
  if (unit >= 0xe000) return unit - 0x800;
  if (unit >= 0xd800) return unit + 0x2000;
  return unit;
}
