import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../access';
import { createTestKernel } from '../testing';

const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(100, 7),
]);
const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
  Buffer.alloc(200, 1),
  Buffer.from([0, 255, 128]),
]);

describe('file store', () => {
  let t: Awaited<ReturnType<typeof createTestKernel>>;
  beforeAll(async () => {
    t = await createTestKernel();
  });
  afterAll(() => t.close());

  it('stores a photo by its real type, hashed, and gives back the exact bytes', async () => {
    const stored = await t.kernel.files.store(systemActor, { name: '现场照片.jpg', content: JPEG });
    expect(stored).toMatchObject({
      mime: 'image/jpeg',
      size: JPEG.length,
      sha256: createHash('sha256').update(JPEG).digest('hex'),
      name: '现场照片.jpg',
    });
    const back = await t.kernel.files.read(stored.id);
    expect(Buffer.isBuffer(back.content)).toBe(true);
    expect(back.content.equals(JPEG)).toBe(true);
  });

  it('refuses a file whose bytes are not an allowed type, whatever its name says', async () => {
    await expect(
      t.kernel.files.store(systemActor, {
        name: 'photo.jpg',
        content: Buffer.from('<script>alert(1)</script>'),
      }),
    ).rejects.toMatchObject({ code: 'files.type_not_allowed' });
    await expect(
      t.kernel.files.store(systemActor, { name: 'scan.pdf', content: Buffer.from('%PDF-1.7 ...') }),
    ).rejects.toMatchObject({ code: 'files.type_not_allowed' });
    await expect(
      t.kernel.files.store(systemActor, {
        name: 'scan.pdf',
        content: Buffer.from('%PDF-1.7 ...'),
        allowed: ['application/pdf'],
      }),
    ).resolves.toMatchObject({ mime: 'application/pdf' });
  });

  it('refuses empty and oversized files', async () => {
    await expect(
      t.kernel.files.store(systemActor, { name: 'x.png', content: Buffer.alloc(0) }),
    ).rejects.toMatchObject({ code: 'files.empty' });
    await expect(
      t.kernel.files.store(systemActor, { name: 'x.png', content: PNG, maxBytes: 50 }),
    ).rejects.toMatchObject({ code: 'files.too_large' });
  });

  it('strips path separators and control characters from names', async () => {
    const stored = await t.kernel.files.store(systemActor, {
      name: '../../etc/passwd\u0000.png',
      content: PNG,
    });
    expect(stored.name).toBe('.._.._etc_passwd_.png');
  });
});
