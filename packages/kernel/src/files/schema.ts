import { customType, index, integer, pgTable, text, timestamp, uuid, varchar } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => 'bytea',
  // PGlite hands back Uint8Array, node-postgres Buffer: give callers a Buffer from both.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * Attachments (photos, scans). Content lives in the database so every node of a cluster sees
 * it and backups include it; sizes are capped per use (default 10 MiB).
 */
export const filesFile = pgTable(
  'files_file',
  {
    id: uuid('id').primaryKey(),
    /** SHA-256 of the content (evidence integrity; duplicates detectable). */
    sha256: varchar('sha256', { length: 64 }).notNull(),
    size: integer('size').notNull(),
    /** Detected from the content, never from the client's claim. */
    mime: varchar('mime', { length: 128 }).notNull(),
    /** The uploader's file name, for display. */
    name: text('name').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: text('uploaded_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('files_file_sha256').on(t.sha256)],
);
