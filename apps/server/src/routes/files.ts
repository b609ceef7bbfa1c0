import { channelActor } from '@zhizhi/governance';
import { type Actor, type Kernel, NotFoundError, requireAuthenticated, rows } from '@zhizhi/kernel';
import { sql } from 'drizzle-orm';
import { InputError } from '@zhizhi/kernel/errors';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { dateTime, uuid } from '../schemas';

const MAX_BYTES = 10 * 1024 * 1024;
const PUBLIC_MAX_BYTES = 8 * 1024 * 1024;
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'];

export const fileSchema = z
  .object({
    id: uuid,
    sha256: z.string(),
    size: z.number().int(),
    mime: z.string(),
    name: z.string(),
    createdAt: dateTime,
  })
  .meta({ id: 'StoredFile' });

function fileName(header: string | undefined): string {
  try {
    return decodeURIComponent(header ?? 'upload').slice(0, 200) || 'upload';
  } catch {
    return 'upload';
  }
}

/** Attachments: the body is the file itself; its type is sniffed from the bytes, never trusted. */
export function fileRoutes(kernel: Kernel) {
  /** A file is readable by its uploader, and by whoever may read a case it is attached to. */
  async function attachedToReadableCase(fileId: string, actor: Actor): Promise<boolean> {
    const cases = await rows<{ id: string }>(
      kernel.db,
      sql`select id from cases_case where data::text like ${`%${fileId}%`} limit 20`,
    );
    for (const c of cases) {
      try {
        await kernel.cases.getCase(actor, c.id);
        return true;
      } catch {
        // not readable by this actor; try the next
      }
    }
    return false;
  }
  return async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    const tags = ['files'];
    // Any declared type: what counts is the bytes (sniffed by the file store).
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: MAX_BYTES }, (_request, body, done) =>
      done(null, body),
    );
    const headers = z.object({ 'x-file-name': z.string().max(600).optional() });
    const body = (content: unknown): Buffer => {
      if (!Buffer.isBuffer(content) || content.length === 0)
        throw new InputError('files.empty', 'Send the file as the request body.');
      return content;
    };

    r.post(
      '/api/files',
      {
        schema: {
          tags,
          summary: 'Upload a photo or PDF (≤ 10 MiB); the name goes in x-file-name (URL-encoded)',
          headers,
          response: { 201: fileSchema },
        },
      },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        const file = await kernel.files.store(request.actor, {
          name: fileName(request.headers['x-file-name']),
          content: body(request.body),
          allowed: [...PHOTO_TYPES, 'application/pdf'],
          maxBytes: MAX_BYTES,
        });
        return reply.code(201).send(file);
      },
    );

    r.get(
      '/api/files/:id',
      { schema: { tags, summary: 'Download an attachment (staff)', params: z.object({ id: uuid }) } },
      async (request, reply) => {
        requireAuthenticated(request.actor);
        const file = await kernel.files.read(request.params.id);
        if (
          file.uploadedBy !== request.actor.id &&
          !(await attachedToReadableCase(request.params.id, request.actor))
        )
          throw new NotFoundError('files.file.not_found', 'No such file.');
        return reply
          .type(file.mime)
          .header('cache-control', 'private, max-age=86400')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(file.name)}`)
          .send(file.content);
      },
    );

    r.post(
      '/api/public/files',
      {
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
        schema: {
          tags: ['public'],
          summary: 'Upload a photo for a public report (JPEG/PNG/WebP ≤ 8 MiB; no login)',
          headers,
          response: { 201: fileSchema },
        },
      },
      async (request, reply) => {
        const file = await kernel.files.store(channelActor('public'), {
          name: fileName(request.headers['x-file-name']),
          content: body(request.body),
          allowed: PHOTO_TYPES,
          maxBytes: PUBLIC_MAX_BYTES,
        });
        return reply.code(201).send(file);
      },
    );
  };
}
