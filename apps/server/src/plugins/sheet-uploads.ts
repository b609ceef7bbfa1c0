import type { FastifyInstance } from 'fastify';

/** The content types of a spreadsheet sent as the request body (imports and data loads). */
export const SHEET_UPLOAD_TYPES = [
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/**
 * Lets the routes of one plugin take a CSV/XLSX file as the raw request body (the file name comes
 * in a header), up to `maxBytes`.
 */
export function acceptSheetUploads(app: FastifyInstance, maxBytes: number): void {
  app.addContentTypeParser(
    SHEET_UPLOAD_TYPES,
    { parseAs: 'buffer', bodyLimit: maxBytes },
    (_request, body, done) => done(null, body),
  );
}
