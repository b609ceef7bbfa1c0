import { createHash, randomBytes } from 'node:crypto';

/** A random URL-safe token (256 bits by default). */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** Only this digest is stored for sessions and API keys. */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
