import { createHash } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { type Actor, requireAuthenticated } from '../access';
import { recordAudit } from '../audit';
import type { Clock } from '../clock';
import type { Db, Executor } from '../db/types';
import { InputError, NotFoundError } from '../errors';
import { newId } from '../ids';
import { filesFile } from './schema';
import { sniffType } from './sniff-type';

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

export interface StoreFileInput {
  name: string;
  content: Buffer;
  /** Accepted types (detected from the bytes); default: images. */
  allowed?: readonly string[];
  maxBytes?: number;
}

/** Path separators and control characters become `_` (names are shown and used in downloads). */
function safeName(name: string): string {
  return Array.from(name, (c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('');
}

/** Attachments: checked by their bytes, hashed, stored once, audited. */
export function createFileStore(deps: {
  db: Db;
  clock: Clock;
  transaction: <T>(work: (tx: Executor) => Promise<T>) => Promise<T>;
}) {
  async function store(actor: Actor, input: StoreFileInput) {
    requireAuthenticated(actor);
    const maxBytes = input.maxBytes ?? DEFAULT_MAX_BYTES;
    if (input.content.length === 0) throw new InputError('files.empty', 'The file is empty.');
    if (input.content.length > maxBytes)
      throw new InputError(
        'files.too_large',
        `The file is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`,
        { maxBytes },
      );
    const mime = sniffType(input.content);
    const allowed = input.allowed ?? IMAGE_TYPES;
    if (!mime || !allowed.includes(mime))
      throw new InputError(
        'files.type_not_allowed',
        `This kind of file is not accepted here (allowed: ${allowed.join(', ')}).`,
        { allowed: [...allowed] },
      );
    const name = safeName(input.name).slice(-120) || 'file';
    const sha256 = createHash('sha256').update(input.content).digest('hex');
    return deps.transaction(async (tx) => {
      const [row] = await tx
        .insert(filesFile)
        .values({
          id: newId(),
          sha256,
          size: input.content.length,
          mime,
          name,
          content: input.content,
          uploadedBy: actor.id,
          createdAt: deps.clock.now(),
        })
        .returning({
          id: filesFile.id,
          sha256: filesFile.sha256,
          size: filesFile.size,
          mime: filesFile.mime,
          name: filesFile.name,
          createdAt: filesFile.createdAt,
        });
      await recordAudit(tx, deps.clock, {
        actor,
        action: 'files.file.stored',
        subjectType: 'file',
        subjectId: row.id,
        data: { sha256, size: row.size, mime },
      });
      return row;
    });
  }

  /** The file with its content; callers check that the actor may see what it is attached to. */
  async function read(id: string, executor: Executor = deps.db) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw new NotFoundError('files.file.not_found', 'No such file.');
    const [row] = await executor.select().from(filesFile).where(eq(filesFile.id, id));
    if (!row) throw new NotFoundError('files.file.not_found', 'No such file.');
    return row;
  }

  return { store, read };
}

export type FileStore = ReturnType<typeof createFileStore>;
