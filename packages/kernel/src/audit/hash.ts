import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

export const GENESIS_HASH = '0'.repeat(64);

/** The fields an entry's hash covers (everything but seq and the hashes themselves). */
export interface HashedFields {
  id: string;
  at: Date;
  actorType: string;
  actorId: string | null;
  actorName: string | null;
  action: string;
  subjectType: string;
  subjectId: string | null;
  purpose: string | null;
  data: Record<string, unknown>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** SHA-256 over the previous hash and the canonical JSON of the entry. */
export function entryHash(prevHash: string, fields: HashedFields): string {
  return sha256(prevHash + canonicalJson(fields));
}

/** Merkle root over a list of hex hashes (last one duplicated on odd levels). */
export function merkleRoot(hashes: readonly string[]): string {
  if (hashes.length === 0) return GENESIS_HASH;
  let level = [...hashes];
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(sha256(level[i] + (level[i + 1] ?? level[i])));
    level = next;
  }
  return level[0];
}
