import { sql } from 'drizzle-orm';
import {
  bigserial,
  integer,
  pgTable,
  text,
  timestamp,
  uuid,
  uniqueIndex,
  varchar,
} from 'drizzle-orm/pg-core';

/**
 * Signing keys for code tokens. The newest row is the current key; older rows keep verifying
 * the tokens they signed. Stored in the database so every node and every restart shares them.
 */
export const kernelCodeKey = pgTable('kernel_code_key', {
  /** The key id carried in every token (0–1023). */
  id: integer('id').primaryKey(),
  /** 32 random bytes, base64url; null when derived from the configured secret. */
  secret: text('secret'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
});

/** An issued code (一码通服): a signed public token bound to one entity of one kind. */
export const kernelCode = pgTable(
  'kernel_code',
  {
    id: uuid('id').primaryKey(),
    /** The public part of the token (short, never reused). */
    serial: bigserial('serial', { mode: 'number' }).notNull(),
    /** What the code stands for, dotted: `places.doorplate`, `regulation.shop`. */
    kind: varchar('kind', { length: 64 }).notNull(),
    entityId: text('entity_id').notNull(),
    /** The key that signed its token, so the token stays the same after a rotation. */
    keyId: integer('key_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    createdBy: text('created_by'),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedBy: text('revoked_by'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    uniqueIndex('kernel_code_serial').on(t.serial),
    // At most one active code per entity; revoked ones stay as history.
    uniqueIndex('kernel_code_active').on(t.kind, t.entityId).where(sql`revoked_at is null`),
  ],
);
